package dev.adfrest.camel.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.PaginationSettings;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.pagination.Step;
import dev.adfrest.camel.AdfRestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page loop against a scripted API: what is fetched, what is delivered, and which page is the last. */
class CopyRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted API: URL → (status, body); records every request. */
    private final Map<String, Answer> api = new LinkedHashMap<>();
    private final List<String> requested = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();

    private record Answer(int status, byte[] body) {
    }

    private void page(String url, String next) {
        String body = next == null ? "{\"data\":[1]}" : "{\"data\":[1],\"next\":\"" + next + "\"}";
        api.put(url, new Answer(200, body.getBytes(StandardCharsets.UTF_8)));
    }

    private void status(String url, int status) {
        api.put(url, new Answer(status, new byte[0]));
    }

    private CopyRun run(Duration interval) {
        Paginator paginator = new Paginator(PaginationRules.parse(Map.of("AbsoluteUrl", "$.next")),
                PaginationSettings.DEFAULTS, new PageRequest("GET", "http://api.test/p1", Map.of(), null));
        CopyRun.Fetcher fetcher = (request, number) -> {
            requested.add(request.url());
            Answer result = api.get(request.url());
            if (result == null) {
                throw new IOException("connection reset");
            }
            return TestRuns.page(number, request, result.status(), result.body(),
                    result.status() == 204 ? null : JSON.readTree(result.body()));
        };
        return TestRuns.run(paginator, fetcher, interval, () -> true, sleeps::add, Checkpoints.NONE,
                CopyRun.FetchAhead.NONE);
    }

    private CopyRun.PageHandler recordingHandler() {
        return page -> {
            delivered.add(page.request().url() + (page.last() ? " (last)" : ""));
            return true;
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

        RunSummary summary = run(Duration.ZERO).execute(page -> {
            delivered.add(page.request().url());
            return page.number() != 2;
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
        assertThatThrownBy(() -> run.execute(recordingHandler())).isInstanceOf(AdfRestException.class)
                .hasCauseInstanceOf(IOException.class);

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
