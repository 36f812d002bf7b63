package dev.adfrest.camel.pagination;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.adfrest.camel.pagination.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule language: what parses into what, and how a malformed rule is reported (always quoting it). */
class PaginationRulesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            absoluteUrl                    | $.next             | keys are case-sensitive: write AbsoluteUrl
            queryParameters.page           | $.page             | keys are case-sensitive: write QueryParameters.page
            QueryParameter.page            | $.page             | unknown key
            NextPage                       | $.next             | unknown key
            AbsoluteUrl                    | $.paging[          | is not a valid JSONPath
            AbsoluteUrl                    | paging.next        | must be a JSONPath starting with $, Headers.<name> or RANGE
            AbsoluteUrl                    | ''                 | it has no value
            AbsoluteUrl                    | RANGE:0:10:1       | AbsoluteUrl takes a JSONPath
            AbsoluteUrl.offset             | RANGE:0:10:1       | AbsoluteUrl takes no name
            QueryParameters.{offset}       | RANGE:0:x:1        | the RANGE end 'x' is not a whole number
            QueryParameters.{offset}       | RANGE:a:10:1       | the RANGE start 'a' is not a whole number
            QueryParameters.{offset}       | RANGE:0:10:1.5     | the RANGE step '1.5' is not a whole number
            QueryParameters.{offset}       | RANGE:0:10:0       | the step must not be 0
            QueryParameters.{offset}       | RANGE:0:10         | RANGE takes three parts
            QueryParameters.{offset}       | RANGE:10:0:5       | a step of 5 never goes from 10 to 0
            QueryParameters.{offset}       | RANGE:0:99999999999999999999:1 | is not a whole number between
            QueryParameters.{offset}       | $.next             | a {offset} key takes RANGE:start:end:step
            QueryParameters.{my offset}    | RANGE:0:10:1       | is not a placeholder
            QueryParameters.               | $.page             | a name is empty
            QueryParameters['page'         | $.page             | unclosed
            Headers.                       | $.cursor           | a name is empty
            Headers['']                    | $.cursor           | a name is empty
            Headers.X Cursor               | $.cursor           | is not a valid HTTP header name
            Headers.X-Cursor               | Headers.           | a name is empty
            Headers.X-Cursor               | Headers['bad name'] | is not a valid HTTP header name
            Body.a..b                      | $.x                | a name is empty
            EndCondition:$.data            | Const:             | Const: needs the value
            EndCondition:$.data            | Full               | must be Empty, NonExist, Exist or Const:<value>
            EndCondition:data              | Empty              | EndCondition: tests a body JSONPath
            EndCondition:$.data[           | Empty              | is not a valid JSONPath
            MaxRequestNumber               | 0                  | at least 1
            MaxRequestNumber               | ten                | at least 1
            SupportRFC5988                 | yes                | must be true or false
            """)
    void aMalformedRuleIsRefusedQuotingIt(String key, String value, String reason) {
        String shownValue = value == null ? "" : value;

        assertThatThrownBy(() -> PaginationRules.parse(rules(key, shownValue)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid pagination rule \"" + key + "\": \"" + shownValue + "\": ")
                .hasMessageContaining(reason);
    }

    @Test
    void twoRulesForTheSameTargetAreRefused() {
        assertThatThrownBy(() -> PaginationRules.parse(rules("QueryParameters.page", "$.a", "QueryParameters['page']", "$.b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"QueryParameters['page']\": \"$.b\"")
                .hasMessageContaining("rule \"QueryParameters.page\": \"$.a\" already sets QueryParameters['page']");
        assertThatThrownBy(() -> PaginationRules.parse(rules("Headers.x-cursor", "$.a", "Headers.X-Cursor", "$.b")))
                .hasMessageContaining("already sets");
        assertThatThrownBy(() -> PaginationRules.parse(rules("QueryParameters.{offset}", "RANGE:0::1", "AbsoluteUrl.{offset}", "RANGE:0::1")))
                .hasMessageContaining("already sets");
    }

    @Test
    void aNullValueIsRefused() {
        Map<String, String> rules = new HashMap<>();
        rules.put("AbsoluteUrl", null);

        assertThatThrownBy(() -> PaginationRules.parse(rules)).hasMessageContaining("\"AbsoluteUrl\": null");
    }

    @Test
    void keysParseIntoTargets() {
        PaginationRules rules = PaginationRules.parse(rules(
                "AbsoluteUrl", "$.next",
                "QueryParameters.page.size", "$.size",
                "QueryParameters['sysparm offset']", "$.offset",
                "Headers[\"X-Cursor\"]", "Headers.x-next",
                "Body.paging.cursor", "$.cursor",
                "Body['a.b']", "$.ab",
                "AbsoluteUrl.{id}", "range:1:100:1",
                "Headers.{h}", "RANGE: 0 : 100 : 10"));

        assertThat(rules.values()).extracting(PaginationRules.ValueRule::target).containsExactly(
                new Target.Url(),
                new Target.QueryParameter("page.size"),
                new Target.QueryParameter("sysparm offset"),
                new Target.Header("X-Cursor"),
                new Target.BodyField(List.of("paging", "cursor")),
                new Target.BodyField(List.of("a.b")));
        assertThat(rules.values().get(3).value()).isEqualTo(new ResponseValue.ResponseHeader("x-next"));
        assertThat(rules.ranges()).extracting(PaginationRules.RangeRule::target)
                .containsExactly(new Target.Placeholder("AbsoluteUrl", "id"), new Target.Placeholder("Headers", "h"));
        assertThat(rules.ranges()).extracting(PaginationRules.RangeRule::range)
                .containsExactly(new Range(1, 100L, 1), new Range(0, 100L, 10));
    }

    @Test
    void endConditionsParseWithEitherHeaderSpelling() {
        PaginationRules rules = PaginationRules.parse(rules(
                "EndCondition:$.data", "Empty",
                "EndCondition:headers.Complete", "Const:1",
                "EndCondition:Headers['CompleteTime']", "exist",
                "EndCondition:$.next", "NonExist"));

        assertThat(rules.endConditions()).extracting(PaginationRules.EndCondition::check).containsExactly(
                PaginationRules.Check.EMPTY, PaginationRules.Check.CONST, PaginationRules.Check.EXIST, PaginationRules.Check.NON_EXIST);
        assertThat(rules.endConditions().get(1).constant()).isEqualTo("1");
        assertThat(rules.endConditions().get(2).where()).isEqualTo(new ResponseValue.ResponseHeader("CompleteTime"));
    }

    @Test
    void maxRequestNumberMayBeEmptyForNoLimit() {
        assertThat(PaginationRules.parse(rules("MaxRequestNumber", "")).maxRequestNumber()).isEmpty();
        assertThat(PaginationRules.parse(rules("MaxRequestNumber", "25")).maxRequestNumber()).hasValue(25);
    }

    @Test
    void supportRfc5988IsOnWhenNoRuleSaysWhatTheNextRequestIs() {
        assertThat(PaginationRules.parse(Map.of()).supportRfc5988()).isTrue();
        assertThat(PaginationRules.parse(null).supportRfc5988()).isTrue();
        assertThat(PaginationRules.parse(rules("EndCondition:$.data", "Empty")).supportRfc5988()).isTrue();
        assertThat(PaginationRules.parse(rules("AbsoluteUrl", "$.next")).supportRfc5988()).isFalse();
        assertThat(PaginationRules.parse(rules("SupportRFC5988", "false")).supportRfc5988()).isFalse();
        assertThat(PaginationRules.parse(rules("supportRFC5988", "TRUE", "Headers.X", "$.x")).supportRfc5988()).isTrue();
        assertThat(PaginationRules.parse(rules("supportRFC5988", "true", "AbsoluteUrl", "$.x")).followsLinkHeader()).isFalse();
    }

    @Test
    void theRulesAreKeptAsGiven() {
        Map<String, String> given = rules("AbsoluteUrl", "$.next", "MaxRequestNumber", "3");

        PaginationRules rules = PaginationRules.parse(given);

        assertThat(rules.source()).containsExactlyEntriesOf(given);
        assertThat(rules.isEmpty()).isFalse();
        assertThat(rules.toString()).contains("AbsoluteUrl=$.next");
    }
}
