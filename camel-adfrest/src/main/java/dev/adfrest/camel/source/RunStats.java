package dev.adfrest.camel.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What one consumer's (or producer's) runs did, for whoever asks: readiness and health, the dev console, JMX and
 * metrics all read it, and only the runs write it (as their {@link RunObserver}). Totals count from the moment it
 * was made and never go down; the current run, the last run and the last failure are replaced as runs go.
 * Thread-safe; every read is a consistent {@link Snapshot}.
 */
public final class RunStats implements RunObserver {

    private final Clock clock;
    private final LongSupplier nanos;

    private long runsStarted;
    private final Map<RunEnd.Outcome, long[]> ended = new EnumMap<>(RunEnd.Outcome.class); // {count, nanos}
    private long requests;
    private final Map<RetryCause, Long> retries = new EnumMap<>(RetryCause.class);
    private long pagesFetched;
    private long pages;
    private long records;
    private long bytes;
    private long recordsWritten;

    private Current current;
    private long currentStartNanos;
    private LastRun last;
    private LastFailure lastFailure;
    private Instant lastSuccessfulRun;
    private Instant lastResponse;
    /** A run failed and no successful response came since. */
    private boolean failing;
    /** The API answered once, or a run completed: the consumer is ready. */
    private boolean ready;

    public RunStats() {
        this(Clock.systemUTC(), System::nanoTime);
    }

    /**
     * @param clock the wall clock for the times shown (start, end, failure)
     * @param nanos the monotonic clock for durations
     */
    public RunStats(Clock clock, LongSupplier nanos) {
        this.clock = clock;
        this.nanos = nanos;
    }

    // --- what runs report ---------------------------------------------------------------------------------------

    @Override
    public synchronized void runStarted(String runId, int firstPage) {
        runsStarted++;
        currentStartNanos = nanos.getAsLong();
        current = new Current(runId, clock.instant(), firstPage, firstPage - 1, 0, 0, 0, Duration.ZERO);
    }

    @Override
    public synchronized void requestSent() {
        requests++;
    }

    @Override
    public synchronized void retried(String reason) {
        retries.merge(RetryCause.of(reason), 1L, Long::sum);
    }

    @Override
    public synchronized void pageFetched(int number, int status, long size) {
        if (current == null) {
            return; // a request fetched ahead that outlived its run
        }
        pagesFetched++;
        lastResponse = clock.instant();
        failing = false;
        ready = true;
        if (number > current.page) {
            current = current.withPage(number);
        }
    }

    @Override
    public synchronized void pageProcessed(int number, long pageRecords, long size) {
        pages++;
        records += pageRecords;
        bytes += size;
        if (current != null) {
            current = current.processed(pageRecords, size);
        }
    }

    @Override
    public synchronized void runEnded(RunEnd end) {
        long took = current == null ? end.summary().elapsed().toNanos() : nanos.getAsLong() - currentStartNanos;
        long[] figures = ended.computeIfAbsent(end.outcome(), o -> new long[2]);
        figures[0]++;
        figures[1] += took;
        Instant now = clock.instant();
        last = new LastRun(end.summary().runId(), end.outcome(),
                end.summary().stopReason() == null ? null : end.summary().stopReason().name(), end.summary().pages(),
                end.summary().records(), end.summary().bytes(), end.summary().elapsed(), now, end.summary().describe());
        if (end.outcome() == RunEnd.Outcome.COMPLETED) {
            lastSuccessfulRun = now;
            ready = true;
            failing = false;
        } else if (end.outcome() == RunEnd.Outcome.FAILED && end.failure() != null) {
            lastFailure = new LastFailure(now, end.summary().runId(), end.failure());
            failing = true;
        }
        current = null;
    }

    @Override
    public synchronized void recordsWritten(long written) {
        recordsWritten += written;
    }

    // --- what readers see -----------------------------------------------------------------------------------------

    /** Whether the API answered a request (or a run completed) since this was made: readiness. */
    public synchronized boolean ready() {
        return ready;
    }

    /** The failure of the last run if no successful response came after it; null while healthy. */
    public synchronized LastFailure failing() {
        return failing ? lastFailure : null;
    }

