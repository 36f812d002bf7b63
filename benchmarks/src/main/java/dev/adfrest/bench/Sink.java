package dev.adfrest.bench;

import java.util.List;
import java.util.Map;

/**
 * Where every client hands its pages (several routes at once, for partitions): counts pages, bytes and records,
 * touches what it gets so nothing is optimised away, keeps the first record (or row) as text for clients to be compared, and during a soak takes the heap after a
 * full GC at the mark page and at the last page (while the run is still live).
 */
public final class Sink {

    private final int soakMark;
    private final int lastPage;
    private final Runnable onFirstPage;
    private long pages;
    private long bytes;
    private long records;
    private long checksum;
    private long firstPageNanos = -1;
    private long timedStart = System.nanoTime();
    private String sample = "";
    private long heapAtMark = -1;
    private long heapAtEnd = -1;

    /**
     * @param soakMark    the page after which "heap after warm-up" is taken, 0 for none
     * @param lastPage    the run's last page (the soak's "heap after soak")
     * @param onFirstPage told when the first page arrives (a cold start reports it at once)
     */
    public Sink(int soakMark, int lastPage, Runnable onFirstPage) {
        this.soakMark = soakMark;
        this.lastPage = lastPage;
        this.onFirstPage = onFirstPage;
    }

    /** The timed copy starts now: {@link #firstPageNanos()} counts from here. */
    void started() {
        timedStart = System.nanoTime();
    }

    /** A page as received. */
    public synchronized void page(byte[] body) {
        checksum += body.length == 0 ? 0 : body[body.length / 2];
        counted(body.length);
    }

    /** A page that went somewhere else (a file) as it arrived. */
    public synchronized void streamed(long size) {
        counted(size);
    }

    /** A page's records (collectionReference): its bytes are not seen, the run's total is assumed. */
    public synchronized void records(List<?> list) {
        if (pages == 0 && !list.isEmpty()) {
            sample = String.valueOf(list.get(0));
        }
        checksum += list.isEmpty() ? 0 : list.get(list.size() / 2).hashCode() & 0xff;
        records += list.size();
        counted(0);
    }

    /** A page's rows (translator). */
    public synchronized void rows(List<? extends Map<?, ?>> list) {
        if (pages == 0 && !list.isEmpty()) {
            sample = TypedRows.describe(list.get(0));
        }
        checksum += list.isEmpty() ? 0 : list.get(list.size() / 2).size();
        records += list.size();
        counted(0);
    }

    /** The sink workloads: the client wrote {@code n} records (as it says; the API's count is checked besides). */
    public synchronized void written(long n) {
        records += n;
    }

    private void counted(long size) {
        pages++;
        bytes += size;
        if (pages == 1) {
            firstPageNanos = System.nanoTime() - timedStart;
            onFirstPage.run();
        }
        if (soakMark > 0 && pages == soakMark) {
            heapAtMark = Metrics.heapAfterGc();
        }
        if (soakMark > 0 && pages == lastPage) {
            heapAtEnd = Metrics.heapAfterGc();
        }
    }

    public synchronized long pages() {
        return pages;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized long records() {
        return records;
    }

    public synchronized long checksum() {
        return checksum;
    }

    /** From the start of the timed copy to the first page in the sink; -1 before it. */
    public synchronized long firstPageNanos() {
        return firstPageNanos;
    }

    /** The first record or row of the run, as text ("" for pages as-is). */
    public synchronized String sample() {
        return sample;
    }

    public long heapAtMark() {
        return heapAtMark;
    }

    public long heapAtEnd() {
        return heapAtEnd;
    }
}
