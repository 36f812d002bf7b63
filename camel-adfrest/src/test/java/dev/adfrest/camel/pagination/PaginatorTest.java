package dev.adfrest.camel.pagination;

import java.util.Map;

import dev.adfrest.camel.support.Masking;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.adfrest.camel.pagination.Fixtures.get;
import static dev.adfrest.camel.pagination.Fixtures.json;
import static dev.adfrest.camel.pagination.Fixtures.nextOf;
import static dev.adfrest.camel.pagination.Fixtures.noContent;
import static dev.adfrest.camel.pagination.Fixtures.paginator;
import static dev.adfrest.camel.pagination.Fixtures.post;
import static dev.adfrest.camel.pagination.Fixtures.run;
import static dev.adfrest.camel.pagination.Fixtures.stopOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's decisions where the article is silent; each is written down in docs/pagination.md. */
class PaginatorTest {

    static final PageRequest FIRST = get("https://api.example.com/items?limit=500");

    @Nested
    class Values {

        @Test
        void severalValuesAreAnErrorNamingTheRuleAndThePage() {
            Paginator paginator = paginator(FIRST, "AbsoluteUrl", "$.links[*].href");

            assertThatThrownBy(() -> paginator.next(FIRST, json("{\"links\": [{\"href\": \"/a\"}, {\"href\": \"/b\"}]}")))
                    .isInstanceOf(PaginationException.class)
                    .hasMessageContaining("\"AbsoluteUrl\": \"$.links[*].href\"")
                    .hasMessageContaining("2 values on page 1");
        }

        @Test
        void anObjectIsAnError() {
            Paginator paginator = paginator(FIRST, "AbsoluteUrl", "$.paging");

            assertThatThrownBy(() -> paginator.next(FIRST, json("{\"paging\": {\"next\": \"/a\"}}")))
                    .isInstanceOf(PaginationException.class)
                    .hasMessageContaining("\"AbsoluteUrl\": \"$.paging\"")
                    .hasMessageContaining("an object on page 1");
        }

        @ParameterizedTest
        @ValueSource(strings = { "{\"next\": null}", "{\"next\": \"\"}", "{\"next\": \"  \"}", "{}", "{\"next\": []}",
                                 "[]", "{\"next\": [null]}" })
        void nullMissingOrEmptyStopsTheRun(String body) {
            Step.Stop stop = stopOf(paginator(FIRST, "AbsoluteUrl", "$.next"), FIRST, json(body));

            assertThat(stop.reason()).isEqualTo(Step.StopReason.NO_NEXT_VALUE);
            assertThat(stop.detail()).startsWith("pagination rule \"AbsoluteUrl\": \"$.next\" gives no value on page 1: $.next is ");
        }

        @Test
        void aOneElementArrayIsItsElement() {
            PageRequest next = nextOf(paginator(FIRST, "AbsoluteUrl", "$.next"), FIRST, json("{\"next\": [\"/items?page=2\"]}"));

            assertThat(next.url()).isEqualTo("https://api.example.com/items?page=2");
        }

        @Test
        void numbersAndBooleansAreSentAsText() {
            PageRequest next = nextOf(paginator(FIRST, "QueryParameters.offset", "$.next_offset", "QueryParameters.more", "$.more"),
                    FIRST, json("{\"next_offset\": 1000, \"more\": true}"));

            assertThat(next.url()).isEqualTo("https://api.example.com/items?limit=500&offset=1000&more=true");
        }

        @Test
        void aHeaderWithSeveralLinesGivesItsFirstValue() {
            PageRequest next = nextOf(paginator(FIRST, "QueryParameters.cursor", "Headers['X-Cursor']"), FIRST,
                    json("{}", "X-Cursor", "one", "X-Cursor", "two"));

            assertThat(next.url()).endsWith("&cursor=one");
        }

        @Test
        void aNoContentResponseStops() {
            assertThat(stopOf(paginator(FIRST, "AbsoluteUrl", "$.next"), FIRST, noContent()).reason())
                    .isEqualTo(Step.StopReason.NO_CONTENT);
        }
    }

    @Nested
    class Urls {

