package dev.adfrest.camel.adf;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One ADF definition as ADF's JSON view and Git integration write it: {@code {"name": ..., "properties": {...}}}, or
 * just its {@code properties}. Knows where it came from, for messages.
 *
 * @param kind       "linked service", "dataset", "Copy activity"
 * @param name       the definition's name, or null when the JSON has none
 * @param location   the file or resource it was read from
 * @param properties its {@code properties} object (for an activity: the activity object)
 */
record AdfDefinition(String kind, String name, String location, JsonNode properties) {

    /** The entity wrapper ADF writes around properties; "type", "id" and "etag" come with ARM exports. */
    private static final Set<String> ENTITY = Set.of("name", "properties", "type", "id", "etag");

    /** Reads an entity, or bare properties when the JSON has no "properties" object. */
    static AdfDefinition entity(String kind, String location, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("ADF " + kind + " " + location + " is not a JSON object");
        }
        JsonNode properties = json.get("properties");
        if (properties == null || !properties.isObject()) {
            return new AdfDefinition(kind, textOrNull(json.get("name")), location, json);
        }
        AdfDefinition d = new AdfDefinition(kind, textOrNull(json.get("name")), location, properties);
        d.checkKnown("", json, ENTITY, Set.of());
        return d;
    }

    /** How messages name it: ADF linked service 'RESTLinkedService' (classpath:adf/ls.json). */
    String describe() {
        return "ADF " + kind + (name == null ? "" : " '" + name + "'") + " (" + location + ")";
    }

    /** A property of {@code properties}; MissingNode when absent. */
    JsonNode get(String path) {
        JsonNode node = properties;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Checks that {@code type} is the one expected (when present: hand-written JSON may leave it out). */
    void checkType(String path, String expected) {
        JsonNode type = get(path);
        if (!type.isMissingNode() && !type.isNull() && !expected.equals(type.asText())) {
            throw new IllegalArgumentException(describe() + ": " + path + " is '" + type.asText() + "'; adfrest reads "
                                               + expected + " only");
        }
    }

    /**
     * Fails on a property that is neither handled nor ADF bookkeeping, naming it: nothing is dropped silently.
     *
     * @param prefix  where {@code node} is, for messages ("typeProperties.")
     * @param handled what the caller reads
     * @param ignored bookkeeping that has no effect here
     */
    void checkKnown(String prefix, JsonNode node, Set<String> handled, Set<String> ignored) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            String field = it.next().getKey();
            if (!handled.contains(field) && !ignored.contains(field)) {
                throw new IllegalArgumentException(describe() + ": property " + prefix + field
                                                   + " is not supported by adfrest yet; remove it, or set the"
                                                   + " equivalent endpoint option");
            }
        }
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}
