package dev.adfrest.camel.pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.adfrest.camel.testsupport.SeededCases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.adfrest.camel.testsupport.SeededCases.anyLong;
import static dev.adfrest.camel.testsupport.SeededCases.anyString;
import static dev.adfrest.camel.testsupport.SeededCases.combinations;
import static dev.adfrest.camel.testsupport.SeededCases.oneOf;
import static dev.adfrest.camel.testsupport.SeededCases.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The rule parser on anything: it accepts the language and refuses the rest, always quoting the rule. */
@ExtendWith(SeededCases.class)
class RuleParserPropertiesTest {

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz-_";
    private static final List<String> EDGE_NAMES = List.of("a", "z-_abcdefghi");

    private static final List<UnaryOperator<String>> KEYS = List.of(
            n -> "AbsoluteUrl",
            n -> "QueryParameters." + n,
            n -> "QueryParameters['" + n + "']",
            n -> "Headers." + n,
            n -> "Headers['" + n + "']",
            n -> "Body." + n,
            n -> "Body['" + n + "']");
    private static final List<UnaryOperator<String>> VALUES = List.of(
            n -> "$." + n,
            n -> "$['" + n + "']",
            n -> "$." + n + "[-1:].id",
            n -> "$.links[?(@.rel=='" + n + "')].href",
            n -> "Headers." + n,
            n -> "Headers['" + n + "']");
    private static final List<String> END_CONDITION_CHECKS = List.of("Empty", "NonExist", "Exist", "empty", "EXIST");

    /** A name of a-z, '-' and '_', 1 to 12 long, starting with a letter. */
    private static String name(Random random) {
        String name;
        do {
            name = string(random, NAME_CHARS, 1, 12);
        } while (!Character.isLetter(name.charAt(0)));
        return name;
    }

    static Stream<Arguments> validRules() {
        List<Arguments> edges = new ArrayList<>();
        for (String name : EDGE_NAMES) {
            for (UnaryOperator<String> key : KEYS) {
                for (UnaryOperator<String> value : VALUES) {
                    edges.add(arguments(Map.entry(key.apply(name), value.apply(name))));
                }
            }
        }
        return SeededCases.cases(edges, 1000,
                r -> arguments(Map.entry(oneOf(r, KEYS).apply(name(r)), oneOf(r, VALUES).apply(name(r)))));
    }

    @ParameterizedTest
    @MethodSource("validRules")
    void everyValidRuleParses(Map.Entry<String, String> rule) {
        PaginationRules rules = PaginationRules.parse(Map.of(rule.getKey(), rule.getValue()));

        assertThat(rules.values()).hasSize(1);
        assertThat(rules.source()).containsExactly(rule);
        assertThat(rules.values().get(0).rule()).isEqualTo("\"" + rule.getKey() + "\": \"" + rule.getValue() + "\"");
    }

    /** One of the checks in any case, or "Const:" and a string that is not blank. */
    private static String endConditionValue(Random random) {
        if (random.nextBoolean()) {
            return oneOf(random, END_CONDITION_CHECKS);
        }
        String constant;
        do {
            constant = anyString(random, 1, 10);
        } while (constant.trim().isEmpty());
        return "Const:" + constant;
    }

    static Stream<Arguments> endConditions() {
        List<String> values = new ArrayList<>(END_CONDITION_CHECKS);
        values.addAll(List.of("Const:x", "Const: x ", "Const:\u0000x", "Const:\u00a0", "Const:0123456789"));
        return SeededCases.cases(combinations(EDGE_NAMES, values, List.of(false, true)), 1000,
                r -> arguments(name(r), endConditionValue(r), r.nextBoolean()));
    }

    @ParameterizedTest
    @MethodSource("endConditions")
    void everyEndConditionParses(String name, String value, boolean header) {
        String key = "EndCondition:" + (header ? "headers." : "$.") + name;

        PaginationRules rules = PaginationRules.parse(Map.of(key, value));

        assertThat(rules.endConditions()).hasSize(1);
    }

    static Stream<Arguments> anyRules() {
        List<String> keys = List.of("", " ", "\u0000", "x", "AbsoluteUrl", " AbsoluteUrl ", "QueryParameters.",
                "QueryParameters.x", "Headers['x']", "Body.x", "EndCondition:", "EndCondition:$.x", "MaxRequestNumber",
                "SupportRFC5988", "RANGE:0:1:1");
        List<String> values = List.of("", " ", "\u0000", "x", "$", "$.x", "$.", "$[", "Headers.x", "RANGE:",
                "RANGE:0:10:1", "RANGE:0::1", "Const:", "NonExist", "true", "1");
        return SeededCases.cases(combinations(keys, values), 1000, r -> arguments(anyString(r, 0, 255), anyString(r, 0, 255)));
    }

    @ParameterizedTest
    @MethodSource("anyRules")
    void anythingElseFailsOnlyWithAMessageQuotingTheRule(String key, String value) {
        try {
            PaginationRules.parse(Map.of(key, value));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("\"" + key.trim() + "\": \"" + value + "\"");
        }
    }

    /** Any long written out, any string up to 6 long, or nothing. */
    private static String rangePart(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf(anyLong(random));
            case 1 -> anyString(random, 0, 6);
            default -> "";
        };
    }

    static Stream<Arguments> rangeParts() {
        List<String> parts = List.of("", "0", "1", "-1", String.valueOf(Long.MIN_VALUE), String.valueOf(Long.MAX_VALUE));
        return SeededCases.cases(combinations(parts, parts, parts), 1000, r -> arguments(rangePart(r), rangePart(r), rangePart(r)));
    }

    @ParameterizedTest
    @MethodSource("rangeParts")
    void rangesParseOrFailQuotingTheRule(String start, String end, String step) {
        String value = "RANGE:" + start + ":" + end + ":" + step;
        try {
            PaginationRules rules = PaginationRules.parse(Map.of("QueryParameters.{offset}", value));
            Range range = rules.ranges().get(0).range();
            assertThat(range.start()).isEqualTo(Long.parseLong(start.trim()));
            assertThat(range.step()).isNotZero().isEqualTo(Long.parseLong(step.trim()));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("Invalid pagination rule \"QueryParameters.{offset}\": \"" + value + "\": ");
        }
    }
}
