package dev.adfrest.camel.source;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.Paginator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches ahead while the paginator's requests are known in advance (RANGE): keeps up to {@code size} requests in
 * flight on the executor and hands their pages over strictly in request order.
 * <p>
 * It only guesses: the run still asks the paginator page by page, in order, and passes each request it is told to make
 * to {@link #fetch}; the window answers it from a request it started earlier ({@link Paginator#plannedRequests}) and
 * starts the ones after it. Every stop the paginator decides (an end condition, MaxRequestNumber, the range's end, a
 * 204) therefore falls exactly where it falls one page at a time; requests started past it are cancelled by
 * {@link #close()} and their pages, if they arrived, are dropped. A failed request fails only when its turn comes,
 * after every page before it; each goes through the run's fetcher (retries included) on a window thread.
 * <p>
 * A {@code requestInterval} spaces the starts of requests: one starts at least that long after the one before (the
 * first at once); a request waits on its window thread for its start.
 */
final class FetchWindow implements CopyRun.Fetcher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FetchWindow.class);

    /** A request started ahead of its turn. */
    private record Pending(PageRequest request, int number, Future<FetchedPage> page) {
    }

    private final String runId;
    private final Paginator paginator;
    private final CopyRun.Fetcher fetcher;
    private final ExecutorService executor;
    private final int size;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final CopyRun.Sleeper sleeper;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private long nextStart;
    private boolean started;

    /**
     * @param paginator the run's paginator, asked (on the run's thread) which requests follow the last one it handed out
     * @param fetcher   fetches one page; called on the executor's threads
     * @param size      the most requests in flight, 2 or more
     * @param interval  the least time between the starts of two requests
     * @param clock     nanoTime
     */
    FetchWindow(String runId, Paginator paginator, CopyRun.Fetcher fetcher, ExecutorService executor, int size,
                Duration interval, LongSupplier clock, CopyRun.Sleeper sleeper) {
        if (size < 2) {
            throw new IllegalArgumentException("a fetch window holds at least 2 requests, not " + size);
        }
        this.runId = runId;
        this.paginator = paginator;
        this.fetcher = fetcher;
        this.executor = executor;
        this.size = size;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Why pages of these rules are fetched one at a time even with {@code parallelRequests} above 1; null when they
     * may be fetched ahead.
     */
    static String sequentialBecause(PaginationRules rules) {
        return rules.requestsNotKnownInAdvanceBecause();
    }

    /**
     * The page for {@code request}, the request the paginator handed out last (page {@code number}); starts the
     * requests planned after it so that up to {@code size} are in flight.
     *
     * @throws InterruptedException when the consumer is stopping (also when the executor was shut down)
     * @throws Exception            what fetching this page threw, once every page before it was handed over
     */
    @Override
    public FetchedPage fetch(PageRequest request, int number) throws Exception {
        Pending head = pending.pollFirst();
        if (head == null || head.number() != number || !head.request().equals(request)) {
            // not the request planned for this turn (cannot happen while the rules know the requests in advance)
            if (head != null) {
                LOG.debug("Run {}: page {} is not the request fetched ahead; starting over from it", runId, number);
                head.page().cancel(true);
            }
            cancelAll();
            head = start(request, number);
        }
        List<PageRequest> planned = paginator.plannedRequests(size - 1);
        for (int i = pending.size(); i < planned.size(); i++) {
            pending.addLast(start(planned.get(i), number + (1 + i) * paginator.pageStride()));
        }
        return await(head);
    }

    /** Cancels the requests in flight and drops pages that arrived ahead of a turn that never came. */
    @Override
    public void close() {
        if (!pending.isEmpty()) {
            int arrived = cancelAll();
            LOG.debug("Run {}: dropped {} page(s) fetched ahead past the end of the run", runId, arrived);
        }
    }

    private int cancelAll() {
        int arrived = 0;
        for (Pending p : pending) {
            if (!p.page().cancel(true)) {
                arrived++;
            }
        }
        pending.clear();
        return arrived;
    }

    private Pending start(PageRequest request, int number) throws InterruptedException {
        long startAt = reserveStart();
        try {
            return new Pending(request, number, executor.submit(() -> {
                long wait = intervalNanos == 0 ? 0 : startAt - clock.getAsLong();
                if (wait > 0) {
                    sleeper.sleep(Duration.ofNanos(wait));
                }
                return fetcher.fetch(request, number);
            }));
        } catch (RejectedExecutionException e) {
            throw new InterruptedException("the fetch executor is shut down: the consumer is stopping");
        }
    }

    /** When the next request may start: at once, or requestInterval after the start of the one before. */
    private long reserveStart() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = clock.getAsLong();
        long at = started && nextStart - now > 0 ? nextStart : now;
        started = true;
        nextStart = at + intervalNanos;
        return at;
    }

    private static FetchedPage await(Pending head) throws Exception {
        try {
            return head.page().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (CancellationException e) {
            throw new InterruptedException("page " + head.number() + " was cancelled: the consumer is stopping");
        } catch (InterruptedException e) {
            head.page().cancel(true);
            throw e;
        }
    }
}
