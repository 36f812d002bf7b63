package dev.adfrest.camel.source;

import java.util.List;

/**
 * What a copy run (and the fetcher under it) reports as it goes: the one place where health, the dev console, JMX,
 * metrics and progress logging learn what runs do. Implementations must be cheap and must not throw; calls marked
 * "any thread" may come from the threads that fetch pages ahead. No Camel types: a producer's runs report the same
 * way as a consumer's.
 */
public interface RunObserver {

    /** Observes nothing. */
    RunObserver NONE = new RunObserver() {
    };

    /**
     * A run starts.
     *
     * @param firstPage 1, or the page a resumed run goes on at
     */
    default void runStarted(String runId, int firstPage) {
    }

    /** A request is about to be sent: every attempt, retries included. Any thread. */
    default void requestSent() {
    }

    /**
     * A request failed with a transient fault and is sent again.
     *
     * @param reason the retry policy's words for the fault ({@link RetryCause#of} files it). Any thread.
     */
    default void retried(String reason) {
    }

    /**
     * The API answered a page request successfully: a status below 400 and, unless 204, a whole JSON body. Any thread.
     *
     * @param bytes the body's length
     */
    default void pageFetched(int number, int status, long bytes) {
    }

    /** The route processed a page. */
    default void pageProcessed(int number, long records, long bytes) {
    }

    /** The run ended, whatever the reason. */
    default void runEnded(RunEnd end) {
    }

    /** A producer's write request was accepted by the API: that many records were written. */
    default void recordsWritten(long records) {
    }

    /** Tells each of {@code observers}, in order. */
    static RunObserver of(RunObserver... observers) {
        // plain loops: a forEach would make a capturing lambda per call, and some are called for every page
        RunObserver[] all = List.of(observers).toArray(new RunObserver[0]); // no nulls
        return new RunObserver() {
            @Override
            public void runStarted(String runId, int firstPage) {
                for (RunObserver o : all) {
                    o.runStarted(runId, firstPage);
                }
            }

            @Override
            public void requestSent() {
                for (RunObserver o : all) {
                    o.requestSent();
                }
            }

            @Override
            public void retried(String reason) {
                for (RunObserver o : all) {
                    o.retried(reason);
                }
            }

            @Override
            public void pageFetched(int number, int status, long bytes) {
                for (RunObserver o : all) {
                    o.pageFetched(number, status, bytes);
                }
            }

            @Override
            public void pageProcessed(int number, long records, long bytes) {
                for (RunObserver o : all) {
                    o.pageProcessed(number, records, bytes);
                }
            }

            @Override
            public void runEnded(RunEnd end) {
                for (RunObserver o : all) {
                    o.runEnded(end);
                }
            }

            @Override
            public void recordsWritten(long records) {
                for (RunObserver o : all) {
                    o.recordsWritten(records);
                }
            }
        };
    }
}
