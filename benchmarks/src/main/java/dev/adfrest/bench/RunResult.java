package dev.adfrest.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One measured run of one client on one workload, as a client JVM reports it (one JSON line on stdout).
 *
 * @param status       "ok", or why there is no figure ("OOM", "unsupported: ...", "failed: ...")
 * @param wallNanos    the copy's wall time
 * @param cpuNanos     the client JVM's CPU time during the copy (all threads)
 * @param peakHeap     sum of heap pool peaks during the copy
 * @param liveHeap     largest heap occupancy after a GC during the copy
 * @param rssPeak      VmHWM during the copy
 * @param connections  TCP connections the server accepted during the copy
 * @param heapAtMark   soak only: heap after full GC at the mark page
 * @param heapAtEnd    soak only: heap after full GC at the last page
 */
public record RunResult(
        String workload,
        String client,
        int run,
        String status,
        long pages,
        long bytes,
        long wallNanos,
        long cpuNanos,
        long peakHeap,
        long liveHeap,
        long rssPeak,
        long connections,
        long heapAtMark,
        long heapAtEnd) {

    static final String PREFIX = "RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    static RunResult failed(String workload, String client, int run, String status) {
        return new RunResult(workload, client, run, status, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1);
    }

    boolean ok() {
        return "ok".equals(status);
    }

    String toLine() {
        try {
            return PREFIX + JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static RunResult fromLine(String line) {
        try {
            return JSON.readValue(line.substring(PREFIX.length()), RunResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bad result line: " + line, e);
        }
    }
}