        @ParameterizedTest
        @ValueSource(strings = { "?page=2|https://api.example.com/items?page=2",
                                 "/v2/items?page=2|https://api.example.com/v2/items?page=2",
                                 "items2|https://api.example.com/items2",
                                 "//cdn.example.com/items?page=2|https://cdn.example.com/items?page=2",
                                 "https://other.example.com/x?y=1#frag|https://other.example.com/x?y=1",
                                 "/search?q=a b|https://api.example.com/search?q=a%20b" })
        void relativeLinksResolveAgainstTheRequestJustMade(String linkAndExpected) {
            String[] parts = linkAndExpected.split("\\|");

            PageRequest next = nextOf(paginator(FIRST, "AbsoluteUrl", "$.next"), FIRST, json("{\"next\": \"" + parts[0] + "\"}"));

            assertThat(next.url()).isEqualTo(parts[1]);
        }

        @Test
        void aQueryParameterRuleReplacesThatParameterAndKeepsEveryOtherByteForByte() {
            PageRequest first = get("https://api.example.com/search?q=a+b&sig=AB%2Fcd%3D&page=1&page=9&t=2024-01-01T00:00:00%2B01:00");
            PageRequest next = nextOf(paginator(first, "QueryParameters.page", "$.next_page"), first, json("{\"next_page\": 2}"));

            assertThat(next.url()).isEqualTo("https://api.example.com/search?q=a+b&sig=AB%2Fcd%3D&page=2&t=2024-01-01T00:00:00%2B01:00");
        }

        @Test
        void aCursorValueIsEncoded() {
            PageRequest next = nextOf(paginator(FIRST, "QueryParameters['page token']", "$.token"), FIRST,
                    json("{\"token\": \"a b/c=&d\"}"));

            assertThat(next.url()).isEqualTo("https://api.example.com/items?limit=500&page+token=a+b%2Fc%3D%26d");
        }

        @Test
        void keepQueryParametersAddsBackWhatAFollowedLinkLacksNeverTwice() {
            PageRequest first = get("https://api.example.com/items?limit=500&fields=id,name&expand=owner");
            Paginator paginator = paginator(first, new PaginationSettings(true, false), "AbsoluteUrl", "$.next");

            PageRequest next = nextOf(paginator, first, json("{\"next\": \"/items?cursor=X&limit=100\"}"));

            assertThat(next.url()).isEqualTo("https://api.example.com/items?cursor=X&limit=100&fields=id,name&expand=owner");
        }

        @Test
        void withoutKeepQueryParametersAFollowedLinkIsTakenAsItIs() {
            PageRequest next = nextOf(paginator(FIRST, "AbsoluteUrl", "$.next"), FIRST, json("{\"next\": \"/items?cursor=X\"}"));

            assertThat(next.url()).isEqualTo("https://api.example.com/items?cursor=X");
        }

        @ParameterizedTest
        @ValueSource(strings = { "javascript:alert(1)", "file:///etc/passwd", "data:text/plain,hi", "ftp://example.com/x" })
        void aNextLinkThatIsNotHttpIsRefused(String link) {
            Paginator paginator = paginator(FIRST, "AbsoluteUrl", "$.next");

            assertThatThrownBy(() -> paginator.next(FIRST, json("{\"next\": \"" + link + "\"}")))
                    .isInstanceOf(PaginationException.class)
                    .hasMessageContaining("\"AbsoluteUrl\": \"$.next\"")
                    .hasMessageContaining("only http and https links are followed");
        }

        @Test
        void aLinkHeaderThatIsNotHttpIsRefused() {
            Paginator paginator = paginator(FIRST);

            assertThatThrownBy(() -> paginator.next(FIRST, json("[]", "Link", "<file:///etc/passwd>; rel=next")))
                    .isInstanceOf(PaginationException.class)
                    .hasMessageContaining("The Link header");
        }
    }

    @Nested
    class Headers {

        @Test
        void aResponseValueWithALineBreakIsNeverSentAsAHeader() {
            Paginator paginator = paginator(FIRST, "Headers.X-Cursor", "$.cursor");

            assertThatThrownBy(() -> paginator.next(FIRST, json("{\"cursor\": \"abc\\r\\nX-Injected: 1\"}")))
                    .isInstanceOf(PaginationException.class)
                    .hasMessageContaining("\"Headers.X-Cursor\": \"$.cursor\"")
                    .hasMessageContaining("line break")
                    .hasMessageNotContaining("X-Injected");
        }

        @Test
        void aHeaderRuleReplacesTheHeaderOfTheSameNameIgnoringCase() {
            PageRequest first = get("https://api.example.com/items", Map.of("x-cursor", "start", "Accept-Language", "en"));

            PageRequest next = nextOf(paginator(first, "Headers.X-Cursor", "$.cursor"), first, json("{\"cursor\": \"c2\"}"));

            assertThat(next.headers()).containsOnly(Map.entry("x-cursor", "c2"), Map.entry("Accept-Language", "en"));
        }
    }

