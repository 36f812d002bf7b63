package dev.adfrest.camel.pagination;

import java.math.BigDecimal;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import dev.adfrest.camel.pagination.PaginationRules.EndCondition;
import dev.adfrest.camel.pagination.PaginationRules.ValueRule;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.support.Numbers;

/**
 * Reads a rule's value from a response, and tests end conditions: a compiled JSONPath evaluated on the already-parsed
 * body (never parsed again), or a header.
 */
final class ResponseReader {


    /**
     * What a JSONPath or header gave.
     *
     * @param value   the value (a JSON null is {@link NullNode}); with several matches, all of them as an array
     * @param matches 0 when missing, 1 for one value, more for a list that selected several
     */
    record Lookup(JsonNode value, int matches) {
        static final Lookup MISSING = new Lookup(null, 0);

        boolean missing() {
            return matches == 0;
        }
    }

    private ResponseReader() {
    }

    /**
     * Reads a value. A definite path ({@code $.a.b}) gives that node, whatever it is; a path that selects a list
     * (filter, slice, wildcard, deep scan) gives its one element, nothing when empty, or several.
     *
     * @throws com.jayway.jsonpath.JsonPathException when the path cannot be applied to this body (not when a name is
     *                                               missing: that is {@link Lookup#MISSING})
     */
    static Lookup read(ResponseValue where, PageResponse response) {
        if (where instanceof ResponseValue.ResponseHeader header) {
            String value = response.header(header.name());
            return value == null ? Lookup.MISSING : new Lookup(TextNode.valueOf(value), 1);
        }
        ResponseValue.BodyPath path = (ResponseValue.BodyPath) where;
        if (response.body() == null) {
            return Lookup.MISSING;
        }
        if (path.plainPath() != null) {
            JsonNode node = path.plainPath().walk(response.body());
            return node == null ? Lookup.MISSING : new Lookup(node, 1);
        }
        Object result;
        try {
            result = path.compiled().read(response.body(), Json.JSONPATH);
        } catch (PathNotFoundException e) {
            return Lookup.MISSING;
        }
        JsonNode node = result == null ? NullNode.getInstance()
                : result instanceof JsonNode n ? n : Json.MAPPER.valueToTree(result);
        if (path.definite() || !(node instanceof ArrayNode matches)) {
            return new Lookup(node, 1);
        }
        return switch (matches.size()) {
            case 0 -> Lookup.MISSING;
            case 1 -> new Lookup(matches.get(0), 1);
            default -> new Lookup(matches, matches.size());
        };
    }

    /** A rule's value, or why there is none. */
    record Value(JsonNode node, String absentBecause) {
        static Value absent(String why) {
            return new Value(null, why);
        }
    }

    static Value valueOf(ValueRule rule, PageResponse response, int page) {
        Lookup lookup = lookup(rule.rule(), rule.value(), response, page);
        String where = rule.value().describe();
        if (lookup.matches() > 1) {
            throw new PaginationException("Pagination rule " + rule.rule() + " selects " + lookup.matches()
                                          + " values on page " + page + "; it must select one (narrow the JSONPath,"
                                          + " e.g. with a filter or [0])");
        }
        if (lookup.missing()) {
            return Value.absent(where + " is missing");
        }
        JsonNode node = lookup.value();
        if (node.isArray() && node.size() <= 1) { // a one-element list is its element
            if (node.isEmpty()) {
                return Value.absent(where + " is an empty array");
            }
            node = node.get(0);
        }
        if (node.isNull()) {
            return Value.absent(where + " is null");
        }
        if (node.isContainerNode()) {
            throw new PaginationException("Pagination rule " + rule.rule() + " selects " + kind(node)
                                          + " on page " + page + "; it must select one value such as a string or a"
                                          + " number");
        }
        if (text(node).isBlank()) {
            return Value.absent(where + " is empty");
        }
        return new Value(node, null);
    }

    /** Why an end condition holds, or null when it does not. */
    static String holds(EndCondition condition, PageResponse response, int page) {
        Lookup lookup = lookup(condition.rule(), condition.where(), response, page);
        String where = condition.where().describe();
        switch (condition.check()) {
            case EXIST:
                return lookup.missing() ? null : where + " exists";
            case NON_EXIST:
                return lookup.missing() ? where + " does not exist" : null;
            case EMPTY:
                if (lookup.missing()) {
                    return where + " is missing";
                }
                return lookup.matches() == 1 && isEmpty(lookup.value()) ? where + " is empty" : null;
            default:
                if (lookup.matches() > 1) {
                    throw new PaginationException("End condition " + condition.rule() + " selects " + lookup.matches()
                                                  + " values on page " + page + "; Const: compares one value");
                }
                try {
                    return !lookup.missing() && matchesConstant(lookup.value(), condition.constant())
                            ? where + " is " + condition.constant() : null;
                } catch (Numbers.TooLongException e) {
                    throw new PaginationException("End condition " + condition.rule() + " cannot compare " + where
                                                  + " on page " + page + ": it is " + e.getMessage());
                }
        }
    }

    private static Lookup lookup(String rule, ResponseValue where, PageResponse response, int page) {
        try {
            return ResponseReader.read(where, response);
        } catch (JsonPathException e) {
            throw new PaginationException("Pagination rule " + rule + " cannot be applied to page " + page + ": "
                                          + e.getMessage());
        }
    }

    /** The text of a scalar: strings as they are, numbers without exponent where exact, true/false, null as null. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toPlainString();
        }
        return node.asText();
    }

    /** What an empty value is for {@code Empty}: null, {@code []}, <code>{}</code>, {@code ""}. */
    static boolean isEmpty(JsonNode node) {
        return node.isNull() || node.isContainerNode() && node.isEmpty() || node.isTextual() && node.textValue().isEmpty();
    }

    /**
     * {@code Const:} compares as text, so {@code Const:true} matches JSON {@code true} and {@code "true"}, and
     * {@code Const:1} matches {@code 1}, {@code "1"} and {@code 1.0}; true/false ignore letter case (headers).
     */
    static boolean matchesConstant(JsonNode node, String constant) {
        if (node.isContainerNode()) {
            return false;
        }
        String text = node.isNull() ? "null" : text(node);
        if (text.equals(constant)) {
            return true;
        }
        if (isBoolean(text) && isBoolean(constant)) {
            return text.equalsIgnoreCase(constant);
        }
        BigDecimal a = number(text);
        BigDecimal b = number(constant);
        return a != null && b != null && a.compareTo(b) == 0;
    }

    /** A short description of a node for messages: its kind, never its content. */
    static String kind(JsonNode node) {
        return node.isArray() ? "an array" : node.isObject() ? "an object" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static boolean isBoolean(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
    }

    /** @throws Numbers.TooLongException for a number too long to compare quickly */
    private static BigDecimal number(String s) {
        return Numbers.decimal(s);
    }
}
