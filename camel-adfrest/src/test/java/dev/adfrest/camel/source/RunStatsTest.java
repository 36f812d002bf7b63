package dev.adfrest.camel.source;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adfrest.camel.AdfRestException;
import dev.adfrest.camel.http.HttpStatusException;
import dev.adfrest.camel.http.RetryPolicy;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.PaginationSettings;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.support.Masking;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What runs report to the stats that health, the console, JMX and metrics read. */
class RunStatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-key";

    /** URL → answers in order (the last repeats); an exception is thrown, a string is a 200 body. */
    private final Map<String, Deque<Object>> api = new HashMap<>();
    private final AtomicLong nanos = new AtomicLong();
    private final RunStats stats = new RunStats(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
            nanos::get);

    private void answer(String url, Object... answers) {
        api.put(url, new ArrayDeque<>(List.of(answers)));
    }

    private static String page(String next) {
        return next == null ? "{\"data\":[1,2]}" : "{\"data\":[1,2],\"next\":\"" + next + "\"}";
    }

    private CopyRun run(String runId) {
        Paginator paginator = new Paginator(PaginationRules.parse(Map.of("AbsoluteUrl", "$.next")),
                PaginationSettings.DEFAULTS,
                new PageRequest("GET", "http://api.test/p1?key=" + SECRET, Map.of(), null));
        CopyRun.Fetcher api = (request, number) -> {
            nanos.addAndGet(Duration.ofMillis(250).toNanos());
            Deque<Object> answers = this.api.get(request.url().replace("?key=" + SECRET, ""));
            Object answer = answers.size() > 1 ? answers.poll() : answers.peek();
            if (answer instanceof Exception e) {
                throw e;
            }
            byte[] body = ((String) answer).getBytes(StandardCharsets.UTF_8);
            return TestRuns.page(number, request, 200, body, JSON.readTree(body));
        };
        Masking masking = Masking.of(List.of(SECRET));
        CopyRun.Fetcher retrying = new RetryingFetcher(api, new RetryPolicy(2, Duration.ZERO, Duration.ZERO, false),
                d -> { }, masking, stats);
        return new CopyRun(runId, paginator, retrying, PageOutput.of("$.data", null, false), Checkpoints.NONE,
                RunWatermark.NONE,
                new CopyRun.Pacing(Duration.ZERO, CopyRun.FetchAhead.NONE, d -> { }), masking, () -> true, stats);
    }

    @Test
    void aCompletedRunCountsItsPagesRecordsBytesAndRequests() throws Exception {
        answer("http://api.test/p1", page("http://api.test/p2"));
        answer("http://api.test/p2", page(null));

        run("run-1").execute(p -> true);

        RunStats.Snapshot s = stats.snapshot();
        assertThat(s.runsStarted()).isEqualTo(1);
        assertThat(s.runsCompleted()).isEqualTo(1);
        assertThat(s.pages()).isEqualTo(2);
        assertThat(s.records()).isEqualTo(4);
        assertThat(s.bytes()).isEqualTo(page("http://api.test/p2").length() + page(null).length());
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.current()).isNull();
        assertThat(s.last().outcome()).isEqualTo(RunEnd.Outcome.COMPLETED);
        assertThat(s.last().stopReason()).isEqualTo("NO_NEXT_VALUE");
        assertThat(s.last().summary()).startsWith("2 pages, 4 records");
        assertThat(s.lastSuccessfulRun()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(stats.ready()).isTrue();
        assertThat(stats.failing()).isNull();
        assertThat(stats.runsEnded(RunEnd.Outcome.COMPLETED)).isEqualTo(1);
        assertThat(stats.runTime(RunEnd.Outcome.COMPLETED)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theCurrentRunIsVisibleWhileThePageIsInTheRoute() throws Exception {
        answer("http://api.test/p1", page("http://api.test/p2"));
        answer("http://api.test/p2", page("http://api.test/p3"));
        answer("http://api.test/p3", page(null));
        CopyRun run = run("run-1");
        assertThat(stats.ready()).isFalse();

        RunPage first = run.next(); // page 2 was fetched too: the run reads one page ahead
        assertThat(stats.ready()).isTrue();
        RunStats.Current current = stats.snapshot().current();
        assertThat(current.runId()).isEqualTo("run-1");
        assertThat(current.page()).isEqualTo(2);
        assertThat(current.pages()).isZero();
        run.processed();
        first.close();
        current = stats.snapshot().current();
        assertThat(current.pages()).isEqualTo(1);
        assertThat(current.records()).isEqualTo(2);
        assertThat(current.elapsed()).isEqualTo(Duration.ofMillis(500));
        assertThat(current.pagesPerSecond()).isEqualTo(2.0);
        run.close();
        assertThat(stats.snapshot().last().outcome()).isEqualTo(RunEnd.Outcome.CLOSED);
    }

    @Test
    void retriesAreCountedByCauseAndEachAttemptIsARequest() throws Exception {
        answer("http://api.test/p1", new HttpStatusException(503, Map.of(), ""),
                new SocketTimeoutException("Read timed out"), page(null));

        run("run-1").execute(p -> true);

        RunStats.Snapshot s = stats.snapshot();
        assertThat(s.requests()).isEqualTo(3);
        assertThat(s.retries()).containsExactlyInAnyOrderEntriesOf(Map.of("http-5xx", 1L, "timeout", 1L));
        assertThat(s.retriesTotal()).isEqualTo(2);
        assertThat(stats.retries(RetryCause.HTTP_5XX)).isEqualTo(1);
    }

    @Test
    void aFailedRunRecordsStatusAndMaskedUrlUntilTheApiAnswersAgain() throws Exception {
        answer("http://api.test/p1", page("http://api.test/p2"));
        answer("http://api.test/p2", new HttpStatusException(500, Map.of(), "boom"));

        assertThatThrownBy(() -> run("run-1").execute(p -> true)).isInstanceOf(AdfRestException.class);

        RunStats.LastFailure failing = stats.failing();
        assertThat(failing).isNotNull();
        assertThat(failing.runId()).isEqualTo("run-1");
        assertThat(failing.failure().status()).isEqualTo(500);
        assertThat(failing.failure().page()).isEqualTo(2);
        assertThat(failing.failure().url()).isEqualTo("http://api.test/p2").doesNotContain(SECRET);
        assertThat(failing.failure().type()).isEqualTo("AdfRestHttpException");
        RunStats.Snapshot s = stats.snapshot();
        assertThat(s.runsFailed()).isEqualTo(1);
        assertThat(s.last().outcome()).isEqualTo(RunEnd.Outcome.FAILED);
        assertThat(s.last().stopReason()).isNull();
        assertThat(s.retries()).containsEntry("http-5xx", 2L); // retried twice, then given up

        answer("http://api.test/p2", page(null));
        CopyRun next = run("run-2");
        next.next(); // the API answered again
        assertThat(stats.failing()).isNull();
        assertThat(stats.snapshot().lastFailure().runId()).isEqualTo("run-1"); // still shown as the last failure
        next.close();
    }

    @Test
    void aTransportFailureOfTheFirstPageNamesTheMaskedRequest() {
        answer("http://api.test/p1", new IOException("connection reset"));

        assertThatThrownBy(() -> run("run-1").execute(p -> true)).isInstanceOf(AdfRestException.class);

        RunEnd.Failure failure = stats.failing().failure();
        assertThat(failure.status()).isZero();
        assertThat(failure.page()).isEqualTo(1);
        assertThat(failure.url()).isEqualTo("http://api.test/p1?key=xxxxxx");
        assertThat(failure.message()).doesNotContain(SECRET);
        assertThat(stats.ready()).isFalse();
    }

    @Test
    void aPageTheRouteFailsIsNoFailureOfTheApi() throws Exception {
        answer("http://api.test/p1", page("http://api.test/p2"));
        answer("http://api.test/p2", page(null));

        run("run-1").execute(p -> false);

        assertThat(stats.failing()).isNull();
        assertThat(stats.snapshot().last().outcome()).isEqualTo(RunEnd.Outcome.ROUTE_FAILED);
        assertThat(stats.snapshot().runsFailed()).isZero();
    }

    @Test
    void retryReasonsAreFiledInAFewCauses() {
        assertThat(RetryCause.of("HTTP 429 (Retry-After)")).isEqualTo(RetryCause.HTTP_429);
        assertThat(RetryCause.of("HTTP 403 (rate limit) (Retry-After)")).isEqualTo(RetryCause.HTTP_429);
        assertThat(RetryCause.of("HTTP 408")).isEqualTo(RetryCause.HTTP_408);
        assertThat(RetryCause.of("HTTP 503 (Retry-After)")).isEqualTo(RetryCause.HTTP_5XX);
        assertThat(RetryCause.of("HTTP 502")).isEqualTo(RetryCause.HTTP_5XX);
        assertThat(RetryCause.of("timeout")).isEqualTo(RetryCause.TIMEOUT);
        assertThat(RetryCause.of("connection refused")).isEqualTo(RetryCause.CONNECTION);
        assertThat(RetryCause.of("connection closed or reset")).isEqualTo(RetryCause.CONNECTION);
        assertThat(RetryCause.of("incomplete response")).isEqualTo(RetryCause.INCOMPLETE_RESPONSE);
        assertThat(RetryCause.of("I/O error")).isEqualTo(RetryCause.OTHER);
    }
}
