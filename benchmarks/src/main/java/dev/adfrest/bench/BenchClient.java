package dev.adfrest.bench;

import java.nio.file.Path;

/**
 * One way of copying a workload. Each run gets a fresh client (pool, Camel context) so that every run is "one copy
 * run from a cold connection pool", the same for all clients.
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
     * @param sink     where pages go (SINK: told how many records the client wrote)
     */
    record Run(Workload workload, String baseUrl, Path outDir, Sink sink) {

        /** The pages this run must copy. */
        public PageBodies.Pages pages() {
            return PageBodies.pages(workload, baseUrl);
        }

        /** The first page's URL. */
        public String firstUrl() {
            return pages().firstUrl();
        }

        /** SINK: where the records are written (POST). */
        public String sinkUrl() {
            return baseUrl + "/" + workload.id() + "/import";
        }

        /** SINK: the records of this run, made one at a time as they are read. */
        public java.util.Iterator<java.util.Map<String, Object>> records() {
            return SinkRecords.of(workload.pages());
        }

        /** The file a HUGE page is copied to. */
        public Path file(String client) {
            return outDir.resolve(client + "-" + workload.id() + ".json");
        }
    }
}
