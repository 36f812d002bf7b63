package dev.adfrest.camel.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.support.PlainPath;

/**
 * A JSONPath of a mapping, compiled once per endpoint by Jayway. A path made only of names and indexes (most ADF
 * mappings: {@code $['city'][0]['name']}, {@code ['prod']}) is then walked straight down the parsed tree
 * ({@link PlainPath}), which is about ten times faster per value than evaluating it; anything else (wildcards,
 * filters, deep scans) is evaluated by Jayway.
 */
final class JsonPathRef {

    private static final Configuration JSON = Json.JSONPATH.addOptions(Option.SUPPRESS_EXCEPTIONS);

    private final String text;
    private final boolean absolute;
    private final JsonPath path;
    /** The path walked down the tree; null when Jayway evaluates it (or it is the root itself). */
    private final PlainPath plain;

    private JsonPathRef(String text, boolean absolute, JsonPath path, PlainPath plain) {
        this.text = text;
        this.absolute = absolute;
        this.path = path;
        this.plain = plain;
    }

    /**
     * Compiles a path: absolute when it starts with {@code $}, else relative to the element it is applied to
     * ({@code prod}, {@code ['prod']}, {@code prod.name}).
     *
     * @throws IllegalArgumentException saying what is wrong with the path
     */
    static JsonPathRef compile(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty JSONPath");
        }
        String t = text.trim();
        boolean absolute = t.startsWith("$");
        JsonPath path;
        try {
            path = JsonPath.compile(absolute || t.startsWith("[") ? t : "$." + t);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid JSONPath: " + e.getMessage());
        }
        return new JsonPathRef(t, absolute, path, PlainPath.of(t, path).orElse(null));
    }

    /** The last member name the path steps into ({@code name} for {@code $['city'][0]['name']}), or null. */
    String lastName() {
        if (plain == null) {
            return null;
        }
        for (int i = plain.steps().size() - 1; i >= 0; i--) {
            if (plain.steps().get(i) instanceof String name) {
                return name;
            }
        }
        return null;
    }

    /** Whether the path starts at the root ($) rather than at the element it is applied to. */
    boolean absolute() {
        return absolute;
    }

    /** Whether the path names one place (no wildcard, filter or deep scan). */
    boolean definite() {
        return path.isDefinite();
    }

    /**
     * @return the value at the path: null when missing; for a path that is not definite, an array of the matches
     */
    JsonNode find(JsonNode from) {
        if (from == null) {
            return null;
        }
        if (plain != null) {
            return plain.walk(from);
        }
        if (path.getPath().equals("$")) {
            return from;
        }
        Object result = path.read(from, JSON);
        return result instanceof JsonNode node ? node : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
