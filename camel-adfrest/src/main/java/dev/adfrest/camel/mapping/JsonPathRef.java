package dev.adfrest.camel.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * A JSONPath of a mapping, compiled once per endpoint by Jayway. A path made only of names and indexes (most ADF
 * mappings: {@code $['city'][0]['name']}, {@code ['prod']}) is then walked straight down the parsed tree, which is
 * about ten times faster per value than evaluating it; anything else (wildcards, filters, deep scans) is evaluated by
 * Jayway.
 */
final class JsonPathRef {

    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    /** Jayway's normalized form of a path of names and indexes. */
    private static final Pattern SIMPLE = Pattern.compile("\\$(?:\\['[^'\\\\]*'\\]|\\[\\d+\\])*");
    private static final Pattern STEP = Pattern.compile("\\['([^'\\\\]*)'\\]|\\[(\\d+)\\]");

    private final String text;
    private final boolean absolute;
    private final JsonPath path;
    /** Names (String) and indexes (Integer) to walk; null when Jayway evaluates the path. */
    private final Object[] steps;

    private JsonPathRef(String text, boolean absolute, JsonPath path, Object[] steps) {
        this.text = text;
        this.absolute = absolute;
        this.path = path;
        this.steps = steps;
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
        Object[] steps = null;
        String normalized = path.getPath();
        if (SIMPLE.matcher(normalized).matches()) {
            List<Object> list = new ArrayList<>();
            Matcher m = STEP.matcher(normalized);
            while (m.find()) {
                list.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
            }
            steps = list.toArray();
        }
        return new JsonPathRef(t, absolute, path, steps);
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
        if (steps != null) {
            JsonNode node = from;
            for (Object step : steps) {
                node = step instanceof String name
                        ? (node.isObject() ? node.get(name) : null)
                        : (node.isArray() ? node.get((Integer) step) : null);
                if (node == null) {
                    return null;
                }
            }
            return node;
        }
        Object result = path.read(from, JSON);
        return result instanceof JsonNode node ? node : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
