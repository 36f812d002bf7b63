package dev.adfrest.camel.source;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import dev.adfrest.camel.pagination.PaginationRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line now and then while a long run goes on (the summary comes when it ends): pages, records, rate and
 * elapsed time, and for RANGE rules that end, how far the run is. At most one line per {@link #INTERVAL}, the first
 * one interval after the run started; checked whenever the route has processed a page. One per run.
 */
final class ProgressLog implements RunObserver {

    private static final Logger LOG = LoggerFactory.getLogger(CopyRun.class);

    /** The least time between two progress lines of a run. */
    static final Duration INTERVAL = Duration.ofSeconds(30);

    private final long plannedPages;
    private final LongSupplier nanos;
    private String runId;
    private long start;
    private long lastLine;
    private long pages;
    private long records;
    private long bytes;

    /**
     * @param plannedPages how many pages the whole run has at most, or 0 when not known in advance
     * @param nanos        the monotonic clock
     */
    ProgressLog(long plannedPages, LongSupplier nanos) {
        this.plannedPages = plannedPages;
        this.nanos = nanos;
    }

    /**
     * How many pages a run of these rules has at most, when RANGE rules know it: the fewest values of a RANGE with an
     * end, or MaxRequestNumber if fewer; empty without RANGE rules (a next link may always lead further).
     */
    static OptionalLong plannedPages(PaginationRules rules) {
        if (rules.ranges().isEmpty()) {
            return OptionalLong.empty();
        }
        BigInteger fewest = null;
        for (PaginationRules.RangeRule range : rules.ranges()) {
            BigInteger size = range.range().size().orElse(null);
            if (size != null && (fewest == null || size.compareTo(fewest) < 0)) {
                fewest = size;
            }
        }
        if (rules.maxRequestNumber().isPresent()) {
            BigInteger max = BigInteger.valueOf(rules.maxRequestNumber().getAsLong());
            fewest = fewest == null || max.compareTo(fewest) < 0 ? max : fewest;
        }
        return fewest == null || fewest.bitLength() > 62 ? OptionalLong.empty() : OptionalLong.of(fewest.longValue());
    }

    @Override
    public void runStarted(String id, int firstPage) {
        runId = id;
        start = nanos.getAsLong();
        lastLine = start;
    }

    @Override
    public void pageProcessed(int number, long pageRecords, long size) {
        pages++;
        records += pageRecords;
        bytes += size;
        long now = nanos.getAsLong();
        if (now - lastLine >= INTERVAL.toNanos() && LOG.isInfoEnabled()) {
            lastLine = now;
            LOG.info("Run {} in progress: {}", runId, describe(number, Duration.ofNanos(now - start)));
        }
    }

    private String describe(int page, Duration elapsed) {
        StringBuilder line = new StringBuilder("page ").append(page);
        if (plannedPages > 0) {
            line.append(String.format(Locale.ROOT, " of at most %d (%.0f%%)", plannedPages,
                    Math.min(100.0, 100.0 * page / plannedPages)));
        }
        long seconds = elapsed.toSeconds();
        return line.append(String.format(Locale.ROOT,
                ", %d pages, %d records, %d bytes in %d:%02d:%02d (%.1f pages/s, %.1f records/s)", pages, records,
                bytes, seconds / 3600, seconds / 60 % 60, seconds % 60, RunStats.perSecond(pages, elapsed),
                RunStats.perSecond(records, elapsed))).toString();
    }
}