    @Nested
    class Stops {

        @Test
        void maxRequestNumberCountsTheFirstRequest() {
            Step.Stop stop = stopOf(paginator(FIRST, "AbsoluteUrl", "$.next", "MaxRequestNumber", "1"), FIRST,
                    json("{\"next\": \"/items?page=2\"}"));

            assertThat(stop.reason()).isEqualTo(Step.StopReason.MAX_REQUESTS);
        }

        @Test
        void anEndConditionIsCheckedOnThePageItHoldsFor() {
            Step.Stop stop = stopOf(paginator(FIRST, "AbsoluteUrl", "$.next", "EndCondition:$.last", "Const:true"), FIRST,
                    json("{\"last\": true, \"next\": \"/items?page=2\", \"items\": [1, 2]}"));

            assertThat(stop.reason()).isEqualTo(Step.StopReason.END_CONDITION);
        }

        @ParameterizedTest
        @ValueSource(strings = { "{\"done\": \"true\"}", "{\"done\": true}", "{\"done\": \"TRUE\"}" })
        void constTrueMatchesBooleanAndText(String body) {
            assertThat(stopOf(paginator(FIRST, "AbsoluteUrl", "$.next", "EndCondition:$.done", "Const:true"), FIRST, json(body))
                    .reason()).isEqualTo(Step.StopReason.END_CONDITION);
        }

        @ParameterizedTest
        @ValueSource(strings = { "{\"remaining\": 0}", "{\"remaining\": \"0\"}", "{\"remaining\": 0.0}" })
        void constNumberMatchesNumberAndText(String body) {
            assertThat(stopOf(paginator(FIRST, "AbsoluteUrl", "$.next", "EndCondition:$.remaining", "Const:0"), FIRST, json(body))
                    .reason()).isEqualTo(Step.StopReason.END_CONDITION);
        }

        @ParameterizedTest
        @ValueSource(strings = { "{\"items\": null}", "{\"items\": {}}", "{\"items\": \"\"}", "{}" })
        void emptyCoversNullEmptyObjectEmptyStringAndMissing(String body) {
            assertThat(stopOf(paginator(FIRST, "AbsoluteUrl", "$.next", "EndCondition:$.items", "Empty"), FIRST, json(body))
                    .reason()).isEqualTo(Step.StopReason.END_CONDITION);
        }

        @ParameterizedTest
        @ValueSource(strings = { "{\"data\": []}", "[]" })
        void jsonPathFunctionsWork(String body) {
            String path = body.startsWith("[") ? "$.length()" : "$.data.length()";

            assertThat(stopOf(paginator(FIRST, "AbsoluteUrl", "$.next", "EndCondition:" + path, "Const:0"), FIRST, json(body))
                    .reason()).isEqualTo(Step.StopReason.END_CONDITION);
        }

        @Test
        void aFunctionOnAMissingNodeFindsNothing() {
            Paginator paginator = paginator(FIRST, "AbsoluteUrl", "$.next", "EndCondition:$.data.length()", "Const:0");

            assertThat(nextOf(paginator, FIRST, json("{\"next\": \"/p2\"}")).url()).isEqualTo("https://api.example.com/p2");
        }

        @Test
        void aNullValueExists() {
            assertThat(stopOf(paginator(FIRST, "AbsoluteUrl", "$.next", "EndCondition:$.next", "Exist"), FIRST,
                    json("{\"next\": null}")).reason()).isEqualTo(Step.StopReason.END_CONDITION);
        }

        @Test
        void emptyOnAHeaderHoldsWhenItIsMissingOrBlank() {
            Paginator paginator = paginator(FIRST, "AbsoluteUrl", "$.next", "EndCondition:headers['X-More']", "Empty");
            PageRequest next = nextOf(paginator, FIRST, json("{\"next\": \"/p2\"}", "X-More", "yes"));

            assertThat(stopOf(paginator, next, json("{\"next\": \"/p3\"}", "X-More", "")).reason())
                    .isEqualTo(Step.StopReason.END_CONDITION);
        }

        @Test
        void aRepeatedRequestEndsTheRunNamingTheMaskedUrl() {
            PageRequest first = get("https://api.example.com/items?access_token=s3cr3t&page=1");
            Paginator paginator = paginator(first, "AbsoluteUrl", "$.next");

            Step.Stop stop = stopOf(paginator, first, json("{\"next\": \"https://api.example.com/items?access_token=s3cr3t&page=1\"}"));

            assertThat(stop.reason()).isEqualTo(Step.StopReason.REPEATED_REQUEST);
            // the engine names the URL; the run shows it masked, as every message of a run is shown
            assertThat(Masking.none().scrub(stop.detail()))
                    .contains("GET https://api.example.com/items?access_token=xxxxxx&page=1").doesNotContain("s3cr3t");
        }

