package dev.adfrest.camel.pagination;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.pagination.Fixtures.json;
import static dev.adfrest.camel.pagination.Fixtures.nextOf;
import static dev.adfrest.camel.pagination.Fixtures.paginator;
import static dev.adfrest.camel.pagination.Fixtures.post;
import static dev.adfrest.camel.pagination.Fixtures.run;
import static dev.adfrest.camel.pagination.Fixtures.stopOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * APIs that page by state: the same request answers with the next page (a scroll, a queue). ADF sends the same request
 * again when its rules only stop a run; adfrest does that with allowRepeatedRequests, and otherwise ends the run
 * rather than loop.
 */
class StatefulApisTest {

    private static final PageRequest SCROLL = post("https://search.example.com/_search/scroll",
            "{\"scroll\":\"1m\",\"scroll_id\":\"DXF1ZXJ5\"}");
    private static final PaginationSettings REPEAT = new PaginationSettings(false, false, true);

    /** A scroll: each identical request gets the next batch; the fourth is empty. */
    private static PageResponse batch(int n) {
        return json(n < 4 ? "{\"_scroll_id\":\"DXF1ZXJ5\",\"hits\":{\"hits\":[{\"n\":" + n + "}]}}"
                : "{\"_scroll_id\":\"DXF1ZXJ5\",\"hits\":{\"hits\":[]}}");
    }

    @Test
    void rulesThatOnlyStopSendTheSameRequestAgainUntilOneHolds() {
        AtomicInteger served = new AtomicInteger();
        Fixtures.Run run = run(paginator(SCROLL, REPEAT, "EndCondition:$.hits.hits", "Empty", "MaxRequestNumber", "50"),
                r -> batch(served.incrementAndGet()), 10);

        assertThat(run.requests()).hasSize(4).containsOnly(SCROLL);
        assertThat(run.stop().reason()).isEqualTo(Step.StopReason.END_CONDITION);
    }

    @Test
    void maxRequestNumberStopsARepeatedRequest() {
        Fixtures.Run run = run(paginator(SCROLL, REPEAT, "MaxRequestNumber", "3"), r -> batch(1), 10);

        assertThat(run.requests()).hasSize(3).containsOnly(SCROLL);
        assertThat(run.stop().reason()).isEqualTo(Step.StopReason.MAX_REQUESTS);
    }

    @Test
    void aBodyRuleWhoseValueDoesNotChangeKeepsGoing() {
        // Elasticsearch answers every scroll request with the same _scroll_id
        AtomicInteger served = new AtomicInteger();
        Fixtures.Run run = run(paginator(SCROLL, REPEAT, "Body.scroll_id", "$._scroll_id", "EndCondition:$.hits.hits",
                "Empty"), r -> batch(served.incrementAndGet()), 10);

        assertThat(run.requests()).hasSize(4);
        assertThat(run.requests().get(3).body()).isEqualTo("{\"scroll\":\"1m\",\"scroll_id\":\"DXF1ZXJ5\"}");
    }

    @Test
    void aLinkHeaderStillGivesTheNextRequestWhenThereIsOne() {
        Paginator paginator = paginator(SCROLL, REPEAT, "EndCondition:$.hits.hits", "Empty");

        PageRequest next = nextOf(paginator, SCROLL, json("{\"hits\":{\"hits\":[1]}}", "Link",
                "<https://search.example.com/_search/scroll?page=2>; rel=\"next\""));

        assertThat(next.url()).isEqualTo("https://search.example.com/_search/scroll?page=2");
        assertThat(nextOf(paginator, next, json("{\"hits\":{\"hits\":[2]}}"))).isEqualTo(next);
    }

    @Test
    void withoutTheOptionTheSameRulesEndAfterOnePageAndAnUnchangedBodyRuleIsARepeat() {
        assertThat(stopOf(paginator(SCROLL, "EndCondition:$.hits.hits", "Empty", "MaxRequestNumber", "50"), SCROLL,
                batch(1)).reason()).isEqualTo(Step.StopReason.NO_NEXT_LINK);
        assertThat(stopOf(paginator(SCROLL, "Body.scroll_id", "$._scroll_id", "EndCondition:$.hits.hits", "Empty"),
                SCROLL, batch(1)).reason()).isEqualTo(Step.StopReason.REPEATED_REQUEST);
    }

    @Test
    void constNullHoldsForAJsonNullOnly() {
        PageRequest first = Fixtures.get("https://api.example.com/tickets");
        String[] rules = { "AbsoluteUrl", "$.next", "EndCondition:$.after", "Const:null" };

        assertThat(stopOf(paginator(first, rules), first, json("{\"after\":null,\"next\":\"/p2\"}")).reason())
                .isEqualTo(Step.StopReason.END_CONDITION);
        assertThat(nextOf(paginator(first, rules), first, json("{\"next\":\"/p2\"}")).url()).endsWith("/p2");
        assertThat(nextOf(paginator(first, rules), first, json("{\"after\":\"x\",\"next\":\"/p2\"}")).url())
                .endsWith("/p2");
        // Const: compares text, so the string "null" matches too
        assertThat(stopOf(paginator(first, rules), first, json("{\"after\":\"null\",\"next\":\"/p2\"}")).reason())
                .isEqualTo(Step.StopReason.END_CONDITION);
    }
}
