package dev.adfrest.camel.pagination;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.support.PlainPath;
import dev.adfrest.camel.support.UrlTemplates;

/**
 * ADF's paginationRules dictionary, parsed and compiled once per endpoint. Immutable.
 * <p>
 * The rules split the way Airbyte's declarative paginator does: what the next request's values are ({@link ValueRule}
 * from the response, {@link RangeRule} counted), where each value goes ({@link Target}), and when the run stops
 * ({@link EndCondition}, {@link #maxRequestNumber()}, and the stops every run has).
 */
public final class PaginationRules {


    /**
     * The next request's {@code target} takes a value read from the response just received.
     *
     * @param rule   the rule as the user wrote it, quoted for messages
     * @param target where the value goes
     * @param value  where it is read
     */
    public record ValueRule(String rule, Target target, ResponseValue value) {
    }

    /**
     * The requests' {@code target} counts through a RANGE: the first request takes the start, each next one the next
     * value.
     *
     * @param key    the rule's key, which also names its position in a {@link PaginatorState}
     * @param rule   the rule as the user wrote it, quoted for messages
     * @param target where the value goes
     * @param range  the values
     */
    public record RangeRule(String key, String rule, Target target, Range range) {
    }

    /** The tests of ADF's {@code EndCondition:} rules. */
    public enum Check {
        /** The value is an empty array, object or string, null, or missing. */
        EMPTY,
        /** The value is missing (a JSON null exists). */
        NON_EXIST,
        /** The value is there (even if null or empty). */
        EXIST,
        /** The value equals the constant. */
        CONST
    }

    /**
     * {@code EndCondition:<where>}: the run ends after a page for which the check holds.
     *
     * @param rule     the rule as the user wrote it, quoted for messages
     * @param where    the body JSONPath or response header tested
     * @param check    the test
     * @param constant the value {@code Const:} compares with; null for the other checks
     */
    public record EndCondition(String rule, ResponseValue where, Check check, String constant) {
    }

    private final Map<String, String> source;
    private final List<ValueRule> values;
    private final List<RangeRule> ranges;
    private final List<EndCondition> endConditions;
    private final OptionalLong maxRequestNumber;
    private final boolean supportRfc5988;

    PaginationRules(Map<String, String> source, List<ValueRule> values, List<RangeRule> ranges,
                    List<EndCondition> endConditions, OptionalLong maxRequestNumber, boolean supportRfc5988) {
        this.source = Collections.unmodifiableMap(new LinkedHashMap<>(source));
        this.values = List.copyOf(values);
        this.ranges = List.copyOf(ranges);
        this.endConditions = List.copyOf(endConditions);
        this.maxRequestNumber = maxRequestNumber;
        this.supportRfc5988 = supportRfc5988;
    }

    /**
     * Parses and compiles the rules.
     *
     * @throws IllegalArgumentException quoting the malformed rule and saying what is wrong
     */
    public static PaginationRules parse(Map<String, String> rules) {
        return RuleParser.parse(rules == null ? Map.of() : rules);
    }

    /** No rules at all (RFC 5988 Link headers are still followed: ADF's default). */
    public boolean isEmpty() {
        return source.isEmpty();
    }

    /** The rules as the user gave them. */
    public Map<String, String> source() {
        return source;
    }

    public List<ValueRule> values() {
        return values;
    }

    public List<RangeRule> ranges() {
        return ranges;
    }

    public List<EndCondition> endConditions() {
        return endConditions;
    }

    /** At most this many requests per run, the first included; empty when unlimited. */
    public OptionalLong maxRequestNumber() {
        return maxRequestNumber;
    }

    /** SupportRFC5988 as in effect: as set, or on by default when no rule says what the next request is. */
    public boolean supportRfc5988() {
        return supportRfc5988;
    }

    /**
     * Whether a response's {@code Link: <…>; rel="next"} gives the next URL: SupportRFC5988 is in effect and no
     * AbsoluteUrl or RANGE rule shapes the URL instead.
     */
    public boolean followsLinkHeader() {
        return supportRfc5988 && ranges.isEmpty()
               && values.stream().noneMatch(v -> v.target() instanceof Target.Url);
    }

    /**
     * Whether every next request can be computed without its predecessor's response: RANGE rules only (end conditions
     * and MaxRequestNumber only stop a run, they never change a request). Such runs may fetch pages in parallel.
     */
    public boolean requestsKnownInAdvance() {
        return requestsNotKnownInAdvanceBecause() == null;
    }

    /** Why {@link #requestsKnownInAdvance()} is false, naming the rule; null when it is true. */
    public String requestsNotKnownInAdvanceBecause() {
        if (!values.isEmpty()) {
            return "the pagination rule " + values.get(0).rule() + " takes the next request from each response";
        }
        if (followsLinkHeader()) {
            return "the next URL comes from each response's Link header (RFC 5988)";
        }
        if (ranges.isEmpty()) {
            return "no RANGE rule says what the next requests are";
        }
        return null;
    }

