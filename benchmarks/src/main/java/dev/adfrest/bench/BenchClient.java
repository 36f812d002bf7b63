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
     * @param sink     where pages go
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

        /** The file a HUGE page is copied to. */
        public Path file(String client) {
            return outDir.resolve(client + "-" + workload.id() + ".json");
        }
    }
}
