package dev.adfrest.camel.http;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The whole-request deadline (callTimeout): from sending a request to the last byte of its body. Per-read timeouts
 * alone let a server that trickles a byte every few seconds hold a run for ever; when the deadline passes, the request
 * is cancelled, which closes its connection and ends whatever read was waiting.
 */
final class CallTimeout {

    /** One daemon thread for every endpoint's deadlines: they only ever cancel a request. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Duration limit;

    /** @param limit the deadline of each request; zero for none */
    CallTimeout(Duration limit) {
        this.limit = limit;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "AdfRestCallTimeout");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Starts the clock of one request; close it when the request is done. */
    Deadline start(Cancellable request) {
        return new Deadline(limit.isZero() ? null : request);
    }

    /** The thrown exception of a request cancelled at its deadline: a timeout, retried as one. */
    static final class ExceededException extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        ExceededException(Duration limit) {
            super("the request took longer than callTimeout (" + limit.toMillis() + " ms) and was cancelled");
        }
    }

    /** One request's deadline. */
    final class Deadline implements AutoCloseable {

        private final ScheduledFuture<?> task;
        private volatile boolean expired;

        private Deadline(Cancellable request) {
            this.task = request == null ? null : TIMER.schedule(() -> {
                expired = true;
                request.cancel();
            }, limit.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** The failure to report instead of {@code e} when the deadline ended the request; {@code e} otherwise. */
        <E extends Exception> Exception explain(E e) {
            if (!expired) {
                return e;
            }
            ExceededException exceeded = new ExceededException(limit);
            exceeded.initCause(e);
            return exceeded;
        }

        @Override
        public void close() {
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
