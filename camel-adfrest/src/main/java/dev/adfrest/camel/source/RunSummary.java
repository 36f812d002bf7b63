package dev.adfrest.camel.source;

import java.time.Duration;

import dev.adfrest.camel.pagination.Step;

/**
 * What a copy run did.
 *
 * @param runId      the run's id
 * @param pages      pages delivered to the route and processed
 * @param records    records delivered (pages when the body is the page as-is)
 * @param bytes      response body bytes of the delivered pages
 * @param elapsed    wall time of the run
 * @param stopReason why the run ended normally, or null when it failed
 */
public record RunSummary(String runId, int pages, long records, long bytes, Duration elapsed, Step.StopReason stopReason) {

    public boolean completed() {
        return stopReason != null;
    }

    /** One line for the log. */
    public String describe() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return String.format(java.util.Locale.ROOT,
                "%d pages, %d records, %d bytes in %.3f s (%.1f pages/s, %.2f MB/s)%s",
                pages, records, bytes, seconds, pages / seconds, bytes / seconds / 1e6,
                stopReason == null ? "" : ", ended: " + stopReason);
    }
}
