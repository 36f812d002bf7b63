package dev.adfrest.camel.adf;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.adfrest.camel.support.Json;

/**
 * The endpoint options read from ADF definitions, with where each came from, the secret values among them, and the
 * values adfrest refuses to guess (ADF expressions, ARM template expressions, Azure Key Vault references): those fail
 * only if the endpoint does not set the option itself.
 */
final class ImportedOptions {

    /** A value of an ADF property that adfrest does not evaluate; the message says how to give it in Camel. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Where an option (or a map option's entry) came from.
     *
     * @param definition the definition, as {@link AdfDefinition#describe()} names it
     * @param property   the property's JSON path in the definition's file
     * @param value      its text as imported (null for maps and secrets), to tell which option a message is about
     */
    record Origin(String definition, String property, String value) {
        String describe() {
            return definition + ", property " + property;
        }
    }

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private final Map<String, String> refusals = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();

    /** Camel property placeholders: {{name}}, {{env:NAME}}, {{vault:...}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
    /** What Camel's property binding would turn into a bean look-up or a new object. */
    private static final Pattern BEAN_SYNTAX
            = Pattern.compile("(?s)\\s*#(bean:|class:|type:|property:|valueAs\\(|autowired|syntax:|new:).*");
    /** A bare bean reference (#name), which Camel resolves for options that are not text. */
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\s*#[A-Za-z_][\\w.-]*\\s*");

    /** Option values in import order: a String, or a Map for map options. */
    Map<String, Object> values() {
        return values;
    }

    /** Where an option's value came from: ADF linked service 'X' (file), property properties.typeProperties.y. */
    String origin(String option) {
        Origin o = origins.get(option);
        return o == null ? null : o.describe();
    }

    /** Options and map entries ({@code paginationRules.MaxRequestNumber}) → where their values came from. */
    Map<String, Origin> origins() {
        return origins;
    }

    /** Option (or option.entry) → why its ADF value cannot be used. */
    Map<String, String> refusals() {
        return refusals;
    }

    List<String> secrets() {
        return secrets;
    }

    /** A text, number or boolean property (or a SecureString when {@code secret}). */
    void scalar(AdfDefinition d, String property, String option, boolean secret) {
        scalar(d, property, option, secret, false);
    }

    /** A URL property: like {@link #scalar}, without the whitespace around it that copied URLs often carry. */
    void url(AdfDefinition d, String property, String option) {
        scalar(d, property, option, false, true);
    }

    private void scalar(AdfDefinition d, String property, String option, boolean secret, boolean strip) {
        JsonNode v = d.get(property);
        if (v.isMissingNode() || v.isNull()) {
            return;
        }
        try {
            String value = literal(v, d, d.at(property), option, secret);
            value = strip ? value.strip() : value;
            put(d, property, option, value, secret ? null : value);
        } catch (Refused e) {
            refuse(option, e.getMessage());
        }
    }

