package dev.adfrest.camel.pagination;

import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.pagination.Fixtures.get;
import static dev.adfrest.camel.pagination.Fixtures.json;
import static dev.adfrest.camel.pagination.Fixtures.nextOf;
import static dev.adfrest.camel.pagination.Fixtures.paginator;
import static dev.adfrest.camel.pagination.Fixtures.run;
import static dev.adfrest.camel.pagination.Fixtures.stopOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every example of ADF's REST connector article, as the engine sees it: the response, the rule, the next request.
 * "Seed" is the 2020 article (reference/adf-rest-connector-2020.md); "Example n" are the pagination rules examples of
 * the current article (connector-rest.md).
 */
class AdfExamplesTest {

    /** The Facebook Graph page of both articles. */
    static final String FACEBOOK_PAGE = """
            {
                "data": [
                    {"created_time": "2017-12-12T14:12:20+0000", "name": "album1", "id": "1809938745705498_1809939942372045"},
                    {"created_time": "2017-12-12T14:14:03+0000", "name": "album2", "id": "1809938745705498_1809941802371859"},
                    {"created_time": "2017-12-12T14:14:11+0000", "name": "album3", "id": "1809938745705498_1809941879038518"}
                ],
                "paging": {
                    "cursors": {"after": "MTAxNTExOTQ1MjAwNzI5NDE=", "before": "NDMyNzQyODI3OTQw"},
                    "previous": "https://graph.facebook.com/me/albums?limit=25&before=NDMyNzQyODI3OTQw",
                    "next": "https://graph.facebook.com/me/albums?limit=25&after=MTAxNTExOTQ1MjAwNzI5NDE="
                }
            }""";

    @Test
    void seedFacebookAbsoluteUrlFromPagingNext() {
        PageRequest first = get("https://graph.facebook.com/me/albums");
        Paginator paginator = paginator(first, "AbsoluteUrl", "$.paging.next");

        PageRequest second = nextOf(paginator, first, json(FACEBOOK_PAGE));
        assertThat(second.url()).isEqualTo("https://graph.facebook.com/me/albums?limit=25&after=MTAxNTExOTQ1MjAwNzI5NDE=");

        Step.Stop stop = stopOf(paginator, second, json("{\"data\": [], \"paging\": {\"previous\": \"https://graph.facebook.com/me/albums?before=X\"}}"));
        assertThat(stop.reason()).isEqualTo(Step.StopReason.NO_NEXT_VALUE);
        assertThat(stop.detail()).contains("\"AbsoluteUrl\": \"$.paging.next\"", "$.paging.next is missing", "page 2");
    }

    @Test
    void article1GetWithPaginationKeepsAdditionalHeadersOnEveryPage() {
        PageRequest first = get("https://graph.facebook.com/me/albums", Map.of("x-user-defined", "helloworld"));
        Paginator paginator = paginator(first, "AbsoluteUrl", "$.paging.next");

        PageRequest second = nextOf(paginator, first, json(FACEBOOK_PAGE));

        assertThat(second.header("x-user-defined")).isEqualTo("helloworld");
        assertThat(second.method()).isEqualTo("GET");
    }

    @Nested
    class Example1VariablesInQueryParameters {

        static final String TEMPLATE = "https://instance.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset={offset}";

        @Test
        void option1QueryParametersRange() {
            Fixtures.Run run = run(paginator(get(TEMPLATE), "QueryParameters.{offset}", "RANGE:0:10000:1000"),
                    r -> json("{\"result\": [{\"number\": \"INC1\"}]}"), 100);

            assertThat(run.urls()).hasSize(11).containsExactlyElementsOf(LongStream.rangeClosed(0, 10).map(i -> i * 1000)
                    .mapToObj(o -> "https://instance.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=" + o)
                    .toList());
            assertThat(run.stop().reason()).isEqualTo(Step.StopReason.RANGE_EXHAUSTED);
        }

        @Test
        void option2AbsoluteUrlRange() {
            Fixtures.Run run = run(paginator(get(TEMPLATE), "AbsoluteUrl.{offset}", "RANGE:0:10000:1000"),
                    r -> json("{\"result\": []}"), 100);

            assertThat(run.urls()).hasSize(11).startsWith(
                    "https://instance.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=0",
                    "https://instance.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=1000")
                    .endsWith("https://instance.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=10000");
        }
    }

