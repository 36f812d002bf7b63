package dev.adfrest.camel.pagination;

import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;

/**
 * ADF's paginationRules dictionary, parsed and compiled once per endpoint. Immutable.
 * <p>
 * Minimal first version: {@code AbsoluteUrl} from a body JSONPath.
 */
public final class PaginationRules {

    private final Map<String, String> source;
    private final JsonPath absoluteUrl;

    private PaginationRules(Map<String, String> source, JsonPath absoluteUrl) {
        this.source = source;
        this.absoluteUrl = absoluteUrl;
    }

    /**
     * Parses the rules.
     *
     * @throws IllegalArgumentException quoting the malformed rule
     */
    public static PaginationRules parse(Map<String, String> rules) {
        Map<String, String> copy = new LinkedHashMap<>(rules == null ? Map.of() : rules);
        JsonPath absoluteUrl = null;
        for (Map.Entry<String, String> rule : copy.entrySet()) {
            String key = rule.getKey();
            String value = rule.getValue() == null ? "" : rule.getValue().trim();
            if ("AbsoluteUrl".equals(key)) {
                absoluteUrl = compile(key, value);
            } else {
                throw new IllegalArgumentException("Unknown pagination rule key in \"" + key + "\": \"" + value + "\"");
            }
        }
        return new PaginationRules(Map.copyOf(copy), absoluteUrl);
    }

    private static JsonPath compile(String key, String value) {
        if (!value.startsWith("$")) {
            throw new IllegalArgumentException("Pagination rule \"" + key + "\": \"" + value
                                               + "\" must be a JSONPath starting with $");
        }
        try {
            return JsonPath.compile(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Pagination rule \"" + key + "\": \"" + value
                                               + "\" is not a valid JSONPath: " + e.getMessage());
        }
    }

    public boolean isEmpty() {
        return source.isEmpty();
    }

    /** The rules as the user gave them. */
    public Map<String, String> source() {
        return source;
    }

    JsonPath absoluteUrl() {
        return absoluteUrl;
    }
}
