package dev.adfrest.camel.adf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An ARM template as ADF's "Export ARM template" and its publish branch write it ({@code ARMTemplateForFactory.json},
 * Synapse's {@code TemplateForWorkspace.json}): {@code $schema}, {@code contentVersion}, {@code parameters} and
 * {@code resources[]}, each resource named {@code [concat(parameters('factoryName'), '/<name>')]} with the
 * definition's {@code properties}. adfrest picks resources by name and never evaluates ARM expressions.
 */
final class ArmTemplate {

    /**
     * A factory or workspace resource of the template.
     *
     * @param index its position in {@code resources}, for messages
     * @param kind  what it is; null for resources adfrest does not import (triggers, integration runtimes, ...)
     * @param name  the definition's name (the part after the last '/'), or null when an expression hides it
     * @param node  the resource object
     */
    record Resource(int index, AdfKind kind, String name, JsonNode node) {

        /** Its JSON path in the template. */
        String path() {
            return "resources[" + index + "]";
        }

        String describe() {
            String type = node.path("properties").path("type").asText("");
            return (name == null ? path() : name) + (type.isEmpty() ? "" : " (" + type + ")");
        }
    }

    /** A single-quoted ARM string literal; '' is a quote inside it. */
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern PARAMETER = Pattern.compile("^\\[\\s*parameters\\(\\s*'((?:[^']|'')*)'\\s*\\)\\s*]$");

    private final JsonNode root;
    private final List<Resource> resources;

    private ArmTemplate(JsonNode root, List<Resource> resources) {
        this.root = root;
        this.resources = resources;
    }

    /**
     * The template a file holds, or null when the file is a definition rather than a template.
     *
     * @throws IllegalArgumentException when the file is an ARM parameters file instead of the template
     */
    static ArmTemplate of(String option, String location, JsonNode root) {
        if (root == null || !root.isObject()) {
            return null;
        }
        String schema = root.path("$schema").asText("").toLowerCase(Locale.ROOT);
        if (schema.contains("deploymentparameters")) {
            throw new IllegalArgumentException("Option '" + option + "': " + location + " is an ARM template parameters"
                                               + " file ($schema " + root.path("$schema").asText() + "); give the"
                                               + " template itself (ARMTemplateForFactory.json), with #<name> to pick a"
                                               + " definition");
        }
        JsonNode list = root.get("resources");
        if (list == null || !list.isArray() || !(root.has("$schema") || root.has("contentVersion"))) {
            return null;
        }
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            resources.add(new Resource(i, AdfKind.ofResourceType(r.path("type").asText(null)), name(r.get("name")), r));
        }
        return new ArmTemplate(root, List.copyOf(resources));
    }

    /**
     * Picks a resource of a kind: by name, or the only one that fits.
     *
     * @param name      the name after '#' in the option, or null
     * @param fits      what makes a resource of that kind a candidate when no name is given (a REST linked service, a
     *                  pipeline with that Copy activity, ...)
     * @param fitsWhat  how messages say what fits ("REST linked services (type RestService)")
     * @param location  the file, for messages
     * @throws IllegalArgumentException naming the option, the file and the names to choose from
     */
    Resource select(AdfKind kind, String option, String location, String name, Predicate<Resource> fits,
                    String fitsWhat) {
        List<Resource> ofKind = resources.stream().filter(r -> r.kind() == kind).toList();
        List<String> all = ofKind.stream().map(Resource::describe).toList();
        if (name != null) {
            for (Resource r : ofKind) {
                if (name.equals(r.name())) {
                    return r;
                }
            }
            for (Resource r : ofKind) {
                if (name.equalsIgnoreCase(r.name())) { // ADF's names are case-insensitive
                    return r;
                }
            }
            throw new IllegalArgumentException("Option '" + option + "': the ARM template " + location + " has no "
                                               + kind.noun + " '" + name + "'"
                                               + (all.isEmpty() ? "" : "; its " + kind.noun + "s are " + all)
                                               + ". Pick one with " + option + "=" + location + "#<name>");
        }
        List<Resource> candidates = ofKind.stream().filter(fits).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String pick = ". Pick one with " + option + "=" + location + "#<name>";
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("Option '" + option + "': the ARM template " + location + " has no "
                                               + fitsWhat + (all.isEmpty() ? "" : "; its " + kind.noun + "s are " + all)
                                               + (all.isEmpty() ? "" : pick));
        }
        throw new IllegalArgumentException("Option '" + option + "': the ARM template " + location + " has several "
                                           + fitsWhat + ": " + candidates.stream().map(Resource::describe).toList()
                                           + pick);
    }

    /** The resource of a kind with that name, or null. */
    Resource find(AdfKind kind, String name) {
        for (Resource r : resources) {
            if (r.kind() == kind && name != null && name.equalsIgnoreCase(r.name())) {
                return r;
            }
        }
        return null;
    }

    /**
     * A resource's definition name: {@code [concat(parameters('factoryName'), '/RestLS')]} and {@code factory/RestLS}
     * both name RestLS. Null when the name is an expression without a literal.
     */
    static String name(JsonNode nameNode) {
        if (nameNode == null || !nameNode.isTextual()) {
            return null;
        }
        String n = nameNode.textValue().trim();
        if (isExpression(n)) {
            String last = null;
            Matcher m = LITERAL.matcher(n);
            while (m.find()) {
                last = m.group(1).replace("''", "'");
            }
            if (last == null) {
                return null;
            }
            n = last;
        }
        String name = n.substring(n.lastIndexOf('/') + 1).trim();
        return name.isEmpty() ? null : name;
    }

    /** An ARM template expression: a string in brackets, {@code [parameters('x')]}; {@code [[...} is a literal. */
    static boolean isExpression(String text) {
        return text != null && text.length() >= 2 && text.startsWith("[") && !text.startsWith("[[") && text.endsWith("]");
    }

    /** ARM's escape: a literal string that starts with a bracket is written with two ({@code [['id']}). */
    static String unescape(String text) {
        return text != null && text.startsWith("[[") ? text.substring(1) : text;
    }

    /**
     * What the template says about a {@code [parameters('x')]} expression, for messages: the parameter's default when
     * it has one and neither the parameter nor the property is secret. Empty for other expressions.
     *
     * @param secret whether the property holds a secret (its default is then never shown)
     */
    String defaultOf(String expression, boolean secret) {
        Matcher m = PARAMETER.matcher(expression.trim());
        if (!m.matches()) {
            return "";
        }
        String name = m.group(1).replace("''", "'");
        JsonNode parameter = root.path("parameters").path(name);
        String type = parameter.path("type").asText("").toLowerCase(Locale.ROOT);
        JsonNode value = parameter.get("defaultValue");
        if (type.startsWith("secure")) {
            return " (parameter '" + name + "' is a " + parameter.path("type").asText() + ": its value is given at"
                   + " deployment and is not in the template)";
        }
        if (value == null || !value.isValueNode() || value.isNull()) {
            return " (parameter '" + name + "' has no default in the template)";
        }
        if (secret) {
            return " (parameter '" + name + "' has a default in the template, not shown: the property holds a secret)";
        }
        return " (the template's default for parameter '" + name + "' is '" + value.asText() + "')";
    }
}
