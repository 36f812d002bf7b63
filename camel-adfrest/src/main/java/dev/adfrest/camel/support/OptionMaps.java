package dev.adfrest.camel.support;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the forms a map-valued option may take into one ordered {@code Map<String, String>}: a JSON object string
 * copied from an ADF definition, or a {@code Map} (a bean, or the prefixed entries Camel collected).
 */
public final class OptionMaps {


    private OptionMaps() {
    }

    /**
     * Normalizes a map option value.
     *
     * @param  option                   the option's name, for error messages
     * @param  secret                   whether values are secret: they never appear in an error message
     * @throws IllegalArgumentException naming the option when the value is not a JSON object or a map
     */
    public static Map<String, String> toMap(String option, Object value, boolean secret) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : scalarOrSecureString(option, k, v)));
            return result;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return result;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Option '" + option + "' must be a JSON object such as {\"name\":\"value\"}"
                                               + (secret ? "" : ", but is: " + text));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Option '" + option + "' must be a JSON object such as {\"name\":\"value\"}"
                                               + (secret ? "" : ", but is: " + text));
        }
        node.fields().forEachRemaining(e -> result.put(e.getKey(), jsonValue(option, e.getKey(), e.getValue())));
        return result;
    }

    /** ADF writes secret header values as {"type":"SecureString","value":"..."}; accept that shape too. */
    private static String jsonValue(String option, String key, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isObject() && v.has("value") && v.get("value").isValueNode()) {
            String type = v.path("type").asText("SecureString");
            if (!"SecureString".equals(type)) {
                throw new IllegalArgumentException("Option '" + option + "' entry '" + key + "' has type '" + type
                                                   + "'; only plain values and SecureString are supported");
            }
            return v.get("value").asText();
        }
        throw new IllegalArgumentException("Option '" + option + "' entry '" + key
                                           + "' must be a string, number or boolean, not " + v.getNodeType());
    }

    private static String scalarOrSecureString(String option, Object key, Object v) {
        if (v instanceof Map<?, ?> m && m.get("value") != null) {
            return String.valueOf(m.get("value"));
        }
        if (v instanceof Map || v instanceof Iterable) {
            throw new IllegalArgumentException("Option '" + option + "' entry '" + key + "' must be a single value");
        }
        return String.valueOf(v);
    }
}
