package dev.adfrest.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One run of one client on one workload, as a client JVM reports it (one JSON line on stdout), with what the harness
 * adds: the server's CPU over the run and, for a cold start, the times it saw from outside.
 *
 * @param phase          short (a round on the cold JVM), warmup, steady (a measured run), cold (a new JVM)
 * @param status         "ok", or why there is no figure ("OOM", "unsupported: ...", "failed: ...")
 * @param records        records or rows delivered (0 for pages as-is)
 * @param wallNanos      the copy's wall time
 * @param cpuNanos       the client JVM's CPU time during the copy (all threads)
 * @param serverCpuNanos the API server's CPU time (all its processes and threads) around the run
 * @param firstPageNanos from the start of the copy (cold: from the JVM's launch) to the first page in the sink
 * @param peakHeap       sum of heap pool peaks during the copy
 * @param liveHeap       largest heap occupancy after a GC during the copy
 * @param rssPeak        VmHWM during the copy (cold: since JVM start)
 * @param rssEnd         VmRSS when the copy ended
 * @param connections    TCP connections the server accepted during the copy (-1: not counted)
 * @param requests       requests the server answered during the copy (-1: not counted)
 * @param heapAtMark     soak only: heap after full GC at the mark page
 * @param heapAtEnd      soak only: heap after full GC at the last page
 * @param launchNanos    cold only: from the JVM's launch to the end of the run, as the harness saw it
 * @param sample         the first record or row, as text (clients doing the same work must agree)
 */
public record RunResult(
        String workload,
        String client,
        String phase,
        int run,
        String status,
        long pages,
        long records,
        long bytes,
        long wallNanos,
        long cpuNanos,
        long serverCpuNanos,
        long firstPageNanos,
        long peakHeap,
        long liveHeap,
        long rssPeak,
        long rssEnd,
        long connections,
        long requests,
        long heapAtMark,
        long heapAtEnd,
        long launchNanos,
        String sample) {

    public static final String SHORT = "short";
    public static final String WARMUP = "warmup";
    public static final String STEADY = "steady";
    public static final String COLD = "cold";

    static final String PREFIX = "RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static RunResult failed(String workload, String client, String phase, int run, String status) {
        return new RunResult(workload, client, phase, run, status, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0, -1, -1, -1, -1, -1,
                "");
    }

    boolean ok() {
        return "ok".equals(status);
    }

    /** The same run with the server's CPU time over it. */
    RunResult withServerCpu(long nanos) {
        return new RunResult(workload, client, phase, run, status, pages, records, bytes, wallNanos, cpuNanos, nanos,
                firstPageNanos, peakHeap, liveHeap, rssPeak, rssEnd, connections, requests, heapAtMark, heapAtEnd,
                launchNanos, sample);
    }

    /** The same result numbered {@code n}. */
    RunResult withRun(int n) {
        return new RunResult(workload, client, phase, n, status, pages, records, bytes, wallNanos, cpuNanos,
                serverCpuNanos, firstPageNanos, peakHeap, liveHeap, rssPeak, rssEnd, connections, requests, heapAtMark,
                heapAtEnd, launchNanos, sample);
    }

    /** A cold start's run with the times the harness saw from outside the JVM. */
    RunResult withLaunch(long toFirstPage, long toEnd) {
        return new RunResult(workload, client, phase, run, status, pages, records, bytes, wallNanos, cpuNanos,
                serverCpuNanos, toFirstPage, peakHeap, liveHeap, rssPeak, rssEnd, connections, requests, heapAtMark,
                heapAtEnd, toEnd, sample);
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