        @Test
        void failOnRepeatedRequestMakesItAnError() {
            Paginator paginator = paginator(FIRST, new PaginationSettings(false, true), "AbsoluteUrl", "$.next");

            assertThatThrownBy(() -> paginator.next(FIRST, json("{\"next\": \"https://api.example.com/items?limit=500\"}")))
                    .isInstanceOf(PaginationException.class)
                    .hasMessageContaining("failOnRepeatedRequest")
                    .hasMessageContaining("https://api.example.com/items?limit=500");
        }

        @Test
        void aNextLinkThatDiffersOnlyByItsFragmentIsARepeat() {
            assertThat(stopOf(paginator(FIRST, "AbsoluteUrl", "$.next"), FIRST,
                    json("{\"next\": \"https://api.example.com/items?limit=500#top\"}")).reason())
                    .isEqualTo(Step.StopReason.REPEATED_REQUEST);
        }
    }

    @Nested
    class Rfc5988 {

        @Test
        void onByDefaultWhenTheRulesOnlyStop() {
            Paginator paginator = paginator(FIRST, "MaxRequestNumber", "2");

            PageRequest next = nextOf(paginator, FIRST, json("[]", "Link", "</items?page=2>; rel=\"next\""));

            assertThat(next.url()).isEqualTo("https://api.example.com/items?page=2");
            assertThat(stopOf(paginator, next, json("[]", "Link", "</items?page=3>; rel=\"next\"")).reason())
                    .isEqualTo(Step.StopReason.MAX_REQUESTS);
        }

        @Test
        void offByDefaultWhenARuleSaysWhatTheNextRequestIs() {
            Paginator paginator = paginator(FIRST, "QueryParameters.cursor", "$.cursor");

            PageRequest next = nextOf(paginator, FIRST, json("{\"cursor\": \"c2\"}", "Link", "</other?page=2>; rel=\"next\""));

            assertThat(next.url()).isEqualTo("https://api.example.com/items?limit=500&cursor=c2");
        }

        @Test
        void explicitlyOnItWorksAlongsideOtherRules() {
            Paginator paginator = paginator(FIRST, "SupportRFC5988", "true", "Headers.X-Request-Id", "Headers.X-Next-Id");

            PageRequest next = nextOf(paginator, FIRST, json("[]", "Link", "</items?page=2>; rel=\"next\"", "X-Next-Id", "7"));

            assertThat(next.url()).isEqualTo("https://api.example.com/items?page=2");
            assertThat(next.header("X-Request-Id")).isEqualTo("7");
        }

        @Test
        void anAbsoluteUrlRuleWinsOverTheLinkHeader() {
            Paginator paginator = paginator(FIRST, "SupportRFC5988", "true", "AbsoluteUrl", "$.next");

            PageRequest next = nextOf(paginator, FIRST, json("{\"next\": \"/from-body\"}", "Link", "</from-header>; rel=\"next\""));

            assertThat(next.url()).isEqualTo("https://api.example.com/from-body");
        }
    }

    @Nested
    class Ranges {

        @Test
        void aNamedRangeTargetSetsTheParameterFromTheFirstRequestOn() {
            Fixtures.Run run = run(paginator(FIRST, "QueryParameters.page", "RANGE:1:3:1"), r -> json("[1]"), 10);

            assertThat(run.urls()).containsExactly("https://api.example.com/items?limit=500&page=1",
                    "https://api.example.com/items?limit=500&page=2", "https://api.example.com/items?limit=500&page=3");
        }

        @Test
        void aNegativeStepCountsDown() {
            Fixtures.Run run = run(paginator(get("https://api.example.com/years/{year}"), "AbsoluteUrl.{year}", "RANGE:2024:2020:-2"),
                    r -> json("[1]"), 10);

            assertThat(run.urls()).containsExactly("https://api.example.com/years/2024", "https://api.example.com/years/2022",
                    "https://api.example.com/years/2020");
        }

