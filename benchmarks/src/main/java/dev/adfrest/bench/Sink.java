package dev.adfrest.bench;

/**
 * Where every client hands its pages: counts them, touches the bytes so nothing is optimised away, and during a
 * soak takes the heap after a full GC at the mark page and at the last page (while the run is still live).
 */
public final class Sink {

    private final int soakMark;
    private final int lastPage;
    private long pages;
    private long bytes;
    private long checksum;
    private long heapAtMark = -1;
    private long heapAtEnd = -1;

    /**
     * @param soakMark the page after which "heap after warm-up" is taken, 0 for none
     * @param lastPage the run's last page (the soak's "heap after soak")
     */
    public Sink(int soakMark, int lastPage) {
        this.soakMark = soakMark;
        this.lastPage = lastPage;
    }

    public synchronized void page(byte[] body) { // several routes may deliver at once (partitions)
        checksum += body.length == 0 ? 0 : body[body.length / 2];
        counted(body.length);
    }

    /** A page that went somewhere else (a file) as it arrived. */
    public synchronized void streamed(long size) {
        counted(size);
    }

    private void counted(long size) {
        pages++;
        bytes += size;
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

    public long checksum() {
        return checksum;
    }

    public long heapAtMark() {
        return heapAtMark;
    }

    public long heapAtEnd() {
        return heapAtEnd;
    }
}
