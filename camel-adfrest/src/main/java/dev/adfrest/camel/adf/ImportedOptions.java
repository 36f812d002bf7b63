package dev.adfrest.camel.adf;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.support.Json;

/**
 * The endpoint options read from ADF definitions, with where each came from, the secret values among them, and the
 * values adfrest refuses to guess (ADF expressions, Azure Key Vault references): those fail only if the endpoint does
 * not set the option itself.
 */
final class ImportedOptions {

    /** A value of an ADF property that adfrest does not evaluate; the message says how to give it in Camel. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final Map<String, String> refusals = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private final UnaryOperator<String> placeholders;

    /**
     * @param placeholders resolves Camel property placeholders ({{...}}) in imported text values
     */
    ImportedOptions(UnaryOperator<String> placeholders) {
        this.placeholders = placeholders;
    }

    /** Option values in import order: a String, or a Map for map options. */
    Map<String, Object> values() {
        return values;
    }

    /** Where an option's value came from: ADF linked service 'X' (file), property typeProperties.y. */
    String origin(String option) {
        return origins.get(option);
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
        JsonNode v = d.get(property);
        if (v.isMissingNode() || v.isNull()) {
            return;
        }
        try {
            put(d, property, option, literal(v, d, property, option, secret));
        } catch (Refused e) {
            refuse(option, e.getMessage());
        }
    }

    /** A dictionary property (additionalHeaders, authHeaders, paginationRules): each value read as a scalar. */
    void map(AdfDefinition d, String property, String option, boolean secret) {
        JsonNode v = d.get(property);
        if (v.isMissingNode() || v.isNull()) {
            return;
        }
        if (v.isTextual() && !isExpression(v.textValue()) && v.textValue().trim().startsWith("{")) {
            v = parseObject(d, property, v.textValue(), secret);
        }
        if (!v.isObject()) {
            if (isExpressionNode(v)) {
                refuse(option, refusal(d, property, option, v, false));
                return;
            }
            throw new IllegalArgumentException(d.describe() + ": " + property + " must be a JSON object of names and"
                                               + " values");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String entry = option + "." + e.getKey();
            try {
                map.put(e.getKey(), literal(e.getValue(), d, property + "." + e.getKey(), entry, secret));
            } catch (Refused r) {
                refuse(entry, r.getMessage());
            }
        }
        put(d, property, option, map);
    }

    /**
     * A property that holds JSON (translator, a requestBody written as an object): kept as JSON text.
     *
     * @param resolve whether text values may hold Camel property placeholders
     */
    void json(AdfDefinition d, String property, String option, boolean resolve) {
        JsonNode v = d.get(property);
        if (v.isMissingNode() || v.isNull()) {
            return;
        }
        if (isExpressionNode(v) || v.isTextual() && isExpression(v.textValue())) {
            refuse(option, refusal(d, property, option, v, false));
            return;
        }
        put(d, property, option, !v.isTextual() ? AdfJson.text(v) : resolve ? placeholders.apply(v.textValue()) : v.textValue());
    }

    /** Sets an option directly (a value adfrest derived, e.g. the base URL). */
    void put(AdfDefinition d, String property, String option, Object value) {
        values.put(option, value);
        origins.put(option, d.describe() + ", property " + property);
    }

    void refuse(String option, String message) {
        refusals.put(option, message);
    }

    // --- values --------------------------------------------------------------------------------------------------

    private String literal(JsonNode v, AdfDefinition d, String property, String option, boolean secret) throws Refused {
        if (v.isObject()) {
            String type = v.path("type").asText("");
            switch (type) {
                case "SecureString" -> {
                    String value = v.path("value").asText(null);
                    if (value == null) {
                        throw new IllegalArgumentException(d.describe() + ": " + property + " is a SecureString without"
                                                           + " a value");
                    }
                    if (value.matches("\\*+")) {
                        throw new Refused(d.describe() + ": " + property + " holds '" + value + "': ADF masked the"
                                          + " secret when it exported the definition. " + howTo(option, true));
                    }
                    String resolved = placeholders.apply(value);
                    secrets.add(resolved);
                    return resolved;
                }
                case "AzureKeyVaultSecret", "Expression" -> throw new Refused(refusal(d, property, option, v, secret));
                default -> throw new IllegalArgumentException(d.describe() + ": " + property + " has type '" + type
                                                              + "'; adfrest reads plain values and SecureString");
            }
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(d.describe() + ": " + property + " must be a single value, not "
                                               + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String text = v.asText();
        if (v.isTextual()) {
            if (text.startsWith("@@")) {
                text = text.substring(1); // ADF's escape for a literal leading @
            } else if (isExpression(text)) {
                throw new Refused(refusal(d, property, option, v, secret));
            }
            text = placeholders.apply(text);
        }
        if (secret) {
            secrets.add(text);
        }
        return text;
    }

    /** ADF evaluates a string that starts with @ (not @@), and @{...} anywhere in a string. */
    static boolean isExpression(String text) {
        return text.startsWith("@") && !text.startsWith("@@") || text.contains("@{");
    }

    private static boolean isExpressionNode(JsonNode v) {
        return v.isObject() && "Expression".equals(v.path("type").asText());
    }

    private static String refusal(AdfDefinition d, String property, String option, JsonNode v, boolean secret) {
        if (v.isObject() && "AzureKeyVaultSecret".equals(v.path("type").asText())) {
            String secretName = v.path("secretName").isValueNode() ? v.path("secretName").asText() : "?";
            String store = v.path("store").path("referenceName").asText("?");
            return d.describe() + ": " + property + " is an Azure Key Vault secret reference (secret '" + secretName
                   + "' through linked service '" + store + "'), which adfrest does not resolve. "
                   + howTo(option, true).replace("mySecret", secretName);
        }
        String expression = v.isObject() ? v.path("value").asText() : v.asText();
        return d.describe() + ": " + property + " is an ADF expression (" + expression + "), which adfrest does not"
               + " evaluate. " + howTo(option, secret);
    }

    private static String howTo(String option, boolean secret) {
        return "Set the option '" + option + "' on the endpoint instead (it wins over the ADF definition), with a"
               + " Camel property placeholder such as " + option + "={{my." + option.replace('.', '-') + "}}"
               + (secret ? ", or Camel's vault support for secrets kept in Azure Key Vault: " + option
                           + "={{azure:mySecret}} (camel-azure-key-vault)"
                       : "");
    }

    private static JsonNode parseObject(AdfDefinition d, String property, String text, boolean secret) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(d.describe() + ": " + property + " is not a JSON object"
                                               + (secret ? "" : ": " + e.getOriginalMessage()));
        }
    }
}