    /** Everything at once, consistent. */
    public synchronized Snapshot snapshot() {
        Current now = current == null ? null : current.at(Duration.ofNanos(nanos.getAsLong() - currentStartNanos));
        Map<String, Long> byCause = new LinkedHashMap<>();
        retries.forEach((cause, n) -> byCause.put(cause.tag(), n));
        long endedRuns = 0;
        for (long[] f : ended.values()) {
            endedRuns += f[0];
        }
        return new Snapshot(runsStarted, count(RunEnd.Outcome.COMPLETED), count(RunEnd.Outcome.FAILED), endedRuns,
                requests, Map.copyOf(byCause), pagesFetched, pages, records, bytes, recordsWritten, now, last,
                lastFailure, lastSuccessfulRun, lastResponse, ready, failing);
    }

    /** Runs that ended with {@code outcome}. */
    public synchronized long runsEnded(RunEnd.Outcome outcome) {
        return count(outcome);
    }

    /** The total time of the runs that ended with {@code outcome}. */
    public synchronized Duration runTime(RunEnd.Outcome outcome) {
        long[] f = ended.get(outcome);
        return Duration.ofNanos(f == null ? 0 : f[1]);
    }

    /** Retries of one cause so far. */
    public synchronized long retries(RetryCause cause) {
        return retries.getOrDefault(cause, 0L);
    }

    private long count(RunEnd.Outcome outcome) {
        long[] f = ended.get(outcome);
        return f == null ? 0 : f[0];
    }

    /**
     * Everything the stats know, at one moment.
     *
     * @param runsStarted       runs started
     * @param runsCompleted     runs that ended normally
     * @param runsFailed        runs that failed (a request, a page, the pagination or the mapping)
     * @param runsEnded         runs that ended, whatever the outcome
     * @param requests          requests sent, retries included
     * @param retries           retries by {@link RetryCause#tag()}
     * @param pagesFetched      pages the API answered successfully (some fetched ahead may never be delivered)
     * @param pages             pages the route processed
     * @param records           records in those pages (a page as-is counts one)
     * @param bytes             body bytes of those pages
     * @param recordsWritten    records a producer wrote
     * @param current           the run in progress, or null
     * @param last              the last run that ended, or null
     * @param lastFailure       the last failed run's failure, or null
     * @param lastSuccessfulRun when a run last completed, or null
     * @param lastResponse      when the API last answered a page request successfully, or null
     * @param ready             whether the API answered (or a run completed) at least once
     * @param failing           whether the last failure is not yet followed by a successful response
     */
    public record Snapshot(long runsStarted, long runsCompleted, long runsFailed, long runsEnded, long requests,
                           Map<String, Long> retries, long pagesFetched, long pages, long records, long bytes,
                           long recordsWritten, Current current, LastRun last, LastFailure lastFailure,
                           Instant lastSuccessfulRun, Instant lastResponse, boolean ready, boolean failing) {

        /** Retries of all causes. */
        public long retriesTotal() {
            return retries.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The run in progress.
     *
     * @param page    the highest page number the API answered so far in this run (fetched, maybe not yet delivered)
     * @param pages   pages the route processed in this run
     * @param elapsed time since the run started
     */
    public record Current(String runId, Instant startedAt, int firstPage, int page, long pages, long records,
                          long bytes, Duration elapsed) {

        Current withPage(int number) {
            return new Current(runId, startedAt, firstPage, number, pages, records, bytes, elapsed);
        }

        Current processed(long pageRecords, long size) {
            return new Current(runId, startedAt, firstPage, page, pages + 1, records + pageRecords, bytes + size, elapsed);
        }

        Current at(Duration now) {
            return new Current(runId, startedAt, firstPage, page, pages, records, bytes, now);
        }

        public double pagesPerSecond() {
            return perSecond(pages, elapsed);
        }

        public double recordsPerSecond() {
            return perSecond(records, elapsed);
        }
    }

    /**
     * The last run that ended.
     *
     * @param stopReason why it ended normally (Step.StopReason's name), or null when it did not
     * @param summary    the one-line summary the run logged
     */
    public record LastRun(String runId, RunEnd.Outcome outcome, String stopReason, long pages, long records,
                          long bytes, Duration elapsed, Instant endedAt, String summary) {
    }

    /** The last failed run's failure, and when it failed. */
    public record LastFailure(Instant at, String runId, RunEnd.Failure failure) {
    }

    static double perSecond(long count, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : count / seconds;
    }
}