    @Test
    void example2VariablesInAbsoluteUrl() {
        Fixtures.Run run = run(paginator(get("https://instance.service-now.com/api/now/table/t{id}"),
                "AbsoluteUrl.{id}", "RANGE:1:100:1"), r -> json("{\"result\": []}"), 1000);

        assertThat(run.urls()).hasSize(100)
                .startsWith("https://instance.service-now.com/api/now/table/t1", "https://instance.service-now.com/api/now/table/t2")
                .endsWith("https://instance.service-now.com/api/now/table/t100");
        assertThat(run.stop().reason()).isEqualTo(Step.StopReason.RANGE_EXHAUSTED);
    }

    @Nested
    class Example3VariablesInHeaders {

        @Test
        void headersRange() {
            Fixtures.Run run = run(paginator(get("https://example/table", Map.of("id", "{id}")), "Headers.{id}", "RANGE:0:100:10"),
                    r -> json("{}"), 1000);

            assertThat(run.requests()).extracting(r -> r.header("id"))
                    .containsExactly("0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100");
            assertThat(run.urls()).containsOnly("https://example/table");
        }

        @Test
        void theArticlesTypoRarngeIsRefusedWithAHint() {
            assertThatThrownBy(() -> PaginationRules.parse(Fixtures.rules("Headers.{id}", "RARNGE:0:100:10")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"Headers.{id}\": \"RARNGE:0:100:10\"")
                    .hasMessageContaining("did you mean RANGE:?");
        }
    }

    /** Example 4: an open RANGE ("RANGE:0::1000") ended by what the responses say. */
    @Nested
    class Example4EndConditions {

        static final String TEMPLATE = "https://instance.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset={offset}";
        static final String PAGE = "{\"data\": [{\"key1\": \"val1\", \"key2\": \"val2\"}, {\"key1\": \"val3\", \"key2\": \"val4\"}]}";

        Fixtures.Run runUntil(String endKey, String endValue, java.util.function.IntFunction<PageResponse> pages) {
            Paginator paginator = paginator(get(TEMPLATE), "AbsoluteUrl.{offset}", "RANGE:0::1000", endKey, endValue);
            int[] n = {0};
            return run(paginator, r -> pages.apply(++n[0]), 100);
        }

        @Test
        void example41EmptyNode() {
            Fixtures.Run run = runUntil("EndCondition:$.data", "Empty", n -> json(n < 3 ? PAGE : "{\"data\": []}"));

            assertThat(run.urls()).hasSize(3).last().asString().endsWith("sysparm_offset=2000");
            assertThat(run.stop().reason()).isEqualTo(Step.StopReason.END_CONDITION);
            assertThat(run.stop().detail()).contains("\"EndCondition:$.data\": \"Empty\"", "page 3", "$.data is empty");
        }

        @Test
        void example41AsPrintedJsonPathIsCaseSensitiveSoDataIsNotData() {
            // The article's responses say "Data" while its rule says $.data: JSONPath names are case-sensitive, so
            // $.data is missing from the first page, which counts as Empty: the run ends after page 1.
            Fixtures.Run run = runUntil("EndCondition:$.data", "Empty",
                    n -> json("{\"Data\": [{\"key1\": \"val1\"}]}"));

            assertThat(run.urls()).hasSize(1);
            assertThat(run.stop().detail()).contains("$.data is missing");
        }

        @Test
        void example42NodeDoesNotExist() {
            Fixtures.Run run = runUntil("EndCondition:$.data", "NonExist", n -> json(n < 4 ? PAGE : "{}"));

            assertThat(run.urls()).hasSize(4);
            assertThat(run.stop().reason()).isEqualTo(Step.StopReason.END_CONDITION);
            assertThat(run.stop().detail()).contains("$.data does not exist");
        }

        @Test
        void example43NodeExists() {
            Fixtures.Run run = runUntil("EndCondition:$.Complete", "Exist",
                    n -> json(n < 2 ? PAGE : "{\"Data\": [{\"key1\": \"val991\"}], \"Complete\": true}"));

            assertThat(run.urls()).hasSize(2);
            assertThat(run.stop().detail()).contains("$.Complete exists");
        }

        @Test
        void example44NodeEqualsConst() {
            Fixtures.Run run = runUntil("EndCondition:$.Complete", "Const:true",
                    n -> json("{\"Data\": [{\"key1\": \"val\"}], \"Complete\": " + (n < 5 ? "false" : "true") + "}"));

            assertThat(run.urls()).hasSize(5);
            assertThat(run.stop().reason()).isEqualTo(Step.StopReason.END_CONDITION);
            assertThat(run.stop().detail()).contains("$.Complete is true");
        }

