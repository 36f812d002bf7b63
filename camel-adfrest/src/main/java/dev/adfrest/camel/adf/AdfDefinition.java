package dev.adfrest.camel.adf;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One ADF definition as ADF writes it: {@code {"name": ..., "properties": {...}}} from the JSON code view or Git
 * integration (with its {@code type}, {@code etag}, ...), a resource of an ARM template, or just its
 * {@code properties}. Knows where it came from and where its properties are in the file, so every message names the
 * file and the property's JSON path in it.
 *
 * @param kind       "linked service", "dataset", "Copy activity"
 * @param name       the definition's name, or null when the JSON has none
 * @param file       the file it was read from
 * @param properties its {@code properties} object (for an activity: the activity object)
 * @param path       the JSON path of {@code properties} in the file ("properties", "resources[2].properties",
 *                   "properties.activities[0]"; empty when the file is the properties object itself)
 */
record AdfDefinition(String kind, String name, AdfFile file, JsonNode properties, String path) {

    /** The entity wrapper of the code view and Git integration, with what the REST API and Synapse add. */
    private static final Set<String> ENTITY = Set.of("name", "properties", "type", "id", "etag", "lastPublishTime");
    /** What an ARM template's resource has around the definition's properties. */
    private static final Set<String> ARM_RESOURCE = Set.of("name", "type", "apiVersion", "properties", "dependsOn",
            "comments", "condition", "metadata");
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /**
     * Reads a linked service or dataset from its file: a definition, or an ARM template's resource (by the file's
     * {@code #name}, or the only one that {@code fits}).
     *
     * @param fitsWhat how messages say what fits: "REST linked services (type RestService)"
     */
    static AdfDefinition entity(AdfKind kind, AdfFile file, Predicate<ArmTemplate.Resource> fits, String fitsWhat) {
        if (file.arm() != null) {
            ArmTemplate.Resource r = file.arm().select(kind, file.option(), file.location(), file.selected(), fits,
                    fitsWhat);
            return of(kind, file, r.node(), r.path(), r.name(), ARM_RESOURCE);
        }
        JsonNode json = file.root();
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("Option '" + file.option() + "': " + file.location() + " is not a JSON"
                                               + " object; give the " + kind.noun + "'s JSON as ADF's code view ({})"
                                               + " or Git integration writes it, or an ARM template");
        }
        AdfDefinition d = of(kind, file, json, "", textOrNull(json.get("name")), ENTITY);
        if (file.selected() != null && d.name() != null && !file.selected().equalsIgnoreCase(d.name())) {
            throw new IllegalArgumentException("Option '" + file.option() + "': " + file.location() + " holds the "
                                               + kind.noun + " '" + d.name() + "', not '" + file.selected() + "'; drop"
                                               + " #" + file.selected() + " or name the right file");
        }
        return d;
    }

    /** The definition in {@code node}, a wrapper ({@code name}, {@code properties}, ...) or the bare properties. */
    private static AdfDefinition of(AdfKind kind, AdfFile file, JsonNode node, String base, String name,
                                    Set<String> wrapper) {
        String type = node.path("type").isTextual() ? node.path("type").textValue() : null;
        if (AdfKind.isResourceType(type) && AdfKind.ofResourceType(type) != kind) {
            AdfKind other = AdfKind.ofResourceType(type);
            throw new IllegalArgumentException("Option '" + file.option() + "': " + file.location()
                                               + (base.isEmpty() ? "" : " " + base) + " is "
                                               + AdfKind.describeResourceType(type) + " (type " + type + "), not a "
                                               + kind.noun + (other == null ? "" : "; give it as " + other.option));
        }
        JsonNode properties = node.get("properties");
        if (properties == null || !properties.isObject()) {
            if (kind != AdfKind.PIPELINE && node.path("activities").isArray()) {
                throw new IllegalArgumentException("Option '" + file.option() + "': " + file.location() + " is a"
                                                   + " pipeline (it has activities), not a " + kind.noun
                                                   + "; give it as adfPipeline");
            }
            return new AdfDefinition(kind.noun, name, file, node, base);
        }
        AdfDefinition d = new AdfDefinition(kind.noun, name, file, properties, child(base, "properties"));
        d.checkKnown(base, node, wrapper, Set.of());
        return d;
    }

    /** How messages name it: ADF linked service 'RESTLinkedService' (classpath:adf/ls.json). */
    String describe() {
        return "ADF " + kind + (name == null ? "" : " '" + name + "'") + " (" + file.location() + ")";
    }

    /** The ARM template it came from, or null. */
    ArmTemplate arm() {
        return file.arm();
    }

    /** The JSON path in the file of a property given relative to {@code properties} ("typeProperties.url"). */
    String at(String property) {
        if (property.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? property : property.startsWith("[") ? path + property : path + "." + property;
    }

    /** A property of {@code properties}; MissingNode when absent. */
    JsonNode get(String property) {
        JsonNode node = properties;
        for (String part : property.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Checks that {@code type} is the one expected (when present: hand-written JSON may leave it out). */
    void checkType(String property, String expected) {
        JsonNode type = get(property);
        if (!type.isMissingNode() && !type.isNull() && !expected.equals(type.asText())) {
            throw new IllegalArgumentException(describe() + ": " + at(property) + " is '" + type.asText() + "'; adfrest"
                                               + " imports " + expected + " only: point " + file.option() + " at"
                                               + " one, or give the options on the endpoint");
        }
    }

    /**
     * Fails on a property that is neither handled nor ADF bookkeeping, naming it: nothing is dropped silently.
     *
     * @param where   the JSON path of {@code node} in the file
     * @param handled what the caller reads
     * @param ignored bookkeeping that has no effect here
     */
    void checkKnown(String where, JsonNode node, Set<String> handled, Set<String> ignored) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            String field = it.next().getKey();
            if (!handled.contains(field) && !ignored.contains(field)) {
                throw new IllegalArgumentException(describe() + ": property " + child(where, field)
                                                   + " is not supported by adfrest yet; remove it, or set the"
                                                   + " equivalent endpoint option");
            }
        }
    }

    /** A member's JSON path: {@code parent.name}, or {@code parent['x-y']} for names that need quoting. */
    static String child(String parent, String name) {
        if (SIMPLE_NAME.matcher(name).matches()) {
            return parent.isEmpty() ? name : parent + "." + name;
        }
        return parent + "['" + name.replace("'", "\\'") + "']";
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}
