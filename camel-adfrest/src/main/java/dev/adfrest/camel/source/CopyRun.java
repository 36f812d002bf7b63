package dev.adfrest.camel.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.pagination.Step;
import dev.adfrest.camel.support.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One copy run: page 1, then next pages as the pagination engine decides, each handed to the route in order.
 * <p>
 * The run reads one page ahead: page k is handed over only once the request for page k+1 has been answered, so that
 * {@code last} is exact even for APIs that end with 204 No Content. If the route fails page k, nothing after page k+1
 * is requested and page k+1 is never handed over.
 * <p>
 * With a {@link FetchAhead} of more than one request, and rules that know the requests in advance, a
 * {@link FetchWindow} keeps that many in flight: pages still come in order, every stop falls on the same page, and what
 * was fetched past the end (or past a page the route failed) is dropped, never handed over.
 */
public final class CopyRun {

    private static final Logger LOG = LoggerFactory.getLogger(CopyRun.class);

    /** Fetches and parses one page. */
    @FunctionalInterface
    public interface Fetcher {
        FetchedPage fetch(PageRequest request, int pageNumber) throws Exception;
    }

    /** Hands a page to the route. */
    @FunctionalInterface
    public interface PageHandler {
        /**
         * Takes the page over: the handler closes it ({@link FetchedPage#close()}) when done with it, whatever the
         * outcome, or has it closed later (when the exchange carrying its body completes).
         *
         * @return the outcome: processed (with its record count), or failed, which ends the run
         */
        Delivery onPage(FetchedPage page, boolean last) throws Exception;
    }

    /** Waits between requests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * How many requests a run keeps in flight, and the threads that send them.
     *
     * @param requests 1: one at a time, on the run's own thread
     * @param executor the threads for requests fetched ahead; null when {@code requests} is 1
     */
    public record FetchAhead(int requests, ExecutorService executor) {
        public static final FetchAhead NONE = new FetchAhead(1, null);
    }

    /**
     * The route's verdict on a page.
     *
     * @param processed false when the route failed the page: the run stops there
     * @param records   the records the page carried
     */
    public record Delivery(boolean processed, long records) {
        public static Delivery failed() {
            return new Delivery(false, 0);
        }
    }

    private final String runId;
    private final Paginator paginator;
    private final Fetcher fetcher;
    private final Duration requestInterval;
    private final Masking masking;
    private final BooleanSupplier running;
    private final Sleeper sleeper;
    private final Checkpoints checkpoints;
    private final FetchAhead ahead;
    /**
     * Pages fetched but not (yet) handed to the route: a page read ahead, the page in hand when the run fails or the
     * consumer stops, pages fetched ahead past the end. Those left when the run ends are discarded (their spool files
     * deleted), as is any page a request still in flight brings after that.
     */
    private final List<FetchedPage> undelivered = new ArrayList<>();
    private boolean ended;

    public CopyRun(String runId, Paginator paginator, Fetcher fetcher, Duration requestInterval, Masking masking,
                   BooleanSupplier running, Sleeper sleeper) {
        this(runId, paginator, fetcher, requestInterval, masking, running, sleeper, Checkpoints.NONE);
    }

    /**
     * @param paginator   a fresh paginator, or one resumed from {@code checkpoints} (page numbers go on from there)
     * @param checkpoints told after each processed page where the run stands, and when it ended normally
     */
    public CopyRun(String runId, Paginator paginator, Fetcher fetcher, Duration requestInterval, Masking masking,
                   BooleanSupplier running, Sleeper sleeper, Checkpoints checkpoints) {
        this(runId, paginator, fetcher, requestInterval, masking, running, sleeper, checkpoints, FetchAhead.NONE);
    }

    /**
     * @param ahead how many requests to keep in flight when the paginator knows them in advance
     */
    public CopyRun(String runId, Paginator paginator, Fetcher fetcher, Duration requestInterval, Masking masking,
                   BooleanSupplier running, Sleeper sleeper, Checkpoints checkpoints, FetchAhead ahead) {
        this.runId = runId;
        this.paginator = paginator;
        this.fetcher = fetcher;
        this.requestInterval = requestInterval;
        this.masking = masking;
        this.running = running;
        this.sleeper = sleeper;
        this.checkpoints = checkpoints;
        this.ahead = ahead;
    }

    public String runId() {
        return runId;
    }

    /**
     * Runs to the end.
     *
     * @return what was delivered; {@link RunSummary#completed()} is false when the route failed a page or the consumer
     *         was stopped
     * @throws Exception a fetch, parse or pagination failure; pages before it were delivered
     */
    public RunSummary execute(PageHandler handler) throws Exception {
        long start = System.nanoTime();
        Counter counter = new Counter();
        FetchWindow window = null;
        if (ahead.requests() > 1) {
            window = new FetchWindow(runId, paginator, this::fetch, ahead.executor(), ahead.requests(), requestInterval,
                    System::nanoTime, sleeper);
            LOG.debug("Run {} fetches up to {} pages at once", runId, ahead.requests());
        }
        try {
            return loop(handler, counter, start, window);
        } catch (Exception e) {
            LOG.warn("Run {} failed after {}: {}", runId, counter.summary(runId, start, null).describe(), masking.scrub(e.getMessage()));
            throw e;
        } finally {
            if (window != null) {
                window.close();
            }
            discardUndelivered();
        }
    }

