package dev.adfrest.camel.pagination;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.pagination.Fixtures.get;
import static dev.adfrest.camel.pagination.Fixtures.json;
import static dev.adfrest.camel.pagination.Fixtures.nextOf;
import static dev.adfrest.camel.pagination.Fixtures.paginator;
import static dev.adfrest.camel.pagination.Fixtures.post;
import static dev.adfrest.camel.pagination.Fixtures.run;
import static dev.adfrest.camel.pagination.Fixtures.stopOf;
import static org.assertj.core.api.Assertions.assertThat;

/** How real APIs page, and the rules that follow them. */
class RealApiPatternsTest {

    @Test
    void nextLinkInsideLinksArrayPickedByRel() {
        PageRequest first = get("https://api.example.com/v2/orders?limit=2");
        Paginator paginator = paginator(first, "AbsoluteUrl", "$.links[?(@.rel=='next')].href");

        PageRequest second = nextOf(paginator, first, json("""
                {"items": [{"id": 1}, {"id": 2}],
                 "links": [{"rel": "self", "href": "https://api.example.com/v2/orders?limit=2"},
                           {"rel": "next", "href": "https://api.example.com/v2/orders?limit=2&page_token=abc"}]}"""));
        Step.Stop stop = stopOf(paginator, second, json("""
                {"items": [{"id": 3}], "links": [{"rel": "self", "href": "https://api.example.com/v2/orders?limit=2&page_token=abc"}]}"""));

        assertThat(second.url()).isEqualTo("https://api.example.com/v2/orders?limit=2&page_token=abc");
        assertThat(stop.reason()).isEqualTo(Step.StopReason.NO_NEXT_VALUE);
    }

    @Test
    void stripeCursorFromLastRecordWithHasMore() {
        PageRequest first = get("https://api.stripe.com/v1/customers?limit=3");
        Paginator paginator = paginator(first,
                "QueryParameters.starting_after", "$.data[-1:].id",
                "EndCondition:$.has_more", "Const:false");

        PageRequest second = nextOf(paginator, first, json("""
                {"object": "list", "data": [{"id": "cus_1"}, {"id": "cus_2"}, {"id": "cus_3"}], "has_more": true}"""));
        PageRequest third = nextOf(paginator, second, json("""
                {"object": "list", "data": [{"id": "cus_4"}, {"id": "cus_5"}, {"id": "cus_6"}], "has_more": true}"""));
        Step.Stop stop = stopOf(paginator, third, json("""
                {"object": "list", "data": [{"id": "cus_7"}], "has_more": false}"""));

        assertThat(second.url()).isEqualTo("https://api.stripe.com/v1/customers?limit=3&starting_after=cus_3");
        assertThat(third.url()).isEqualTo("https://api.stripe.com/v1/customers?limit=3&starting_after=cus_6");
        assertThat(stop.reason()).isEqualTo(Step.StopReason.END_CONDITION);
    }

    @Test
    void topLevelArrayPageWithSinceCursorAndEmptyEnd() {
        PageRequest first = get("https://api.github.com/users?per_page=2");
        Paginator paginator = paginator(first, "QueryParameters.since", "$[-1:].id", "EndCondition:$", "Empty");

        PageRequest second = nextOf(paginator, first, json("[{\"login\": \"mojombo\", \"id\": 1}, {\"login\": \"defunkt\", \"id\": 2}]"));
        PageRequest third = nextOf(paginator, second, json("[{\"login\": \"pjhyett\", \"id\": 3}]"));
        Step.Stop stop = stopOf(paginator, third, json("[]"));

        assertThat(second.url()).isEqualTo("https://api.github.com/users?per_page=2&since=2");
        assertThat(third.url()).isEqualTo("https://api.github.com/users?per_page=2&since=3");
        assertThat(stop.reason()).isEqualTo(Step.StopReason.END_CONDITION);
        assertThat(stop.detail()).contains("$ is empty");
    }