    /**
     * A dictionary property (additionalHeaders, authHeaders, paginationRules): each value read as a scalar.
     *
     * @param  skip entry names left out (the caller says why)
     * @return      the entries imported, or null when the property is absent or refused
     */
    Map<String, String> map(AdfDefinition d, String property, String option, boolean secret, Predicate<String> skip) {
        JsonNode v = d.get(property);
        String at = d.at(property);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isTextual() && isAnyExpression(d, v.textValue())) {
            refuse(option, refusal(d, at, option, v, secret));
            return null;
        }
        if (v.isTextual() && v.textValue().trim().startsWith("{")) {
            v = parseObject(d, at, v.textValue(), secret);
        }
        if (!v.isObject()) {
            if (isExpressionNode(v)) {
                refuse(option, refusal(d, at, option, v, false));
                return null;
            }
            throw new IllegalArgumentException(d.describe() + ": " + at + " must be a JSON object of names and"
                                               + " values; fix it in the file, or set the option '" + option
                                               + "' on the endpoint (it wins)");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (skip.test(e.getKey())) {
                continue;
            }
            String entry = option + "." + e.getKey();
            String entryAt = AdfDefinition.child(at, e.getKey());
            try {
                String value = literal(e.getValue(), d, entryAt, entry, secret);
                map.put(e.getKey(), value);
                origins.put(entry, new Origin(d.describe(), entryAt, secret ? null : value));
            } catch (Refused r) {
                refuse(entry, r.getMessage());
            }
        }
        put(d, property, option, map, null);
        return map;
    }

    /**
     * A property that holds JSON (translator, a requestBody written as an object): kept as JSON text.
     *
     * @param inlineJsonOnly whether a text value must be the JSON itself (a translator: the option would otherwise
     *                       read a file or look up a bean that the definition names)
     */
    void json(AdfDefinition d, String property, String option, boolean inlineJsonOnly) {
        JsonNode v = d.get(property);
        String at = d.at(property);
        if (v.isMissingNode() || v.isNull()) {
            return;
        }
        if (isExpressionNode(v) || v.isTextual() && isAnyExpression(d, v.textValue())) {
            refuse(option, refusal(d, at, option, v, false));
            return;
        }
        if (v.isContainerNode()) {
            try {
                v = literalTree(v, d, at, option);
            } catch (Refused e) {
                refuse(option, e.getMessage());
                return;
            }
            put(d, property, option, AdfJson.text(v), null);
            return;
        }
        String text = d.arm() != null ? ArmTemplate.unescape(v.textValue()) : v.textValue();
        try {
            checkData(text, d, at, option, false);
            if (!inlineJsonOnly || text.trim().startsWith("{")) {
                put(d, property, option, text, text);
                return;
            }
            throw new Refused(d.describe() + ": " + at + " must be the " + option + "'s JSON object itself; an"
                              + " imported definition does not name files or beans. " + howTo(option, false));
        } catch (Refused e) {
            refuse(option, e.getMessage());
        }
    }

    private void put(AdfDefinition d, String property, String option, Object value, String shown) {
        values.put(option, value);
        origins.put(option, new Origin(d.describe(), d.at(property), shown));
    }

    /** Sets an option directly (a value adfrest derived, e.g. the base URL). */
    void put(AdfDefinition d, String property, String option, Object value) {
        put(d, property, option, value, value instanceof String s ? s : null);
    }

    void refuse(String option, String message) {
        refusals.put(option, message);
    }

    // --- values --------------------------------------------------------------------------------------------------

    /**
     * @param at the property's JSON path in the file, for messages
     */
    private String literal(JsonNode v, AdfDefinition d, String at, String option, boolean secret) throws Refused {
        if (v.isObject()) {
            String type = v.path("type").asText("");
            switch (type) {
                case "SecureString" -> {
                    JsonNode value = v.get("value");
                    if (value == null || !value.isValueNode() || value.isNull()) {
                        throw new IllegalArgumentException(d.describe() + ": " + at + " is a SecureString without a"
                                                           + " value; add its value, or set the option '" + option
                                                           + "' on the endpoint (it wins)");
                    }
                    String text = value.asText();
                    if (d.arm() != null && ArmTemplate.isExpression(text)) {
                        throw new Refused(armRefusal(d, AdfDefinition.child(at, "value"), option, text, true));
                    }
                    if (text.matches("\\*+")) {
                        throw new Refused(d.describe() + ": " + at + " holds '" + text + "': ADF masked the"
                                          + " secret when it exported the definition. " + howTo(option, true));
                    }
                    checkData(text, d, AdfDefinition.child(at, "value"), option, true);
                    secrets.add(text);
                    return text;
                }
                case "AzureKeyVaultSecret", "Expression" -> throw new Refused(refusal(d, at, option, v, secret));
                default -> throw new IllegalArgumentException(d.describe() + ": " + at + " has type '" + type
                                                              + "'; adfrest reads plain values and SecureString. Give"
                                                              + " the value as the option '" + option
                                                              + "' on the endpoint (it wins)");
            }
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(d.describe() + ": " + at + " must be a single value, not "
                                               + v.getNodeType().name().toLowerCase(Locale.ROOT) + "; fix it in the"
                                               + " file, or set the option '" + option + "' on the endpoint (it wins)");
        }
        String text = v.asText();
        if (v.isTextual()) {
            if (d.arm() != null) {
                if (ArmTemplate.isExpression(text)) {
                    throw new Refused(armRefusal(d, at, option, text, secret));
                }
                text = ArmTemplate.unescape(text);
            }
            if (text.startsWith("@@")) {
                text = text.substring(1); // ADF's escape for a literal leading @
            } else if (isExpression(text)) {
                throw new Refused(refusal(d, at, option, TextNode.valueOf(text), secret));
            }
            checkData(text, d, at, option, secret);
        }
        if (secret) {
            secrets.add(text);
        }
        return text;
    }

    /**
     * A JSON value's copy with ADF's and ARM's escapes undone ({@code @@x}, {@code [[x}); refused when an ADF or ARM
     * expression is anywhere inside.
     */
    private JsonNode literalTree(JsonNode v, AdfDefinition d, String at, String option) throws Refused {
        if (v.isObject()) {
            if (isExpressionNode(v) || "AzureKeyVaultSecret".equals(v.path("type").asText())) {
                throw new Refused(refusal(d, at, option, v, false));
            }
            ObjectNode copy = Json.MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), literalTree(e.getValue(), d, AdfDefinition.child(at, e.getKey()), option));
            }
            return copy;
        }
        if (v.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            for (int i = 0; i < v.size(); i++) {
                copy.add(literalTree(v.get(i), d, at + "[" + i + "]", option));
            }
            return copy;
        }
        if (!v.isTextual()) {
            return v;
        }
        String text = v.textValue();
        if (d.arm() != null) {
            if (ArmTemplate.isExpression(text)) {
                throw new Refused(armRefusal(d, at, option, text, false));
            }
            text = ArmTemplate.unescape(text);
        }
        if (text.startsWith("@@")) {
            text = text.substring(1);
        } else if (isExpression(text)) {
            throw new Refused(refusal(d, at, option, TextNode.valueOf(text), false));
        }
        checkData(text, d, at, option, false);
        return text.equals(v.textValue()) ? v : TextNode.valueOf(text);
    }

    /**
     * Imported definitions are data: their values are bound as they are, never as Camel would read an option it is
     * given (a property placeholder resolved, a {@code #bean:} looked up, a {@code #class:} instantiated). A value
     * written that way is refused, naming the property, rather than taken literally against the author's intent.
     *
     * @throws Refused for a placeholder anywhere, a bean or class reference at the start, or (for a whole option, not
     *                 a header or rule of a map) a bare {@code #name}
     */
    private static void checkData(String text, AdfDefinition d, String at, String option, boolean secret)
            throws Refused {
        String what = null;
        if (PLACEHOLDER.matcher(text).find()) {
            what = "a Camel property placeholder (" + (secret ? "{{...}}" : shown(PLACEHOLDER, text)) + ")";
        } else if (BEAN_SYNTAX.matcher(text).matches() || option.indexOf('.') < 0 && BEAN_REFERENCE.matcher(text).matches()) {
            what = "a Camel bean reference (" + (secret ? "#..." : text.strip()) + ")";
        }
        if (what != null) {
            throw new Refused(d.describe() + ": " + at + " holds " + what + ". Values in ADF definitions are data:"
                              + " adfrest takes them literally and resolves no placeholder or bean in them. "
                              + howTo(option, secret));
        }
    }

    private static String shown(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : text;
    }

    /** ADF evaluates a string that starts with @ (not @@), and @{...} anywhere in a string. */
    static boolean isExpression(String text) {
        return text.startsWith("@") && !text.startsWith("@@") || text.contains("@{");
    }

    private static boolean isAnyExpression(AdfDefinition d, String text) {
        return isExpression(text) || d.arm() != null && ArmTemplate.isExpression(text);
    }

    private static boolean isExpressionNode(JsonNode v) {
        return v.isObject() && "Expression".equals(v.path("type").asText());
    }

    private static String refusal(AdfDefinition d, String at, String option, JsonNode v, boolean secret) {
        if (v.isObject() && "AzureKeyVaultSecret".equals(v.path("type").asText())) {
            String secretName = v.path("secretName").isValueNode() ? v.path("secretName").asText() : "?";
            String store = v.path("store").path("referenceName").asText("?");
            return d.describe() + ": " + at + " is an Azure Key Vault secret reference (secret '" + secretName
                   + "' through linked service '" + store + "'), which adfrest does not resolve. "
                   + howTo(option, true).replace("mySecret", secretName);
        }
        if (v.isTextual() && d.arm() != null && ArmTemplate.isExpression(v.textValue())) {
            return armRefusal(d, at, option, v.textValue(), secret);
        }
        String expression = v.isObject() ? v.path("value").asText() : v.asText();
        return d.describe() + ": " + at + " is an ADF expression (" + expression + "), which adfrest does not"
               + " evaluate. " + howTo(option, secret);
    }

    private static String armRefusal(AdfDefinition d, String at, String option, String expression, boolean secret) {
        return d.describe() + ": " + at + " is an ARM template expression (" + expression + "), which adfrest does not"
               + " evaluate" + d.arm().defaultOf(expression, secret) + ". " + howTo(option, secret);
    }

    private static String howTo(String option, boolean secret) {
        if (AdfImport.BASE_URL.equals(option)) {
            return "Give the base URL as the endpoint's path instead (adfrest:https://...?adfLinkedService=...): it"
                   + " wins over the linked service's url";
        }
        return "Set the option '" + option + "' on the endpoint instead (it wins over the ADF definition), with a"
               + " Camel property placeholder such as " + option + "={{my." + option.replace('.', '-') + "}}"
               + (secret ? ", or Camel's vault support for secrets kept in Azure Key Vault: " + option
                           + "={{azure:mySecret}} (camel-azure-key-vault)"
                       : "");
    }

    private static JsonNode parseObject(AdfDefinition d, String at, String text, boolean secret) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(d.describe() + ": " + at + " is not a JSON object"
                                               + (secret ? "" : ": " + e.getOriginalMessage())
                                               + "; fix it in the file, or set the option on the endpoint (it wins)");
        }
    }
}
