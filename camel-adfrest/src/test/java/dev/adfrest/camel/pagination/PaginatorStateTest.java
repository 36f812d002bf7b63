package dev.adfrest.camel.pagination;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import dev.adfrest.camel.support.PlainPath;
import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.pagination.Fixtures.get;
import static dev.adfrest.camel.pagination.Fixtures.json;
import static dev.adfrest.camel.pagination.Fixtures.nextOf;
import static dev.adfrest.camel.pagination.Fixtures.paginator;
import static dev.adfrest.camel.pagination.Fixtures.post;
import static dev.adfrest.camel.pagination.Fixtures.rules;
import static dev.adfrest.camel.pagination.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What later features build on: resuming a run, planning requests ahead, and the body paths the rules read. */
class PaginatorStateTest {

    static final PageRequest SERVICE_NOW = get("https://dev1.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset={offset}");

    @Test
    void aResumedRunGoesOnWhereTheSavedOneStood() {
        Map<String, String> rules = rules("QueryParameters.{offset}", "RANGE:0::1000", "MaxRequestNumber", "5");
        Paginator original = new Paginator(PaginationRules.parse(rules), PaginationSettings.DEFAULTS, SERVICE_NOW);
        PageRequest second = nextOf(original, original.first(), json("{\"result\": [1]}"));
        nextOf(original, second, json("{\"result\": [1]}"));

        PaginatorState saved = PaginatorState.fromJson(original.state().toJson());
        Paginator resumed = Paginator.resume(PaginationRules.parse(rules), PaginationSettings.DEFAULTS, SERVICE_NOW, saved);
        Fixtures.Run rest = run(resumed, r -> json("{\"result\": [1]}"), 100);

        assertThat(saved.requestsMade()).isEqualTo(2);
        assertThat(rest.urls()).containsExactly(
                "https://dev1.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=2000",
                "https://dev1.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=3000",
                "https://dev1.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=4000");
        assertThat(rest.stop().reason()).isEqualTo(Step.StopReason.MAX_REQUESTS);
    }

    @Test
    void aStateKeepsWhatResponsesChangedAndSurvivesJavaSerialization() throws Exception {
        PageRequest first = post("https://api.example.com/search", "{\"q\": \"x\"}");
        Paginator original = paginator(first, "Body.pageToken", "$.next", "Headers.X-Trace", "Headers.X-Trace");
        nextOf(original, first, json("{\"next\": \"t2\"}", "X-Trace", "abc"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original.state());
        }
        PaginatorState copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PaginatorState) in.readObject();
        }
        Paginator resumed = Paginator.resume(PaginationRules.parse(rules("Body.pageToken", "$.next", "Headers.X-Trace", "Headers.X-Trace")),
                PaginationSettings.DEFAULTS, first, copy);
        PageRequest third = nextOf(resumed, resumed.first(), json("{\"next\": \"t3\"}", "X-Trace", "def"));

        assertThat(copy).isEqualTo(original.state());
        assertThat(resumed.first().body()).isEqualTo("{\"q\":\"x\",\"pageToken\":\"t2\"}");
        assertThat(third.body()).isEqualTo("{\"q\":\"x\",\"pageToken\":\"t3\"}");
        assertThat(third.header("X-Trace")).isEqualTo("def");
    }

    @Test
    void aStateOfOtherRulesIsRefused() {
        PaginatorState state = paginator(SERVICE_NOW, "QueryParameters.{offset}", "RANGE:0::1000").state();

        assertThatThrownBy(() -> Paginator.resume(PaginationRules.parse(rules("AbsoluteUrl", "$.next")), PaginationSettings.DEFAULTS,
                get("https://api.example.com/x"), state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RANGE positions");
        assertThatThrownBy(() -> PaginatorState.fromJson("{\"nope\": 1}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangeRequestsArePlannedAheadUpToTheEndOfTheRange() {
        Paginator paginator = paginator(SERVICE_NOW, "QueryParameters.{offset}", "RANGE:0:3000:1000");

        assertThat(paginator.plannedRequests(10)).extracting(PageRequest::url).containsExactly(
                "https://dev1.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=1000",
                "https://dev1.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=2000",
                "https://dev1.service-now.com/api/now/table/incident?sysparm_limit=1000&sysparm_offset=3000");
        PageRequest planned = paginator.plannedRequests(1).get(0);
        PageRequest second = nextOf(paginator, paginator.first(), json("{\"result\": [1]}"));
        assertThat(second).isEqualTo(planned);
        assertThat(paginator.plannedRequests(10)).hasSize(2);
    }

    @Test
    void plannedRequestsStopAtMaxRequestNumberAndAreWhatNextReturns() {
        Paginator paginator = paginator(SERVICE_NOW, "QueryParameters.{offset}", "RANGE:0::1000", "MaxRequestNumber", "3",
                "EndCondition:$.result", "Empty");

        var planned = paginator.plannedRequests(10);
        Fixtures.Run run = run(paginator, r -> json("{\"result\": [1]}"), 10);

        assertThat(planned).hasSize(2);
        assertThat(run.requests().subList(1, 3)).isEqualTo(planned);
    }

    @Test
    void requestsDependingOnResponsesAreNotPlanned() {
        assertThat(paginator(get("https://api.example.com/x"), "AbsoluteUrl", "$.next").plannedRequests(5)).isEmpty();
        assertThat(paginator(get("https://api.example.com/x")).plannedRequests(5)).isEmpty();
    }

    @Test
    void requestsAreKnownInAdvanceOnlyWithRangesAlone() {
        assertThat(PaginationRules.parse(rules("QueryParameters.{offset}", "RANGE:0::1000", "EndCondition:$.result", "Empty",
                "MaxRequestNumber", "10")).requestsKnownInAdvance()).isTrue();
        assertThat(PaginationRules.parse(rules("QueryParameters.{offset}", "RANGE:0::1000", "Headers.X", "Headers.Y"))
                .requestsKnownInAdvance()).isFalse();
        assertThat(PaginationRules.parse(rules()).requestsKnownInAdvance()).isFalse();
        assertThat(PaginationRules.parse(rules("AbsoluteUrl", "$.next")).requestsKnownInAdvance()).isFalse();
    }

    @Test
    void bodyPathsListWhatAStreamingReaderMustCapture() {
        PaginationRules rules = PaginationRules.parse(rules("AbsoluteUrl", "$['@odata.nextLink']", "QueryParameters.x", "Headers.X",
                "EndCondition:$.value", "Empty", "EndCondition:headers.Done", "Exist"));

        assertThat(rules.plainBodyPaths().orElseThrow()).extracting(PlainPath::path)
                .containsExactly("$['@odata.nextLink']", "$.value");
        assertThat(PaginationRules.parse(rules("Headers.X", "Headers.Y")).plainBodyPaths()).contains(List.of());
    }
}
