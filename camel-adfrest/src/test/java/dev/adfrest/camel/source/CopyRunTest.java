package dev.adfrest.camel.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adfrest.camel.http.HttpResult;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.PaginationSettings;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.pagination.Step;
import dev.adfrest.camel.support.Masking;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page loop against a scripted API: what is fetched, what is delivered, and which page is the last. */
class CopyRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted API: URL → (status, body); records every request. */
    private final Map<String, HttpResult> api = new LinkedHashMap<>();
    private final List<String> requested = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();

    private void page(String url, String next) {
        String body = next == null ? "{\"data\":[1]}" : "{\"data\":[1],\"next\":\"" + next + "\"}";
        api.put(url, new HttpResult(200, Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private void status(String url, int status) {
        api.put(url, new HttpResult(status, Map.of(), new byte[0]));
    }

    private CopyRun run(Duration interval) {
        Paginator paginator = new Paginator(PaginationRules.parse(Map.of("AbsoluteUrl", "$.next")),
                PaginationSettings.DEFAULTS, new PageRequest("GET", "http://api.test/p1", Map.of(), null));
        CopyRun.Fetcher fetcher = (request, number) -> {
            requested.add(request.url());
            HttpResult result = api.get(request.url());
            if (result == null) {
                throw new IOException("connection reset");
            }
            return new FetchedPage(number, request, result,
                    result.status() == 204 ? null : JSON.readTree(result.body()));
        };
        return new CopyRun("run-1", paginator, fetcher, interval, Masking.none(), () -> true, sleeps::add);
    }

    private CopyRun.PageHandler recordingHandler() {
        return (page, last) -> {
            delivered.add(page.request().url() + (last ? " (last)" : ""));
            return new CopyRun.Delivery(true, 1);
        };
    }

    @Test
    void marksTheLastPageExactlyWhenTheNextLinkIsMissing() throws Exception {
        page("http://api.test/p1", "http://api.test/p2");
        page("http://api.test/p2", null);

        RunSummary summary = run(Duration.ZERO).execute(recordingHandler());

        assertThat(delivered).containsExactly("http://api.test/p1", "http://api.test/p2 (last)");
        assertThat(summary.pages()).isEqualTo(2);
        assertThat(summary.stopReason()).isEqualTo(Step.StopReason.NO_NEXT_VALUE);
    }

    @Test
    void marksTheLastPageExactlyWhenTheApiEndsWith204() throws Exception {
        page("http://api.test/p1", "http://api.test/p2");
        page("http://api.test/p2", "http://api.test/p3");
        status("http://api.test/p3", 204);

        RunSummary summary = run(Duration.ZERO).execute(recordingHandler());

        assertThat(delivered).containsExactly("http://api.test/p1", "http://api.test/p2 (last)");
        assertThat(summary.stopReason()).isEqualTo(Step.StopReason.NO_CONTENT);
    }

    @Test
    void aFirst204DeliversNothing() throws Exception {
        status("http://api.test/p1", 204);

        RunSummary summary = run(Duration.ZERO).execute(recordingHandler());

        assertThat(delivered).isEmpty();
        assertThat(summary.pages()).isZero();
        assertThat(summary.completed()).isTrue();
    }

    @Test
    void aPageTheRouteFailsEndsTheRunAndNothingAfterTheNextPageIsRequested() throws Exception {
        page("http://api.test/p1", "http://api.test/p2");
        page("http://api.test/p2", "http://api.test/p3");
        page("http://api.test/p3", "http://api.test/p4");
        page("http://api.test/p4", null);

        RunSummary summary = run(Duration.ZERO).execute((page, last) -> {
            delivered.add(page.request().url());
            return page.number() == 2 ? CopyRun.Delivery.failed() : new CopyRun.Delivery(true, 1);
        });

        assertThat(delivered).containsExactly("http://api.test/p1", "http://api.test/p2");
        assertThat(requested).containsExactly("http://api.test/p1", "http://api.test/p2", "http://api.test/p3");
        assertThat(summary.completed()).isFalse();
        assertThat(summary.pages()).isEqualTo(1);
    }

    @Test
    void aFailedFetchStillDeliversThePageBeforeItThenFails() throws Exception {
        page("http://api.test/p1", "http://api.test/p2");
        page("http://api.test/p2", "http://api.test/gone");

        CopyRun run = run(Duration.ZERO);
        assertThatThrownBy(() -> run.execute(recordingHandler())).isInstanceOf(IOException.class);

        assertThat(delivered).containsExactly("http://api.test/p1", "http://api.test/p2");
    }

    @Test
    void waitsTheRequestIntervalBeforeEachNextPageRequestOnly() throws Exception {
        page("http://api.test/p1", "http://api.test/p2");
        page("http://api.test/p2", "http://api.test/p3");
        page("http://api.test/p3", null);

        run(Duration.ofMillis(1500)).execute(recordingHandler());

        assertThat(sleeps).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(1500));
    }

    @Test
    void aZeroIntervalNeverWaits() throws Exception {
        page("http://api.test/p1", "http://api.test/p2");
        page("http://api.test/p2", null);

        run(Duration.ZERO).execute(recordingHandler());

        assertThat(sleeps).isEmpty();
    }
}
