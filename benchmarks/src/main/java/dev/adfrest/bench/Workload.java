package dev.adfrest.bench;

/**
 * One benchmark workload: what the server serves and how the clients are run on it.
 *
 * @param id           W1..W5 (also the server path prefix)
 * @param title        one line for the table
 * @param shape        how pages follow each other
 * @param pages        pages in one measured run (for RANGE: the number of offsets)
 * @param pageBytes    the approximate size of one page (for HUGE: the exact size of the single page)
 * @param latencyMs    server think time before each response
 * @param warmupRuns   runs before the measured ones (JIT, pools), not reported
 * @param warmupPages  pages in a warm-up run (smaller than {@code pages} where a full run would take long)
 * @param warmupBytes  for HUGE: the size of the warm-up page
 * @param runs         measured runs; medians are taken over them
 * @param heap         -Xmx of each client JVM
 * @param soakMark     for a soak: the page after which the "after warm-up" heap is taken (0: no soak)
 */
public record Workload(
        String id,
        String title,
        Shape shape,
        int pages,
        long pageBytes,
        int latencyMs,
        int warmupRuns,
        int warmupPages,
        long warmupBytes,
        int runs,
        String heap,
        int soakMark) {

    public enum Shape {
        /** the next page's absolute URL is in the body ($.next), null on the last page */
        NEXT_LINK,
        /** ?offset=0,100,...: the requests are known in advance (ADF's RANGE) */
        RANGE,
        /** one page of pageBytes, next link (null) at its end, copied as-is to a file */
        HUGE
    }

    /** RANGE offsets go 0, STEP, 2·STEP, ... */
    public static final int RANGE_STEP = 100;

    public Workload withRuns(int warmup, int measured) {
        return new Workload(id, title, shape, pages, pageBytes, latencyMs, warmup, warmupPages, warmupBytes, measured,
                heap, soakMark);
    }

    /** The same workload at its warm-up size. */
    public Workload warmupSized() {
        return new Workload(id, title, shape, warmupPages, shape == Shape.HUGE ? warmupBytes : pageBytes, latencyMs,
                0, warmupPages, warmupBytes, 1, heap, 0);
    }

    public boolean isSoak() {
        return soakMark > 0;
    }

    public int rangeEnd() {
        return (pages - 1) * RANGE_STEP;
    }
}
