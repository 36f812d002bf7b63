package dev.adfrest.camel.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adfrest.camel.AdfRestTransportException;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.PaginationSettings;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.pagination.PaginatorState;
import dev.adfrest.camel.pagination.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * RANGE runs that fetch pages ahead (parallelRequests): pages still come in order, every stop falls on the page it
 * falls on one at a time, and nothing fetched past the end is handed over. The scripted API holds responses on
 * latches, so the order in which requests complete is forced, not left to timing.
 */
class FetchWindowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANGE = "QueryParameters.{offset}";
    private static final PageRequest TEMPLATE = new PageRequest("GET", "http://api.test/items?offset={offset}", Map.of(),
            null);

    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    /** Offsets as requested, and as their responses were ready. */
    private final List<Integer> requested = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> answered = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> interrupted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> delivered = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    /** Scripted answers per offset; any other offset answers {"data":[offset]}. */
    private final Map<Integer, String> bodies = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<Integer, Exception> failures = new ConcurrentHashMap<>();
    /** An offset's response waits for its latch; the latches of an offset's signals count down as it is requested or answered. */
    private final Map<Integer, List<CountDownLatch>> holds = new ConcurrentHashMap<>();
    private final Map<Integer, List<CountDownLatch>> onRequest = new ConcurrentHashMap<>();
    private final Map<Integer, List<CountDownLatch>> onAnswer = new ConcurrentHashMap<>();

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    /** The response to {@code offset} is held until every one of {@code others} was answered. */
    private void answerAfter(int offset, int... others) {
        hold(offset, onAnswer, others);
    }

    /** The response to {@code offset} is held until every one of {@code others} was requested. */
    private void answerAfterRequested(int offset, int... others) {
        hold(offset, onRequest, others);
    }

    /** None of {@code offsets} is answered before all of them were requested: they are in flight together. */
    private void together(int... offsets) {
        CountDownLatch all = new CountDownLatch(offsets.length);
        for (int offset : offsets) {
            add(holds, offset, all);
            add(onRequest, offset, all);
        }
    }

    private void hold(int offset, Map<Integer, List<CountDownLatch>> signals, int... others) {
        CountDownLatch latch = new CountDownLatch(others.length);
        add(holds, offset, latch);
        for (int other : others) {
            add(signals, other, latch);
        }
    }

    private static void add(Map<Integer, List<CountDownLatch>> latches, int offset, CountDownLatch latch) {
        latches.computeIfAbsent(offset, o -> Collections.synchronizedList(new ArrayList<>())).add(latch);
    }

    private static void signal(Map<Integer, List<CountDownLatch>> signals, int offset) {
        signals.getOrDefault(offset, List.of()).forEach(CountDownLatch::countDown);
    }

    private final CopyRun.Fetcher api = (request, number) -> {
        int offset = Integer.parseInt(request.url().substring(request.url().indexOf("offset=") + 7));
        requested.add(offset);
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        signal(onRequest, offset);
        try {
            for (CountDownLatch hold : holds.getOrDefault(offset, List.of())) {
                if (!hold.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("offset " + offset + " was held for 20 s: the others never came");
                }
            }
            if (failures.containsKey(offset)) {
                throw failures.get(offset);
            }
            int status = statuses.getOrDefault(offset, 200);
            byte[] body = status == 204 ? new byte[0]
                    : bodies.getOrDefault(offset, "{\"data\":[" + offset + "]}").getBytes(StandardCharsets.UTF_8);
            return TestRuns.page(number, request, status, body, status == 204 ? null : JSON.readTree(body));
        } catch (InterruptedException e) {
            interrupted.add(offset);
            throw e;
        } finally {
            inFlight.decrementAndGet();
            answered.add(offset);
            signal(onAnswer, offset);
        }
    };

    private static Paginator paginator(Map<String, String> rules) {
        return new Paginator(PaginationRules.parse(rules), PaginationSettings.DEFAULTS, TEMPLATE);
    }

    private CopyRun run(Paginator paginator, int parallel, Checkpoints checkpoints) {
        return TestRuns.run(paginator, api, Duration.ZERO, () -> true, d -> {
        }, checkpoints, new CopyRun.FetchAhead(parallel, executor));
    }

    private CopyRun run(Map<String, String> rules, int parallel) {
        return run(paginator(rules), parallel, Checkpoints.NONE);
    }

    private CopyRun.PageHandler recording() {
        return page -> {
            delivered.add(page.number() + ":" + page.page().json().path("data").path(0).asText("-")
                          + (page.last() ? " (last)" : ""));
            return true;
        };
    }

    @Test
    void pagesComeInOrderWhenTheirResponsesArriveInReverse() throws Exception {
        together(0, 1, 2, 3); // four requests in flight at once
        answerAfter(0, 1, 2, 3); // and page 1 answered only after pages 2, 3 and 4

        RunSummary summary = run(Map.of(RANGE, "RANGE:0:5:1"), 4).execute(recording());

        assertThat(answered.subList(0, 4)).endsWith(0);
        assertThat(delivered).containsExactly("1:0", "2:1", "3:2", "4:3", "5:4", "6:5 (last)");
        assertThat(summary.stopReason()).isEqualTo(Step.StopReason.RANGE_EXHAUSTED);
        assertThat(mostInFlight).hasValue(4);
        assertThat(requested).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    @Test
    void neverMoreRequestsInFlightThanTheWindow() throws Exception {
        together(0, 1, 2);
        together(10, 11, 12);

        run(Map.of(RANGE, "RANGE:0:19:1"), 3).execute(recording());

        assertThat(mostInFlight).hasValue(3);
        assertThat(delivered).hasSize(20).endsWith("20:19 (last)");
    }

    @Test
    void anEndConditionInsideTheWindowEndsTheRunThereAndPagesFetchedAheadAreDropped() throws Exception {
        bodies.put(2, "{\"data\":[]}");
        answerAfter(2, 3, 4, 5); // pages 4, 5 and 6 arrive before the page that ends the run

        RunSummary summary = run(Map.of(RANGE, "RANGE:0::1", "EndCondition:$.data", "Empty"), 4).execute(recording());

        assertThat(delivered).containsExactly("1:0", "2:1", "3:- (last)");
        assertThat(summary.stopReason()).isEqualTo(Step.StopReason.END_CONDITION);
        assertThat(summary.pages()).isEqualTo(3);
        assertThat(requested).contains(3, 4, 5).allMatch(offset -> offset <= 5);
    }

    @Test
    void requestsStillInFlightWhenTheRunEndsAreCancelled() throws Exception {
        bodies.put(1, "{\"data\":[]}");
        CountDownLatch never = new CountDownLatch(1);
        add(holds, 2, never);
        add(holds, 3, never);
        add(holds, 4, never);
        answerAfterRequested(1, 2, 3, 4); // pages 3, 4 and 5 are on the wire when page 2 ends the run

        RunSummary summary = run(Map.of(RANGE, "RANGE:0::1", "EndCondition:$.data", "Empty"), 4).execute(recording());

        assertThat(summary.stopReason()).isEqualTo(Step.StopReason.END_CONDITION);
        assertThat(delivered).containsExactly("1:0", "2:- (last)");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(interrupted).containsExactlyInAnyOrder(2, 3, 4));
    }

    @Test
    void maxRequestNumberIsNeverExceeded() throws Exception {
        RunSummary summary = run(Map.of(RANGE, "RANGE:0::1", "MaxRequestNumber", "5"), 8).execute(recording());

        assertThat(requested).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(delivered).containsExactly("1:0", "2:1", "3:2", "4:3", "5:4 (last)");
        assertThat(summary.stopReason()).isEqualTo(Step.StopReason.MAX_REQUESTS);
    }

    @Test
    void a204InsideTheWindowMakesThePageBeforeItTheLast() throws Exception {
        statuses.put(3, 204);
        answerAfter(2, 3, 4, 5);

        RunSummary summary = run(Map.of(RANGE, "RANGE:0::1"), 4).execute(recording());

        assertThat(delivered).containsExactly("1:0", "2:1", "3:2 (last)");
        assertThat(summary.stopReason()).isEqualTo(Step.StopReason.NO_CONTENT);
    }

    @Test
    void aFailedRequestFailsTheRunOnlyAfterEveryPageBeforeItWasDelivered() throws Exception {
        failures.put(2, new IOException("connection reset"));
        answerAfter(0, 2); // page 3's failure is known before pages 1 and 2 arrive
        answerAfter(1, 2);

        CopyRun run = run(Map.of(RANGE, "RANGE:0:9:1"), 4);
        assertThatThrownBy(() -> run.execute(recording())).isInstanceOf(AdfRestTransportException.class)
                .hasRootCauseInstanceOf(IOException.class).hasRootCauseMessage("connection reset");

        assertThat(delivered).containsExactly("1:0", "2:1");
    }

    @Test
    void aPageTheRouteFailsEndsTheRunAndNoLaterPageIsDelivered() throws Exception {
        answerAfter(1, 2, 3, 4);

        RunSummary summary = run(paginator(Map.of(RANGE, "RANGE:0:9:1")), 4, Checkpoints.NONE).execute(page -> {
            delivered.add(page.number() + (page.last() ? " (last)" : ""));
            return page.number() != 2;
        });

        assertThat(delivered).containsExactly("1", "2");
        assertThat(summary.completed()).isFalse();
        assertThat(summary.pages()).isEqualTo(1);
    }

    @Test
    void aResumedRunFetchesAheadFromWhereItStoodAndSavesAfterEachPage() throws Exception {
        PaginationRules rules = PaginationRules.parse(Map.of(RANGE, "RANGE:0:9:1"));
        PaginatorState saved = new PaginatorState(TEMPLATE.withUrl("http://api.test/items?offset=6"), TEMPLATE, 6,
                Map.of(RANGE, 6L));
        List<String> saves = new ArrayList<>();
        Checkpoints checkpoints = new Checkpoints() {
            @Override
            public Saved load() {
                return null;
            }

            @Override
            public void save(String runId, PaginatorState state) {
                saves.add(state.requestsMade() + "->" + state.next().url());
            }

            @Override
            public void clear() {
                saves.add("cleared");
            }
        };
        answerAfter(6, 7, 8, 9);

        run(Paginator.resume(rules, PaginationSettings.DEFAULTS, TEMPLATE, saved), 4, checkpoints).execute(recording());

        assertThat(requested).containsExactlyInAnyOrder(6, 7, 8, 9);
        assertThat(delivered).containsExactly("7:6", "8:7", "9:8", "10:9 (last)");
        assertThat(saves).containsExactly("7->http://api.test/items?offset=7", "8->http://api.test/items?offset=8",
                "9->http://api.test/items?offset=9", "cleared");
    }

    @Test
    void rulesThatReadTheNextRequestFromAResponseFetchOnePageAtATime() throws Exception {
        Paginator paginator = new Paginator(PaginationRules.parse(Map.of("QueryParameters.offset", "$.next")),
                PaginationSettings.DEFAULTS, new PageRequest("GET", "http://api.test/items?offset=0", Map.of(), null));
        bodies.put(0, "{\"data\":[0],\"next\":1}");
        bodies.put(1, "{\"data\":[1],\"next\":2}");
        bodies.put(2, "{\"data\":[2]}");

        run(paginator, 4, Checkpoints.NONE).execute(recording());

        assertThat(delivered).containsExactly("1:0", "2:1", "3:2 (last)");
        assertThat(mostInFlight).hasValue(1);
        assertThat(FetchWindow.sequentialBecause(PaginationRules.parse(Map.of("QueryParameters.offset", "$.next"))))
                .isEqualTo("the pagination rule \"QueryParameters.offset\": \"$.next\" takes the next request from each"
                           + " response");
        assertThat(FetchWindow.sequentialBecause(PaginationRules.parse(Map.of()))).contains("Link header (RFC 5988)");
        assertThat(FetchWindow.sequentialBecause(PaginationRules.parse(Map.of(RANGE, "RANGE:0:9:1")))).isNull();
    }

    @Test
    void aRequestIntervalSpacesTheStartsOfRequests() throws Exception {
        Paginator paginator = paginator(Map.of(RANGE, "RANGE:0:9:1"));
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        try (FetchWindow window = new FetchWindow("run-1", paginator, api, executor, 4, Duration.ofMillis(1500),
                () -> 0L, waits::add)) {
            FetchedPage first = window.fetch(paginator.first(), 1);
            Step.Next second = (Step.Next) paginator.next(first.request(), first.response());
            window.fetch(second.request(), 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> requested.size() == 5);
        }

        // one start at once, then one every 1.5 s: the clock stands still, so each waits for its own slot
        assertThat(waits).containsExactlyInAnyOrder(Duration.ofMillis(1500), Duration.ofMillis(3000),
                Duration.ofMillis(4500), Duration.ofMillis(6000));
    }

    @Test
    void aWindowOfOneIsRefused() {
        assertThatThrownBy(() -> new FetchWindow("run-1", paginator(Map.of(RANGE, "RANGE:0:9:1")), api, executor, 1,
                Duration.ZERO, System::nanoTime, d -> {
                })).isInstanceOf(IllegalArgumentException.class);
    }
}
