package dev.adfrest.camel.pagination;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.support.Headers;

/**
 * What the pagination engine may read of a response: status, headers and the parsed JSON body.
 *
 * @param status  the HTTP status code
 * @param headers response headers in arrival order, names as sent; {@link #header} and {@link #headerValues}
 *                match names without regard to case
 * @param body    the parsed body (an object, an array or a value), or null when the response has none (204)
 */
public record PageResponse(int status, Map<String, List<String>> headers, JsonNode body) {

    public PageResponse {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(headers);
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
        return Headers.first(headers, name);
    }

    /** All values of a response header (several header lines of one name), never null. */
    public List<String> headerValues(String name) {
        return Headers.all(headers, name);
    }
}
