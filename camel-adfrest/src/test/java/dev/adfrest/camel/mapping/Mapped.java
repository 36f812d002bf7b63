package dev.adfrest.camel.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test helpers: JSON in, records and rows out. */
final class Mapped {

    static final ObjectMapper JSON = new ObjectMapper();

    private Mapped() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The rows a translator makes of a page. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(String translator, String page) {
        return (List<Map<String, Object>>) PageOutput.of(null, json(translator), false).map(json(page), 1).body();
    }

    /** A row: names and values in order. */
    static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }
}
