package dev.adfrest.camel.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

import dev.adfrest.camel.AdfRestException;
import dev.adfrest.camel.AdfRestHttpException;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.pagination.Step;
import dev.adfrest.camel.support.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One copy run: page 1, then next pages as the pagination engine decides, each handed over in order, as received or
 * mapped to records or rows.
 * <p>
 * A run is read page by page: {@link #next()} hands over a page, and the caller says what became of it
 * ({@link #processed()} or {@link #failed()}) before asking for the next; {@link #execute} does that for a
 * {@link PageHandler}. The run reads one page ahead: page k is handed over only once the request for page k+1 has been
 * answered, so that {@link RunPage#last()} is exact even for APIs that end with 204 No Content. If the route fails
 * page k, nothing after page k+1 is requested and page k+1 is never handed over.
 * <p>
 * With a {@link FetchAhead} of more than one request, and rules that know the requests in advance, a
 * {@link FetchWindow} keeps that many in flight: pages still come in order, every stop falls on the same page, and what
 * was fetched past the end (or past a page the route failed) is dropped, never handed over.
 * <p>
 * Every failure leaves the run as an {@link AdfRestException} ({@link Failures}); pages handed over before it stay
 * handed over. Used by one thread.
 */
public final class CopyRun implements AutoCloseable {

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
         * Takes the page over: the handler closes it ({@link RunPage#close()}) when done with it, whatever the outcome,
         * or has it closed later (when the exchange carrying its body completes).
         *
         * @return the route's verdict: true when it processed the page; false when it failed it, which ends the run
         */
        boolean onPage(RunPage page) throws Exception;
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
     * How a run paces its requests.
     *
     * @param requestInterval the wait before each next-page request (between the starts of requests fetched ahead)
     * @param ahead           how many requests to keep in flight when the paginator knows them in advance
     * @param sleeper         waits
     */
    public record Pacing(Duration requestInterval, FetchAhead ahead, Sleeper sleeper) {
    }

    /** What follows the page handed over last: the next page fetched, or why the run ends, or why it fails. */
    private record Following(FetchedPage page, Step.Stop stop, AdfRestException failure, PageRequest request) {
    }

    private final String runId;
    /** Replaced once when a resumed run's saved position turns out stale. */
    private Paginator paginator;
    private final Fetcher fetcher;
    private final PageOutput output;
    private final Checkpoints checkpoints;
    private final RunWatermark watermark;
    private final Pacing pacing;
    private final Masking masking;
    private final BooleanSupplier running;
    private final RunObserver observer;
    /**
     * Pages fetched but not (yet) handed over: a page read ahead, the page in hand when the run fails or the consumer
     * stops, pages fetched ahead past the end. Those left when the run ends are discarded (their spool files deleted),
     * as is any page a request still in flight brings after that.
     */
    private final List<FetchedPage> undelivered = new ArrayList<>();

    private FetchWindow window;
    private boolean started;
    private long start;
    private int pages;
    private long records;
    private long bytes;
    private RunPage handed;
    private Following following;
    private RunSummary summary;
    private boolean ended;

    /**
     * @param runId       the run's id (a resumed run keeps the id it was saved with)
     * @param paginator   a fresh paginator, or one resumed from {@code checkpoints} (page numbers go on from there)
     * @param fetcher     fetches a page (retries included)
     * @param output      what a page becomes: the page as received, its records or its rows
     * @param checkpoints told after each processed page where the run stands, and when it ended normally
     * @param watermark   the run's watermark (incremental copy): shown on each page, told of each processed page,
     *                    saved when the run ends normally; {@link RunWatermark#NONE} without one
     * @param running     false once the consumer is stopping: the run ends before its next request
     * @param observer    told how the run goes (health, console, JMX, metrics, progress)
     */
    public CopyRun(String runId, Paginator paginator, Fetcher fetcher, PageOutput output, Checkpoints checkpoints,
                   RunWatermark watermark, Pacing pacing, Masking masking, BooleanSupplier running,
                   RunObserver observer) {
        this.runId = runId;
        this.paginator = paginator;
        this.fetcher = fetcher;
        this.output = output;
        this.checkpoints = checkpoints;
        this.watermark = watermark;
        this.pacing = pacing;
        this.masking = masking;
        this.running = running;
        this.observer = observer;
    }

    public String runId() {
        return runId;
    }

    /**
     * Runs to the end, handing every page to {@code handler}.
     *
     * @return what was delivered; {@link RunSummary#completed()} is false when the route failed a page or the consumer
     *         was stopped
     * @throws AdfRestException a fetch, parse, pagination or mapping failure; pages before it were delivered
     * @throws Exception        what the handler threw (the run ends there)
     */
    public RunSummary execute(PageHandler handler) throws Exception {
        try {
            for (RunPage page = next(); page != null; page = next()) {
                if (!handler.onPage(page)) {
                    failed();
                    break;
                }
                processed();
            }
            return summary;
        } finally {
            close();
        }
    }

    /**
     * The next page, handed over once the request after it has been answered; null when the run has ended (normally,
     * after a failed page, or because the consumer is stopping). The caller owns the page (see
     * {@link PageHandler#onPage}) and gives its verdict before asking for the next.
     *
     * @throws AdfRestException the run failed; it has ended
     */
    public RunPage next() {
        if (ended) {
            return null;
        }
        if (handed != null) {
            throw new IllegalStateException("Run " + runId + ": page " + handed.number() + " has no verdict yet");
        }
        try {
            FetchedPage current;
            if (!started) {
                started = true;
                start = System.nanoTime();
                observer.runStarted(runId, paginator.requestsMade() + 1);
                openWindow();
                PageRequest first = paginator.first();
                Step.Stop none = paginator.stopsBeforeFirst().orElse(null);
                if (none != null) { // a partition whose pages all lie past the end of the whole run
                    return finish(none.reason(), none.detail(), first);
                }
                try {
                    current = fetchOrFail(first, paginator.requestsMade() + 1);
                } catch (AdfRestHttpException e) {
                    if (!isStale(e)) {
                        throw e;
                    }
                    first = restart(e);
                    none = paginator.stopsBeforeFirst().orElse(null);
                    if (none != null) {
                        return finish(none.reason(), none.detail(), first);
                    }
                    current = fetchOrFail(first, paginator.requestsMade() + 1);
                }
                if (current.isNoContent()) {
                    return finish(Step.StopReason.NO_CONTENT, "the first response was 204 No Content", first);
                }
            } else if (following.failure() != null) {
                throw following.failure();
            } else if (following.stop() != null) {
                return finish(following.stop().reason(), following.stop().detail(), following.request());
            } else {
                current = following.page();
            }
            return handOver(current);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stopped();
        } catch (RuntimeException e) {
            AdfRestException failure = e instanceof AdfRestException known ? known
                    : new AdfRestException("Run " + runId + " failed: " + masking.scrub(e.getMessage()), e);
            LOG.warn("Run {} failed after {}: {}", runId, progress(null).describe(), masking.scrub(e.getMessage()));
            RunSummary done = progress(null);
            end(done, failed(done, failure));
            throw failure;
        }
    }

    private void openWindow() {
        if (pacing.ahead().requests() > 1) {
            window = new FetchWindow(runId, paginator, this::fetch, pacing.ahead().executor(),
                    pacing.ahead().requests(), pacing.requestInterval(), System::nanoTime, pacing.sleeper());
            LOG.debug("Run {} fetches up to {} pages at once", runId, pacing.ahead().requests());
        }
    }

    /**
     * Whether a resumed run's first request failed because the saved position no longer works: a client error that is
     * not retried (an expired cursor or signed link: 400, 403, 404, 410, ...), unless failOnStaleResume says fail.
     */
    private boolean isStale(AdfRestHttpException e) {
        int status = e.getStatusCode();
        return paginator.resumed() && !paginator.settings().failOnStaleResume()
               && status >= 400 && status < 500 && status != 408 && status != 429;
    }

    /** Drops a stale saved position and starts the run again from page 1; returns the new first request. */
    private PageRequest restart(AdfRestHttpException e) {
        PageRequest stale = paginator.first();
        LOG.warn("Run {}: the saved position (page {}: {} {}) was answered HTTP {}; it has probably expired. Starting"
                 + " again from page 1 (set failOnStaleResume=true to fail instead)", runId,
                paginator.requestsMade() + 1, stale.method(), masking.url(stale.url()), e.getStatusCode());
        checkpoints.clear();
        if (window != null) {
            window.close();
            window = null;
        }
        paginator = paginator.restart();
        openWindow();
        return paginator.first();
    }

    /** The route processed the page handed over last: a later poll resumes after it. */
    public void processed() {
        RunPage page = verdict();
        pages++;
        records += page.records();
        bytes += page.size();
        observer.pageProcessed(page.number(), page.records(), page.size());
        try {
            watermark.processed(page);
            if (!page.last() && checkpoints != Checkpoints.NONE) { // no state built for a run that saves none
                checkpoints.save(runId, paginator.state());
            }
        } catch (RuntimeException e) {
            AdfRestException failure = Failures.of(e, page.request(), page.number(), 1, masking);
            RunSummary done = progress(null);
            end(done, new RunEnd(done, RunEnd.Outcome.FAILED, RunEnd.Failure.of(failure, page.number(), page.url())));
            throw failure;
        }
    }

    /** The route failed the page handed over last: the run ends, and a later poll resumes at that page. */
    public void failed() {
        RunPage page = verdict();
        RunSummary done = progress(null);
        LOG.warn("Run {} stopped: the route failed page {}; no later page is delivered. {}", runId, page.number(),
                done.describe());
        end(done, new RunEnd(done, RunEnd.Outcome.ROUTE_FAILED, null));
    }

    /** What the run did: final once it has ended, its progress so far before. */
    public RunSummary summary() {
        return summary != null ? summary : progress(null);
    }

    /** Ends the run where it stands (a reader stopped early); pages not handed over are discarded. Idempotent. */
    @Override
    public void close() {
        if (!ended) {
            RunSummary done = progress(null);
            LOG.debug("Run {} closed after {}", runId, done.describe());
            end(done, new RunEnd(done, RunEnd.Outcome.CLOSED, null));
        }
    }

    private RunPage verdict() {
        if (handed == null) {
            throw new IllegalStateException("Run " + runId + ": no page was handed over");
        }
        RunPage page = handed;
        handed = null;
        return page;
    }

    /** Decides what follows {@code current}, fetches it, and hands {@code current} over. */
    private RunPage handOver(FetchedPage current) throws InterruptedException {
        Step step;
        try {
            step = paginator.next(current.request(), current.response());
        } catch (RuntimeException e) {
            throw Failures.of(e, current.request(), current.number(), 1, masking);
        }
        FetchedPage next = null;
        AdfRestException failure = null;
        Step.Stop stop = step instanceof Step.Stop s ? s : null;
        PageRequest request = current.request();
        if (step instanceof Step.Next n) {
            if (!running.getAsBoolean()) {
                return stopped();
            }
            request = n.request();
            int number = paginator.requestsMade() + 1; // in the whole run: a partition skips the others' pages
            try {
                if (window == null && !pacing.requestInterval().isZero()) {
                    pacing.sleeper().sleep(pacing.requestInterval());
                }
                next = (window != null ? window : (Fetcher) this::fetch).fetch(request, number);
                if (next.isNoContent()) {
                    stop = new Step.Stop(Step.StopReason.NO_CONTENT, "the next request was answered 204 No Content");
                    next = null;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = Failures.of(e, request, number, 1, masking);
            }
        }
        RunPage page = mapped(current, stop != null);
        synchronized (undelivered) {
            undelivered.removeIf(p -> p == current); // the caller owns the page from here, whatever happens
        }
        following = new Following(next, stop, failure, stop != null ? current.request() : request);
        handed = page;
        return page;
    }

    /** The page as it goes out: as received, or its records or rows (a page that cannot be mapped fails the run). */
    private RunPage mapped(FetchedPage page, boolean last) {
        String url = masking.url(page.request().url());
        if (output.asIs()) {
            return new RunPage(runId, page, last, url, null, watermark.used());
        }
        try {
            return new RunPage(runId, page, last, url, output.map(page.content().tree(), page.number()),
                    watermark.used());
        } catch (RuntimeException e) {
            throw Failures.of(e, page.request(), page.number(), 1, masking);
        }
    }

    private FetchedPage fetchOrFail(PageRequest request, int number) throws InterruptedException {
        try {
            return (window != null ? window : (Fetcher) this::fetch).fetch(request, number);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw Failures.of(e, request, number, 1, masking);
        }
    }

    private FetchedPage fetch(PageRequest request, int number) throws Exception {
        long t0 = System.nanoTime();
        FetchedPage page = fetcher.fetch(request, number);
        observer.pageFetched(number, page.status(), page.size());
        synchronized (undelivered) {
            if (ended) {
                page.close(); // a request fetched ahead that outlived its run
            } else {
                undelivered.add(page);
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Run {} page {}: {} {} -> {} ({} bytes, {} ms)", runId, number, request.method(),
                    masking.url(request.url()), page.status(), page.size(), (System.nanoTime() - t0) / 1_000_000);
        }
        return page;
    }

    /**
     * The consumer is stopping: end without handing over the page in hand (a resumed run fetches it again) and
     * without fetching more.
     */
    private RunPage stopped() {
        RunSummary done = progress(null);
        LOG.info("Run {} interrupted by shutdown after {}", runId, done.describe());
        end(done, new RunEnd(done, RunEnd.Outcome.STOPPED, null));
        return null;
    }

    private RunPage finish(Step.StopReason reason, String detail, PageRequest lastRequest) {
        watermark.commit(runId); // before the position is cleared: a failed save leaves the run to resume, not lost
        checkpoints.clear();
        RunSummary done = progress(reason);
        if (reason == Step.StopReason.REPEATED_REQUEST) {
            LOG.warn("Run {}: the next request would repeat {} {} ({}); the run ends here, that page being the last. "
                     + "Add an EndCondition rule, or set failOnRepeatedRequest=true to fail instead (or"
                     + " allowRepeatedRequests=true for an API that answers the same request with its next page).",
                    runId, lastRequest.method(), masking.url(lastRequest.url()), masking.scrub(detail));
        } else {
            LOG.debug("Run {} ends: {}", runId, masking.scrub(detail));
        }
        LOG.info("Run {} done: {}", runId, done.describe());
        end(done, RunEnd.completed(done));
        return null;
    }

    private void end(RunSummary done, RunEnd how) {
        summary = done;
        if (window != null) {
            window.close();
        }
        synchronized (undelivered) {
            ended = true;
            undelivered.forEach(FetchedPage::close);
            undelivered.clear();
        }
        if (started) {
            observer.runEnded(how);
        }
    }

    /** A failure of the run, naming the request in hand when it failed. */
    private RunEnd failed(RunSummary done, AdfRestException failure) {
        PageRequest request = following == null ? paginator.first() : following.request();
        return new RunEnd(done, RunEnd.Outcome.FAILED, RunEnd.Failure.of(failure,
                paginator.requestsMade() + 1, request == null ? null : masking.url(request.url())));
    }

    private RunSummary progress(Step.StopReason reason) {
        Duration elapsed = started ? Duration.ofNanos(System.nanoTime() - start) : Duration.ZERO;
        return new RunSummary(runId, pages, records, bytes, elapsed, reason);
    }
}
