package dev.adfrest.camel;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import dev.adfrest.camel.source.CopyRun;
import dev.adfrest.camel.source.RunPage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * The body operation=read sets: a copy run's pages as Camel {@link Message}s, one per page with the headers and body
 * the consumer would give its exchange, fetched as the iterator is read: {@link #next()} hands out a page once the
 * request after it has been answered (as the consumer does, for an exact CamelAdfRestLastPage), and {@link #hasNext()}
 * sends no request while the run knows that a page follows. {@code split(body()).streaming()}, which asks
 * {@code hasNext()} right after each {@code next()}, therefore holds one page in the route while the run holds the
 * next one.
 * <p>
 * The run starts when the iterator is first read. It ends when the iterator is read to its end, when it is closed
 * (the splitter closes it when it stops, also after an exception; the exchange closes a run being read when it
 * completes), when the exchange fails (a split that stops on an exception), or when the producer stops: the iterator
 * then throws rather than end early as if the copy were complete. An iterator nobody read before its exchange
 * completed (the body a {@code ProducerTemplate} hands back) starts its run when it is read. A failure of the run
 * (after retries) is thrown by {@link #hasNext()}. A page over spoolThreshold is in a temporary file that is deleted when the next page is asked
 * for or the iterator closes: read its body before.
 */
public final class AdfRestPageIterator implements Iterator<Message>, Closeable {

    private final String runId;
    private final Function<BooleanSupplier, CopyRun> newRun;
    private final PageMessages messages;
    private final Exchange exchange;
    private final Runnable onStart;
    private final Runnable onClose;
    private final ReentrantLock lock = new ReentrantLock();

    /** The run, from the first read on. */
    private CopyRun run;
    private volatile boolean started;
    /** Whether the exchange closed the run when it completed, before it was read to its end. */
    private volatile boolean closedWithExchange;
    private int handedOut;
    private RunPage current;
    private Message ready;
    private boolean ended;
    /** Whether the run ended normally: the last page was handed out. */
    private boolean complete;
    private volatile boolean closing;
    private volatile boolean stopping;

    /**
     * @param runId    the run's id
     * @param newRun   makes the run (with that id), given what tells it whether to go on (false once the iterator is
     *                 closing); called on the first read
     * @param exchange the exchange whose body this is (pages' header filtering)
     * @param onStart  told once, when the run has started
     * @param onClose  told once, when the run has ended
     */
    AdfRestPageIterator(String runId, Function<BooleanSupplier, CopyRun> newRun, PageMessages messages,
                        Exchange exchange, Runnable onStart, Runnable onClose) {
        this.runId = runId;
        this.newRun = newRun;
        this.messages = messages;
        this.exchange = exchange;
        this.onStart = onStart;
        this.onClose = onClose;
    }

    /** The id of the copy run, as in the pages' CamelAdfRestRunId. */
    public String getRunId() {
        return run == null ? runId : run.runId();
    }

    /** Whether the run has ended: read to its end, failed, or closed. */
    public boolean isClosed() {
        return ended;
    }

    /**
     * Whether a page follows. Known without a request while the page handed out last is not the run's last (the run
     * reads one page ahead); otherwise the next page is fetched.
     *
     * @throws AdfRestException the run failed (after retries), or the producer stopped before it ended
     */
    @Override
    public boolean hasNext() {
        lock.lock();
        try {
            if (ready != null) {
                return true;
            }
            if (!ended && (closing || failed())) {
                end();
            }
            if (ended) {
                if (stopping && !complete) {
                    throw stopped();
                }
                if (closedWithExchange && !complete) {
                    throw new AdfRestException("Run " + getRunId() + " was closed when its exchange completed, after "
                                               + handedOut + " pages were read: read the pages within the route"
                                               + " (split(body()).streaming()), or not at all before it completes");
                }
                return false;
            }
            if (current != null && !current.last()) {
                return true; // the run holds the next page, or the failure that ends it: next() gets either
            }
            advance();
            return ready != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next page.
     *
     * @throws AdfRestException the run failed (after retries), or the producer stopped before it ended
     */
    @Override
    public Message next() {
        lock.lock();
        try {
            if (ready == null && !ended && !closing && !failed()) {
                advance();
            }
            if (ready == null) {
                if (!ended) {
                    hasNext(); // ends the run, or says why it was stopped
                }
                throw new NoSuchElementException("Run " + getRunId() + " has no more pages");
            }
            Message message = ready;
            ready = null;
            handedOut++;
            return message;
        } finally {
            lock.unlock();
        }
    }

    /** Hands the page in hand back to the run as processed and takes the next one; ends the run when none follows. */
    private void advance() {
        if (run == null) {
            run = newRun.apply(() -> !closing);
            started = true;
            onStart.run();
        }
        if (current != null) {
            run.processed();
            current.close();
            current = null;
        }
        RunPage page;
        try {
            page = run.next();
        } catch (RuntimeException e) {
            end();
            throw e;
        }
        if (page == null) {
            complete = run.summary().completed();
            end();
            if (!complete && (!closing || stopping)) {
                stopping = true;
                throw stopped();
            }
            return;
        }
        current = page;
        Message message = new DefaultMessage(exchange.getContext());
        messages.fill(message, exchange, page);
        ready = message;
    }

    /**
     * Whether the exchange this iterator is the body of has failed. Camel's splitter, stopping on an exception, reads
     * on through a streamed iterator to release what it would have made of the rest: no page is fetched for that.
     */
    private boolean failed() {
        if (exchange.getException() != null || exchange.isRouteStop()) {
            closing = true;
            return true;
        }
        return false;
    }

    private AdfRestException stopped() {
        return new AdfRestException("Run " + getRunId() + " was stopped after "
                                    + (run == null ? "0 pages" : run.summary().describe())
                                    + " because its producer stopped: the pages after those were not read");
    }

    /**
     * Ends the run where it stands: no further request is sent, pages fetched ahead are dropped. From another thread
     * while a page is being fetched, the run ends once that fetch returns. Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        if (lock.tryLock()) {
            try {
                end();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * The exchange completed: a run being read ends where it stands (reading on fails); one not started yet starts
     * when the iterator is read.
     */
    void exchangeDone() {
        if (!started) {
            return;
        }
        if (lock.tryLock()) {
            try {
                closedWithExchange = !ended;
            } finally {
                lock.unlock();
            }
        } else {
            closedWithExchange = true; // another thread is reading it: it has not ended
        }
        close();
    }

    /** The producer is stopping: the run ends now or after the page in flight, and reading on fails. */
    void stop() {
        stopping = true;
        close();
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        ready = null;
        try {
            if (current != null) {
                current.close();
                current = null;
            }
            if (run != null) {
                run.close();
            }
        } finally {
            onClose.run();
        }
    }
}