    /**
     * The body values the rules read, as plain paths ({@link PlainPath}), when every one of them is plain: a streaming
     * reader can then give the engine just those values instead of the page's whole tree. Empty when some rule needs
     * full JSONPath (a filter, wildcard, slice, negative index, deep scan or the root {@code $}). An empty list when
     * the rules read nothing from the body.
     */
    public Optional<List<PlainPath>> plainBodyPaths() {
        List<PlainPath> plain = new ArrayList<>();
        for (ResponseValue value : bodyValues()) {
            Optional<PlainPath> path = ((ResponseValue.BodyPath) value).plain();
            if (path.isEmpty()) {
                return Optional.empty();
            }
            plain.add(path.get());
        }
        return Optional.of(List.copyOf(plain));
    }

    private List<ResponseValue> bodyValues() {
        return Stream.concat(values.stream().map(ValueRule::value), endConditions.stream().map(EndCondition::where))
                .filter(v -> v instanceof ResponseValue.BodyPath)
                .toList();
    }

    /**
     * Checks the rules against the endpoint's first request before any request is made.
     *
     * @param  template                 the first request with its {@code {var}} placeholders
     * @throws IllegalArgumentException naming the rule or the placeholder: a RANGE {@code {var}} that appears nowhere
     *                                  in the URL, headers or body; a {@code {var}} in the URL that no RANGE rule fills;
     *                                  Body rules without a POST JSON object body
     */
    public void checkTemplate(PageRequest template) {
        Set<String> declared = new LinkedHashSet<>();
        ranges.forEach(r -> {
            if (r.target() instanceof Target.Placeholder p) {
                declared.add(p.variable());
            }
        });
        Set<String> unfilled = new LinkedHashSet<>();
        Matcher m = UrlTemplates.VARIABLE.matcher(template.url());
        while (m.find()) {
            if (!declared.contains(m.group(1))) {
                unfilled.add(m.group());
            }
        }
        for (RangeRule range : ranges) {
            if (range.target() instanceof Target.Placeholder p && !appearsIn(template, p.token())) {
                throw new IllegalArgumentException("Pagination rule " + range.rule() + " fills " + p.token()
                                                   + ", which appears nowhere in the request URL, headers or body; "
                                                   + (unfilled.isEmpty() ? "write it there (e.g. offset=" + p.token()
                                                                           + " in the URL)"
                                                           : "the URL has " + String.join(", ", unfilled)));
            }
        }
        if (!unfilled.isEmpty()) {
            String first = unfilled.iterator().next();
            throw new IllegalArgumentException("The request URL has the placeholder " + first + " but no pagination rule"
                                               + " fills it; add \"QueryParameters." + first
                                               + "\": \"RANGE:start:end:step\" or remove it" + namedInstead(first));
        }
        templateBody(template);
    }

    /**
     * A hint when a rule sets a query parameter or header named like the placeholder ({@code QueryParameters.startAt}
     * for {@code {startAt}}): such a rule sets that parameter itself; only a {@code {var}} key fills a placeholder.
     */
    private String namedInstead(String token) {
        String variable = token.substring(1, token.length() - 1);
        return Stream.concat(values.stream().map(v -> Map.entry(v.rule(), v.target())),
                        ranges.stream().map(r -> Map.entry(r.rule(), r.target())))
                .filter(e -> e.getValue() instanceof Target.QueryParameter q && q.name().equals(variable)
                             || e.getValue() instanceof Target.Header h && h.name().equals(variable))
                .findFirst()
                .map(e -> "; the rule " + e.getKey() + " sets " + e.getValue().describe() + " itself, not the"
                          + " placeholder: write its key as \"" + (e.getValue() instanceof Target.Header ? "Headers."
                                  : "QueryParameters.") + token + "\"")
                .orElse("");
    }

    /** The JSON object body that Body rules edit, or null when there are no Body rules. */
    ObjectNode templateBody(PageRequest template) {
        String rule = Stream.concat(values.stream().map(v -> Map.entry(v.rule(), v.target())),
                        ranges.stream().map(r -> Map.entry(r.rule(), r.target())))
                .filter(e -> e.getValue() instanceof Target.BodyField)
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (rule == null) {
            return null;
        }
        if (!"POST".equalsIgnoreCase(template.method())) {
            throw new IllegalArgumentException("Pagination rule " + rule + " sets a field of the request body,"
                                               + " which needs requestMethod POST");
        }
        String body = template.body();
        if (body == null || body.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalArgumentException("Pagination rule " + rule + " sets a field of the request body, so"
                                           + " requestBody must be a JSON object (a RANGE {var} in it must sit inside"
                                           + " a JSON string, \"{var}\")");
    }

    private static boolean appearsIn(PageRequest template, String token) {
        return template.url().contains(token)
               || template.headers().values().stream().anyMatch(v -> v != null && v.contains(token))
               || template.body() != null && template.body().contains(token);
    }

    @Override
    public String toString() {
        return "PaginationRules" + source;
    }
}