    /**
     * @param window null: one request at a time, requestInterval after the previous response
     */
    private RunSummary loop(PageHandler handler, Counter counter, long start, FetchWindow window) throws Exception {
        Fetcher pages = window != null ? window : this::fetch;
        FetchedPage current = pages.fetch(paginator.first(), paginator.requestsMade() + 1);
        if (current.isNoContent()) {
            return finish(counter, start, Step.StopReason.NO_CONTENT, "the first response was 204 No Content", null);
        }
        while (true) {
            Step step = paginator.next(current.request(), current.response());
            FetchedPage next = null;
            Exception fetchError = null;
            Step.Stop stop = step instanceof Step.Stop s ? s : null;
            if (step instanceof Step.Next n) {
                if (!running.getAsBoolean()) {
                    return stopped(counter, start);
                }
                try {
                    if (window == null && !requestInterval.isZero()) {
                        sleeper.sleep(requestInterval);
                    }
                    next = pages.fetch(n.request(), current.number() + 1);
                    if (next.isNoContent()) {
                        stop = new Step.Stop(Step.StopReason.NO_CONTENT, "the next request was answered 204 No Content");
                        next = null;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return stopped(counter, start);
                } catch (Exception e) {
                    fetchError = e;
                }
            }
            boolean last = stop != null;
            if (!deliver(handler, counter, current, last)) {
                LOG.warn("Run {} stopped: the route failed page {}; no later page is delivered. {}",
                        runId, current.number(), counter.summary(runId, start, null).describe());
                return counter.summary(runId, start, null);
            }
            if (!last) {
                checkpoints.save(runId, paginator.state()); // page processed: a later poll resumes after it
            }
            if (fetchError != null) {
                throw fetchError;
            }
            if (last) {
                return finish(counter, start, stop.reason(), stop.detail(), current.request());
            }
            current = next;
        }
    }

    private FetchedPage fetch(PageRequest request, int number) throws Exception {
        long t0 = System.nanoTime();
        FetchedPage page = fetcher.fetch(request, number);
        synchronized (undelivered) {
            if (ended) {
                page.close(); // a request fetched ahead that outlived its run
            } else {
                undelivered.add(page);
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Run {} page {}: {} {} -> {} ({} bytes, {} ms)", runId, number, request.method(),
                    masking.url(request.url()), page.http().status(), page.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return page;
    }

    private boolean deliver(PageHandler handler, Counter counter, FetchedPage page, boolean last) throws Exception {
        synchronized (undelivered) {
            undelivered.removeIf(p -> p == page); // the handler owns the page from here, whatever happens
        }
        Delivery delivery = handler.onPage(page, last);
        if (delivery.processed()) {
            counter.pages++;
            counter.records += delivery.records();
            counter.bytes += page.size();
        }
        return delivery.processed();
    }

    private void discardUndelivered() {
        synchronized (undelivered) {
            ended = true;
            undelivered.forEach(FetchedPage::close);
            undelivered.clear();
        }
    }

    /**
     * The consumer is stopping: end without handing over the page in hand (a resumed run fetches it again) and
     * without fetching more.
     */
    private RunSummary stopped(Counter counter, long start) {
        RunSummary summary = counter.summary(runId, start, null);
        LOG.info("Run {} interrupted by shutdown after {}", runId, summary.describe());
        return summary;
    }

    private RunSummary finish(Counter counter, long start, Step.StopReason reason, String detail, PageRequest lastRequest) {
        checkpoints.clear();
        RunSummary summary = counter.summary(runId, start, reason);
        if (reason == Step.StopReason.REPEATED_REQUEST) {
            LOG.warn("Run {}: the next request would repeat {} {} ({}); the run ends here, that page being the last. "
                     + "Add an EndCondition rule, or set failOnRepeatedRequest=true to fail instead.",
                    runId, lastRequest.method(), masking.url(lastRequest.url()), masking.scrub(detail));
        } else {
            LOG.debug("Run {} ends: {}", runId, masking.scrub(detail));
        }
        LOG.info("Run {} done: {}", runId, summary.describe());
        return summary;
    }

    private static final class Counter {
        int pages;
        long records;
        long bytes;

        RunSummary summary(String runId, long start, Step.StopReason reason) {
            return new RunSummary(runId, pages, records, bytes, Duration.ofNanos(System.nanoTime() - start), reason);
        }
    }
}