    @Test
    void githubLinkHeader() {
        PageRequest first = get("https://api.github.com/repositories/1300192/issues?per_page=100");
        Paginator paginator = paginator(first);

        PageRequest second = nextOf(paginator, first, json("[{\"number\": 1}]", "Link",
                "<https://api.github.com/repositories/1300192/issues?per_page=100&page=2>; rel=\"next\", "
                + "<https://api.github.com/repositories/1300192/issues?per_page=100&page=515>; rel=\"last\""));
        PageRequest third = nextOf(paginator, second, json("[{\"number\": 2}]", "Link",
                "<https://api.github.com/repositories/1300192/issues?per_page=100&page=1>; rel=\"prev\", "
                + "<https://api.github.com/repositories/1300192/issues?per_page=100&page=3>; rel=\"next\", "
                + "<https://api.github.com/repositories/1300192/issues?per_page=100&page=515>; rel=\"last\", "
                + "<https://api.github.com/repositories/1300192/issues?per_page=100&page=1>; rel=\"first\""));
        Step.Stop stop = stopOf(paginator, third, json("[{\"number\": 3}]", "Link",
                "<https://api.github.com/repositories/1300192/issues?per_page=100&page=2>; rel=\"prev\", "
                + "<https://api.github.com/repositories/1300192/issues?per_page=100&page=1>; rel=\"first\""));

        assertThat(second.url()).isEqualTo("https://api.github.com/repositories/1300192/issues?per_page=100&page=2");
        assertThat(third.url()).isEqualTo("https://api.github.com/repositories/1300192/issues?per_page=100&page=3");
        assertThat(stop.reason()).isEqualTo(Step.StopReason.NO_NEXT_LINK);
    }

    @Test
    void microsoftGraphOdataNextLink() {
        PageRequest first = get("https://graph.microsoft.com/v1.0/users?$top=2");
        Paginator paginator = paginator(first, "AbsoluteUrl", "$['@odata.nextLink']");

        PageRequest second = nextOf(paginator, first, json("""
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
                 "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$top=2&$skiptoken=RFNwdAIAAQAAAD8",
                 "value": [{"id": "1"}, {"id": "2"}]}"""));
        Step.Stop stop = stopOf(paginator, second, json("""
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", "value": [{"id": "3"}]}"""));

        assertThat(second.url()).isEqualTo("https://graph.microsoft.com/v1.0/users?$top=2&$skiptoken=RFNwdAIAAQAAAD8");
        assertThat(stop.reason()).isEqualTo(Step.StopReason.NO_NEXT_VALUE);
    }

    @Test
    void salesforceRelativeNextRecordsUrlUntilDone() {
        PageRequest first = get("https://acme.my.salesforce.com/services/data/v58.0/query?q=SELECT+Id+FROM+Account");
        Paginator paginator = paginator(first, "AbsoluteUrl", "$.nextRecordsUrl", "EndCondition:$.done", "Const:true");

        PageRequest second = nextOf(paginator, first, json("""
                {"totalSize": 4500, "done": false,
                 "nextRecordsUrl": "/services/data/v58.0/query/01gRO0000016PIAYA2-2000", "records": [{"Id": "001"}]}"""));
        PageRequest third = nextOf(paginator, second, json("""
                {"totalSize": 4500, "done": false,
                 "nextRecordsUrl": "/services/data/v58.0/query/01gRO0000016PIAYA2-4000", "records": [{"Id": "002"}]}"""));
        Step.Stop stop = stopOf(paginator, third, json("""
                {"totalSize": 4500, "done": true, "records": [{"Id": "003"}]}"""));

        assertThat(second.url()).isEqualTo("https://acme.my.salesforce.com/services/data/v58.0/query/01gRO0000016PIAYA2-2000");
        assertThat(third.url()).isEqualTo("https://acme.my.salesforce.com/services/data/v58.0/query/01gRO0000016PIAYA2-4000");
        assertThat(stop.reason()).isEqualTo(Step.StopReason.END_CONDITION);
    }

