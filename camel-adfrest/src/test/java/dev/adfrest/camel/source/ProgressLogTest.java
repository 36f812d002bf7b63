package dev.adfrest.camel.source;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.PaginationSettings;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.support.Masking;
import dev.adfrest.camel.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A long run says how it goes at most every 30 s, on a clock the test moves (nothing waits). */
class ProgressLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    /** A RANGE run over {@code pages} offsets; each page takes {@code perPage} of the test's clock. */
    private CopyRun rangeRun(Map<String, String> rules, Duration perPage, ProgressLog progress) {
        Paginator paginator = new Paginator(PaginationRules.parse(rules), PaginationSettings.DEFAULTS,
                new PageRequest("GET", "http://api.test/items?offset={offset}", Map.of(), null));
        CopyRun.Fetcher api = (request, number) -> {
            nanos.addAndGet(perPage.toNanos());
            byte[] body = "{\"items\":[1,2,3,4,5]}".getBytes(StandardCharsets.UTF_8);
            return TestRuns.page(number, request, 200, body, JSON.readTree(body));
        };
        return new CopyRun("run-7", paginator, api, PageOutput.of("$.items", null, false), Checkpoints.NONE,
                RunWatermark.NONE,
                new CopyRun.Pacing(Duration.ZERO, CopyRun.FetchAhead.NONE, d -> { }), Masking.none(), () -> true,
                progress);
    }

    private static List<String> progressLines(LogCapture log) {
        return log.lines().stream().filter(l -> l.startsWith("INFO") && l.contains("in progress")).toList();
    }

    @Test
    void aRangeRunLogsPagesRecordsRateAndPercentAtMostEvery30Seconds() throws Exception {
        Map<String, String> rules = Map.of("QueryParameters.{offset}", "RANGE:0:990:10"); // 100 pages
        try (LogCapture log = LogCapture.open()) {
            ProgressLog progress = new ProgressLog(ProgressLog.plannedPages(PaginationRules.parse(rules)).orElse(0),
                    nanos::get);
            rangeRun(rules, Duration.ofSeconds(7), progress).execute(p -> true);

            List<String> lines = progressLines(log);
            // 100 pages of 7 s each: 700 s. A page is processed once the next one is in (the run reads one ahead):
            // page 4 at 35 s, page 9 at 70 s, ... page 99 at 700 s: 20 lines, none closer than 30 s
            assertThat(lines).hasSize(20);
            assertThat(lines.get(0)).contains("Run run-7 in progress: page 4 of at most 100 (4%), 4 pages, 20 records,",
                    "in 0:00:35 (0.1 pages/s, 0.6 records/s)");
            assertThat(lines.get(1)).contains("page 9 of at most 100 (9%)", "in 0:01:10");
            assertThat(lines.get(19)).contains("page 99 of at most 100 (99%), 99 pages, 495 records", "in 0:11:40");
        }
    }

    @Test
    void aShortRunLogsNoProgressOnlyItsSummary() throws Exception {
        Map<String, String> rules = Map.of("QueryParameters.{offset}", "RANGE:0:40:10");
        try (LogCapture log = LogCapture.open()) {
            rangeRun(rules, Duration.ofSeconds(5), new ProgressLog(5, nanos::get)).execute(p -> true);

            assertThat(progressLines(log)).isEmpty();
            assertThat(log.all()).contains("Run run-7 done: 5 pages, 25 records");
        }
    }

    @Test
    void withoutAKnownEndTheLineHasNoPercent() throws Exception {
        Map<String, String> rules = Map.of("QueryParameters.{offset}", "RANGE:0::10", "MaxRequestNumber", "0");
        assertThat(ProgressLog.plannedPages(PaginationRules.parse(Map.of("QueryParameters.{offset}", "RANGE:0::10"))))
                .isEmpty();
        assertThat(ProgressLog.plannedPages(PaginationRules.parse(Map.of("AbsoluteUrl", "$.next",
                "MaxRequestNumber", "50")))).isEmpty();
        assertThat(ProgressLog.plannedPages(PaginationRules.parse(Map.of("QueryParameters.{offset}", "RANGE:0::10",
                "MaxRequestNumber", "50")))).hasValue(50);
        try (LogCapture log = LogCapture.open()) {
            ProgressLog progress = new ProgressLog(0, nanos::get);
            progress.runStarted("run-8", 1);
            nanos.addAndGet(Duration.ofSeconds(31).toNanos());
            progress.pageProcessed(1, 10, 1000);

            assertThat(progressLines(log)).singleElement().asString()
                    .contains("Run run-8 in progress: page 1, 1 pages, 10 records, 1000 bytes in 0:00:31")
                    .doesNotContain("%");
        }
    }
}
