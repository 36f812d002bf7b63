package dev.adfrest.camel.pagination;

import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule parser on anything: it accepts the language and refuses the rest, always quoting the rule. */
class RuleParserPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_').ofMinLength(1).ofMaxLength(12)
                .filter(s -> Character.isLetter(s.charAt(0)));
    }

    @Provide
    Arbitrary<Map.Entry<String, String>> validRules() {
        Arbitrary<String> name = names();
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.just("AbsoluteUrl"),
                name.map(n -> "QueryParameters." + n),
                name.map(n -> "QueryParameters['" + n + "']"),
                name.map(n -> "Headers." + n),
                name.map(n -> "Headers['" + n + "']"),
                name.map(n -> "Body." + n),
                name.map(n -> "Body['" + n + "']"));
        Arbitrary<String> values = Arbitraries.oneOf(
                name.map(n -> "$." + n),
                name.map(n -> "$['" + n + "']"),
                name.map(n -> "$." + n + "[-1:].id"),
                name.map(n -> "$.links[?(@.rel=='" + n + "')].href"),
                name.map(n -> "Headers." + n),
                name.map(n -> "Headers['" + n + "']"));
        return Combinators.combine(keys, values).as(Map::entry);
    }

    @Property
    void everyValidRuleParses(@ForAll("validRules") Map.Entry<String, String> rule) {
        PaginationRules rules = PaginationRules.parse(Map.of(rule.getKey(), rule.getValue()));

        assertThat(rules.values()).hasSize(1);
        assertThat(rules.source()).containsExactly(rule);
        assertThat(rules.values().get(0).rule()).isEqualTo("\"" + rule.getKey() + "\": \"" + rule.getValue() + "\"");
    }

    @Provide
    Arbitrary<String> endConditionValues() {
        return Arbitraries.oneOf(Arbitraries.of("Empty", "NonExist", "Exist", "empty", "EXIST"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(10).filter(s -> !s.trim().isEmpty()).map(s -> "Const:" + s));
    }

    @Property
    void everyEndConditionParses(@ForAll("names") String name, @ForAll("endConditionValues") String value,
                                 @ForAll boolean header) {
        String key = "EndCondition:" + (header ? "headers." : "$.") + name;

        PaginationRules rules = PaginationRules.parse(Map.of(key, value));

        assertThat(rules.endConditions()).hasSize(1);
    }

    @Property(tries = 1000)
    void anythingElseFailsOnlyWithAMessageQuotingTheRule(@ForAll String key, @ForAll String value) {
        try {
            PaginationRules.parse(Map.of(key, value));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("\"" + key.trim() + "\": \"" + value + "\"");
        }
    }

    @Provide
    Arbitrary<String> rangeParts() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(6),
                Arbitraries.just(""));
    }

    @Property(tries = 1000)
    void rangesParseOrFailQuotingTheRule(@ForAll("rangeParts") String start, @ForAll("rangeParts") String end,
                                         @ForAll("rangeParts") String step) {
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