    @Test
    void serviceNowSysparmOffsetUntilEmptyResult() {
        Paginator paginator = paginator(get("https://dev1.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset={offset}"),
                "QueryParameters.{offset}", "RANGE:0::2", "EndCondition:$.result", "Empty");
        int[] n = {0};

        Fixtures.Run run = run(paginator, r -> json(++n[0] < 3 ? "{\"result\": [{\"number\": \"INC1\"}, {\"number\": \"INC2\"}]}"
                : "{\"result\": []}"), 100);

        assertThat(run.urls()).containsExactly(
                "https://dev1.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=0",
                "https://dev1.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=2",
                "https://dev1.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=4");
        assertThat(run.stop().reason()).isEqualTo(Step.StopReason.END_CONDITION);
    }

    @Test
    void cursorFromResponseHeaderToRequestHeader() {
        PageRequest first = get("https://api.example.com/events", Map.of("X-Api-Version", "2"));
        Paginator paginator = paginator(first, "Headers.X-Cursor", "Headers.X-Next-Cursor");

        PageRequest second = nextOf(paginator, first, json("[{\"id\": 1}]", "X-Next-Cursor", "c2"));
        PageRequest third = nextOf(paginator, second, json("[{\"id\": 2}]", "x-next-cursor", "c3"));
        Step.Stop stop = stopOf(paginator, third, json("[{\"id\": 3}]"));

        assertThat(second.headers()).containsEntry("X-Cursor", "c2").containsEntry("X-Api-Version", "2");
        assertThat(third.header("x-cursor")).isEqualTo("c3");
        assertThat(third.url()).isEqualTo(first.url());
        assertThat(stop.reason()).isEqualTo(Step.StopReason.NO_NEXT_VALUE);
        assertThat(stop.detail()).contains("Headers['X-Next-Cursor'] is missing");
    }

    @Test
    void postBodyPageToken() {
        PageRequest first = post("https://api.example.com/v1/search", "{\"query\": \"status:open\", \"pageSize\": 100}");
        Paginator paginator = paginator(first, "Body.pageToken", "$.nextPageToken");

        PageRequest second = nextOf(paginator, first, json("{\"results\": [{\"id\": 1}], \"nextPageToken\": \"tok-2\"}"));
        PageRequest third = nextOf(paginator, second, json("{\"results\": [{\"id\": 2}], \"nextPageToken\": \"tok-3\"}"));
        Step.Stop stop = stopOf(paginator, third, json("{\"results\": [{\"id\": 3}]}"));

        assertThat(second.body()).isEqualTo("{\"query\":\"status:open\",\"pageSize\":100,\"pageToken\":\"tok-2\"}");
        assertThat(third.body()).isEqualTo("{\"query\":\"status:open\",\"pageSize\":100,\"pageToken\":\"tok-3\"}");
        assertThat(second.method()).isEqualTo("POST");
        assertThat(second.url()).isEqualTo(first.url());
        assertThat(stop.reason()).isEqualTo(Step.StopReason.NO_NEXT_VALUE);
    }

    @Test
    void postBodyNestedCursorKeepsItsJsonType() {
        PageRequest first = post("https://api.example.com/v1/query", "{\"filter\": {\"team\": \"a\"}, \"page\": {\"size\": 50}}");
        Paginator paginator = paginator(first, "Body.page.cursor", "$.meta.next_cursor", "Body['page']['number']", "$.meta.next_page");

        PageRequest second = nextOf(paginator, first, json("{\"meta\": {\"next_cursor\": \"xyz\", \"next_page\": 2}}"));

        assertThat(second.body()).isEqualTo("{\"filter\":{\"team\":\"a\"},\"page\":{\"size\":50,\"cursor\":\"xyz\",\"number\":2}}");
    }
}
