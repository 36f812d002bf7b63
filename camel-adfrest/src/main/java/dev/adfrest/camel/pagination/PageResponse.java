package dev.adfrest.camel.pagination;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the pagination engine may read of a response: status, headers and the parsed JSON body.
 *
 * @param status  the HTTP status code
 * @param headers response headers; look-ups ignore case
 * @param body    the parsed body (an object, an array or a value), or null when the response has none (204)
 */
public record PageResponse(int status, Map<String, List<String>> headers, JsonNode body) {

    public PageResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> copy.merge(k, List.copyOf(v), (a, b) -> {
                List<String> all = new java.util.ArrayList<>(a);
                all.addAll(b);
                return List.copyOf(all);
            }));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a response header (several header lines of one name), never null. */
    public List<String> headerValues(String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }
}
