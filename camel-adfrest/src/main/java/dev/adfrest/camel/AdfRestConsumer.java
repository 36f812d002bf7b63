package dev.adfrest.camel;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import dev.adfrest.camel.source.CopyRun;
import dev.adfrest.camel.source.RunPage;
import dev.adfrest.camel.source.RunStats;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Each poll is one copy run; each page becomes one exchange, in order. A page the route fails ends the run there.
 */
public class AdfRestConsumer extends ScheduledPollConsumer {

    /** The threads requests are fetched ahead on (parallelRequests); null when runs fetch one page at a time. */
    private ExecutorService fetchExecutor;
    /** What this consumer's runs did: read by its health check, the dev console, JMX and metrics. */
    private final RunStats stats = new RunStats();

    public AdfRestConsumer(AdfRestEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** Readiness from the runs' own reports (before Camel's default check for polling consumers is made). */
    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            setHealthCheck(new AdfRestConsumerHealthCheck(this, "consumer:" + getRouteId()));
        }
        super.doBuild();
    }

    @Override
    public AdfRestEndpoint getEndpoint() {
        return (AdfRestEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        fetchExecutor = getEndpoint().runs().newFetchExecutor(this);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop(); // interrupts a run in progress
        if (fetchExecutor != null) {
            List<Runnable> queued = getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(fetchExecutor);
            for (Runnable request : queued == null ? List.<Runnable> of() : queued) {
                if (request instanceof Future<?> never) {
                    never.cancel(false); // no run may wait for a request that will never be sent
                }
            }
            fetchExecutor = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        String newRunId = getEndpoint().getCamelContext().getUuidGenerator().generateUuid();
        // Camel's graceful shutdown suspends the consumer first and waits for it, while isRunAllowed() stays true:
        // the run stops after the page in progress (a later poll resumes after the last page processed)
        CopyRun run = getEndpoint().runs().newRun(getRouteId(), newRunId,
                () -> isRunAllowed() && !isSuspendingOrSuspended(), fetchExecutor, stats);
        return run.execute(this::deliver).pages();
    }

    /** What this consumer's runs did. */
    RunStats stats() {
        return stats;
    }

    /** Routes one page: its exchange, the route, the route's verdict. */
    private boolean deliver(RunPage page) {
        Exchange exchange = createExchange(page);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            return verdict(exchange, page);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** The exchange of a page: the page's headers and body. */
    private Exchange createExchange(RunPage page) {
        Exchange exchange = createExchange(false);
        try {
            getEndpoint().pageMessages().fill(exchange, page);
            return exchange;
        } catch (RuntimeException e) {
            page.close(); // the exchange never runs: nothing else will
            releaseExchange(exchange, false);
            throw e;
        }
    }

    /**
     * Reads the route's verdict on a page: processed, or failed (an exception, or a failure the route's error handler
     * dealt with: dead letter, handled(true)), which ends the run.
     */
    private boolean verdict(Exchange exchange, RunPage page) {
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Failed processing page " + page.number() + " of run " + page.runId(),
                    exchange, exchange.getException());
            return false;
        }
        return !Boolean.TRUE.equals(exchange.getExchangeExtension().getErrorHandlerHandled());
    }
}
