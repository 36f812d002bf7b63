package dev.adfrest.bench;

import java.nio.file.Path;

/**
 * One way of copying a workload. Each run gets a fresh client (pool, Camel context) so that every run is "one copy
 * run from a cold connection pool on a warm JVM", the same for all three.
 */
public interface BenchClient {

    /** Sets up a fresh client for one run: not timed. */
    void prepare(Run run) throws Exception;

    /** Copies the workload once: timed. Returns when the last page is in the sink. */
    void copy() throws Exception;

    /** Tears the client down: not timed. */
    void finish() throws Exception;

    /**
     * What one run reads and where it goes.
     *
     * @param workload the workload, at the size of this run
     * @param baseUrl  the API, http://127.0.0.1:port
     * @param outDir   where HUGE pages are written
     * @param sink     where pages go
     */
    record Run(Workload workload, String baseUrl, Path outDir, Sink sink) {

        /** The first page's URL (NEXT_LINK, HUGE). */
        public String firstUrl() {
            return switch (workload.shape()) {
                case NEXT_LINK -> baseUrl + PageBodies.nextLinkPath(workload.id(), workload.pages(), 1);
                case HUGE -> baseUrl + PageBodies.hugePath(workload.id(), workload.pageBytes());
                case RANGE -> baseUrl + PageBodies.rangePath(workload.id()) + "?offset=0";
            };
        }

        /** The file a HUGE page is copied to. */
        public Path file(String client) {
            return outDir.resolve(client + "-" + workload.id() + ".json");
        }

        /** The bytes a complete run delivers. */
        public long expectedBytes() {
            return switch (workload.shape()) {
                case NEXT_LINK -> PageBodies.nextLinkRunBytes(baseUrl, workload.id(), workload.pages(),
                        PageBodies.pageRecords(workload.pageBytes()).length);
                case RANGE -> PageBodies.rangeRunBytes(workload.pages(), PageBodies.pageRecords(workload.pageBytes()).length);
                case HUGE -> workload.pageBytes();
            };
        }
    }
}