        @Test
        void twoRangesMoveTogetherAndTheShorterEndsTheRun() {
            Fixtures.Run run = run(paginator(get("https://api.example.com/items?offset={offset}&page={page}"),
                    "QueryParameters.{offset}", "RANGE:0::50", "QueryParameters.{page}", "RANGE:1:3:1"), r -> json("[1]"), 10);

            assertThat(run.urls()).containsExactly("https://api.example.com/items?offset=0&page=1",
                    "https://api.example.com/items?offset=50&page=2", "https://api.example.com/items?offset=100&page=3");
        }

        @Test
        void anOpenRangeStopsAtTheLargestLong() {
            Fixtures.Run run = run(paginator(get("https://api.example.com/items?from={from}"), "QueryParameters.{from}",
                    "RANGE:" + (Long.MAX_VALUE - 2) + "::1"), r -> json("[1]"), 10);

            assertThat(run.urls()).hasSize(3).last().asString().endsWith("from=" + Long.MAX_VALUE);
            assertThat(run.stop().reason()).isEqualTo(Step.StopReason.RANGE_EXHAUSTED);
        }

        @Test
        void aPlaceholderInTheBodyIsFilled() {
            Fixtures.Run run = run(paginator(post("https://api.example.com/report", "{\"page\": {page}, \"size\": 100}"),
                    "Body.{page}", "RANGE:1:2:1"), r -> json("[1]"), 10);

            assertThat(run.requests()).extracting(PageRequest::body)
                    .containsExactly("{\"page\": 1, \"size\": 100}", "{\"page\": 2, \"size\": 100}");
        }

        @Test
        void aNamedBodyRangeSetsANumber() {
            Fixtures.Run run = run(paginator(post("https://api.example.com/report", "{\"size\": 100}"),
                    "Body.paging.page", "RANGE:1:2:1"), r -> json("[1]"), 10);

            assertThat(run.requests()).extracting(PageRequest::body)
                    .containsExactly("{\"size\":100,\"paging\":{\"page\":1}}", "{\"size\":100,\"paging\":{\"page\":2}}");
        }

        @Test
        void rangeAndResponseValuesCombine() {
            Paginator paginator = paginator(get("https://api.example.com/items?offset={offset}", Map.of("X-Session", "none")),
                    "QueryParameters.{offset}", "RANGE:0::10", "Headers.X-Session", "Headers.X-Session-Next");

            PageRequest second = nextOf(paginator, paginator.first(), json("[1]", "X-Session-Next", "s1"));
            PageRequest third = nextOf(paginator, second, json("[1]", "X-Session-Next", "s2"));

            assertThat(third.url()).isEqualTo("https://api.example.com/items?offset=20");
            assertThat(third.header("X-Session")).isEqualTo("s2");
        }
    }

    @Nested
    class Templates {

        @Test
        void aRangeVariableThatAppearsNowhereIsAnErrorNamingIt() {
            assertThatThrownBy(() -> paginator(get("https://api.example.com/items?offset=0"), "QueryParameters.{offset}", "RANGE:0:100:10"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"QueryParameters.{offset}\": \"RANGE:0:100:10\"")
                    .hasMessageContaining("{offset}, which appears nowhere");
        }

        @Test
        void aMistypedPlaceholderIsPointedOut() {
            assertThatThrownBy(() -> paginator(get("https://api.example.com/items?offset={ofset}"), "QueryParameters.{offset}", "RANGE:0:100:10"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("{offset}, which appears nowhere")
                    .hasMessageContaining("the URL has {ofset}");
        }

        @Test
        void aUrlPlaceholderThatNoRuleFillsIsAnError() {
            assertThatThrownBy(() -> paginator(get("https://api.example.com/items?offset={offset}"), "AbsoluteUrl", "$.next"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("The request URL has the placeholder {offset} but no pagination rule fills it");
        }

        @Test
        void bodyRulesNeedPost() {
            assertThatThrownBy(() -> paginator(FIRST, "Body.cursor", "$.cursor"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"Body.cursor\": \"$.cursor\"")
                    .hasMessageContaining("requestMethod POST");
        }

        @Test
        void bodyRulesNeedAJsonObjectBody() {
            assertThatThrownBy(() -> paginator(post("https://api.example.com/q", "page={page}"), "Body.cursor", "$.cursor"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("requestBody must be a JSON object");
        }

        @Test
        void aPostWithoutBodyStartsFromAnEmptyObject() {
            PageRequest first = post("https://api.example.com/q", null);

            PageRequest next = nextOf(paginator(first, "Body.cursor", "$.cursor"), first, json("{\"cursor\": \"c\"}"));

            assertThat(next.body()).isEqualTo("{\"cursor\":\"c\"}");
        }
    }
}