        @Test
        void example45HeaderEqualsConst() {
            Fixtures.Run run = runUntil("EndCondition:headers.Complete", "Const:1",
                    n -> json(PAGE, "Complete", n < 3 ? "0" : "1"));

            assertThat(run.urls()).hasSize(3);
            assertThat(run.stop().detail()).contains("\"EndCondition:headers.Complete\": \"Const:1\"");
        }

        @Test
        void example46HeaderExists() {
            Fixtures.Run run = runUntil("EndCondition:headers.CompleteTime", "Exist",
                    n -> n < 4 ? json(PAGE) : json(PAGE, "CompleteTime", "20220920"));

            assertThat(run.urls()).hasSize(4);
            assertThat(run.stop().reason()).isEqualTo(Step.StopReason.END_CONDITION);
        }
    }

    @Nested
    class Example5EndConditionAgainstAnEndlessNextLink {

        static final String LAST_PAGE = """
                {"data": [], "paging": {"previous": "https://graph.facebook.com/me/albums?limit=25&before=NDMy",
                                        "next": "https://graph.facebook.com/me/albums?limit=25&after=MTAx"}}""";

        @Test
        void endConditionStopsWhereTheNextLinkRepeatsTheLastRequest() {
            PageRequest first = get("https://graph.facebook.com/me/albums");
            Paginator paginator = paginator(first, "AbsoluteUrl", "$.paging.next", "EndCondition:$.data", "Empty");

            PageRequest second = nextOf(paginator, first, json(FACEBOOK_PAGE));
            Step.Stop stop = stopOf(paginator, second, json(LAST_PAGE.replace("after=MTAx", "after=MTAxNTExOTQ1MjAwNzI5NDE=")));

            assertThat(stop.reason()).isEqualTo(Step.StopReason.END_CONDITION);
        }

        @Test
        void withoutEndConditionTheRepeatedRequestGuardEndsTheRun() {
            PageRequest first = get("https://graph.facebook.com/me/albums");
            Paginator paginator = paginator(first, "AbsoluteUrl", "$.paging.next");

            PageRequest second = nextOf(paginator, first, json(FACEBOOK_PAGE));
            Step.Stop stop = stopOf(paginator, second, json(LAST_PAGE.replace("after=MTAx", "after=MTAxNTExOTQ1MjAwNzI5NDE=")));

            assertThat(stop.reason()).isEqualTo(Step.StopReason.REPEATED_REQUEST);
            assertThat(stop.detail()).contains("https://graph.facebook.com/me/albums?limit=25&after=MTAxNTExOTQ1MjAwNzI5NDE=");
        }
    }

    @Test
    void example6MaxRequestNumberEndsAnEndlessRun() {
        Paginator paginator = paginator(get("https://api.example.com/items"), "AbsoluteUrl", "$.next", "MaxRequestNumber", "3");
        int[] n = {0};

        Fixtures.Run run = run(paginator, r -> json("{\"next\": \"https://api.example.com/items?page=" + (++n[0] + 1) + "\"}"), 100);

        assertThat(run.urls()).containsExactly("https://api.example.com/items", "https://api.example.com/items?page=2",
                "https://api.example.com/items?page=3");
        assertThat(run.stop().reason()).isEqualTo(Step.StopReason.MAX_REQUESTS);
    }

    @Nested
    class Example7Rfc5988 {

        @Test
        void followedByDefaultWhenNoRuleIsDefined() {
            PageRequest first = get("https://api.example.com/items");
            Paginator paginator = paginator(first);

            PageRequest second = nextOf(paginator, first,
                    json("[]", "Link", "<https://api.example.com/items?page=2>; rel=\"next\", <https://api.example.com/items?page=9>; rel=\"last\""));
            Step.Stop stop = stopOf(paginator, second, json("[]", "Link", "<https://api.example.com/items?page=1>; rel=\"first\""));

            assertThat(second.url()).isEqualTo("https://api.example.com/items?page=2");
            assertThat(stop.reason()).isEqualTo(Step.StopReason.NO_NEXT_LINK);
        }

        @Test
        void supportRfc5988FalseDisablesIt() {
            PageRequest first = get("https://api.example.com/items");
            Paginator paginator = paginator(first, "supportRFC5988", "false");

            Step.Stop stop = stopOf(paginator, first, json("[]", "Link", "<https://api.example.com/items?page=2>; rel=\"next\""));

            assertThat(stop.reason()).isEqualTo(Step.StopReason.NO_NEXT_LINK);
        }
    }
}
