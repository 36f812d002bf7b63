package dev.adfrest.camel.http;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The whole-request deadline (callTimeout): from sending a request to the last byte of its body. Per-read timeouts
 * alone let a server that trickles a byte every few seconds hold a run for ever; when the deadline passes, the request
 * is cancelled, which closes its connection and ends whatever read was waiting.
 * <p>
 * The timer is not told of every request: a page takes a fraction of a millisecond and the limit is minutes, and
 * scheduling and cancelling one timer task per request (waking the timer thread twice) cost about a tenth of a
 * run's CPU on fast pages. Instead the requests under way are kept in the order they started, which is the order of
 * their deadlines (one limit for all), and one timer task at a time waits for the earliest deadline: when it fires it
 * cancels the requests whose deadline passed and waits for the next one, if any. A finished request just leaves the
 * list. Every request is still cancelled at its own deadline.
 */
final class CallTimeout {

    /** One daemon thread for every endpoint's deadlines: they only ever cancel a request. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Duration limit;
    /** The requests under way, earliest deadline first. Guarded by itself. */
    private final LinkedHashSet<Deadline> running = new LinkedHashSet<>();
    /** Whether a timer task is waiting for the earliest deadline in {@link #running}. Guarded by {@link #running}. */
    private boolean armed;

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
        if (limit.isZero()) {
            return new Deadline(null, 0);
        }
        synchronized (running) {
            // taken under the lock: deadlines enter the list in the order of their times
            Deadline deadline = new Deadline(request, System.nanoTime() + limit.toNanos());
            running.add(deadline);
            if (!armed) {
                armed = true;
                TIMER.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
            }
            return deadline;
        }
    }

    /** The timer task: cancels the requests whose deadline passed, then waits for the next deadline if any. */
    private void expire() {
        List<Deadline> expired = new ArrayList<>();
        synchronized (running) {
            long now = System.nanoTime();
            Iterator<Deadline> earliest = running.iterator();
            while (earliest.hasNext()) {
                Deadline next = earliest.next();
                if (next.due - now > 0) {
                    TIMER.schedule(this::expire, next.due - now, TimeUnit.NANOSECONDS);
                    break;
                }
                earliest.remove();
                expired.add(next);
            }
            armed = !running.isEmpty();
        }
        expired.forEach(Deadline::expire); // outside the lock: cancelling closes a connection
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

        private final Cancellable request;
        /** System.nanoTime() at the deadline. */
        private final long due;
        private volatile boolean expired;

        private Deadline(Cancellable request, long due) {
            this.request = request;
            this.due = due;
        }

        private void expire() {
            expired = true;
            request.cancel();
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

        /** The request is done: its deadline no longer applies. */
        @Override
        public void close() {
            if (request != null) {
                synchronized (running) {
                    running.remove(this);
                }
            }
        }
    }
}
