package dev.adfrest.camel;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import dev.adfrest.camel.source.CopyRun;
import dev.adfrest.camel.source.RunPage;
import dev.adfrest.camel.source.RunStats;
import dev.adfrest.camel.metrics.Metrics;
import dev.adfrest.camel.source.CopyRuns;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Each poll is one copy run; each page becomes one exchange, in order. A page the route fails ends the run there.
 * <p>
 * Operators see its runs through its health check, the {@code adfrest} dev console, its JMX attributes (beside Camel's
 * own of a polling consumer) and, when the application has Micrometer, its meters: all read what the runs report.
 */
@ManagedResource(description = "ADF REST consumer: its copy runs")
public class AdfRestConsumer extends ScheduledPollConsumer {

    /** The threads requests are fetched ahead on (parallelRequests); null when runs fetch one page at a time. */
    private ExecutorService fetchExecutor;
    /** What this consumer's runs did: read by its health check, the dev console, JMX and metrics. */
    private final RunStats stats = new RunStats();
    /** Removes this consumer's meters; a no-op without Micrometer. */
    private AutoCloseable meters;

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
        meters = Metrics.bind(getEndpoint().getCamelContext().getRegistry(), stats, getRouteId(),
                getEndpoint().host(), false);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop(); // interrupts a run in progress
        if (meters != null) {
            meters.close();
            meters = null;
        }
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

    // --- JMX --------------------------------------------------------------------------------------------------------

    @ManagedAttribute(description = "The base URL, secrets masked")
    public String getBaseUrl() {
        return getEndpoint().maskedBaseUrl();
    }

    @ManagedAttribute(description = "The ADF authentication type")
    public String getAuthenticationType() {
        return getEndpoint().getConfiguration().getAuthenticationType();
    }

    @ManagedAttribute(description = "The kinds of pagination rules")
    public String getRuleKinds() {
        return String.join(", ", getEndpoint().ruleKinds());
    }

    @ManagedAttribute(description = "Whether the API has answered since the consumer started (readiness)")
    public boolean isReady() {
        return stats.ready();
    }

    @ManagedAttribute(description = "Whether the last run failed and the API has not answered since")
    public boolean isFailing() {
        return stats.failing() != null;
    }

    @ManagedAttribute(description = "The id of the run in progress; empty between runs")
    public String getCurrentRunId() {
        RunStats.Current c = stats.snapshot().current();
        return c == null ? "" : c.runId();
    }

    @ManagedAttribute(description = "The highest page number the API answered in the run in progress; 0 between runs")
    public int getCurrentRunPage() {
        RunStats.Current c = stats.snapshot().current();
        return c == null ? 0 : c.page();
    }

    @ManagedAttribute(description = "Records the route processed in the run in progress")
    public long getCurrentRunRecords() {
        RunStats.Current c = stats.snapshot().current();
        return c == null ? 0 : c.records();
    }

    @ManagedAttribute(description = "Response bytes of the pages processed in the run in progress")
    public long getCurrentRunBytes() {
        RunStats.Current c = stats.snapshot().current();
        return c == null ? 0 : c.bytes();
    }

    @ManagedAttribute(description = "Milliseconds since the run in progress started")
    public long getCurrentRunElapsedMillis() {
        RunStats.Current c = stats.snapshot().current();
        return c == null ? 0 : c.elapsed().toMillis();
    }

    @ManagedAttribute(description = "Pages per second of the run in progress")
    public double getCurrentRunPagesPerSecond() {
        RunStats.Current c = stats.snapshot().current();
        return c == null ? 0 : c.pagesPerSecond();
    }

    @ManagedAttribute(description = "The last run that ended: its summary")
    public String getLastRunSummary() {
        RunStats.LastRun l = stats.snapshot().last();
        return l == null ? "" : l.runId() + ": " + l.summary();
    }

    @ManagedAttribute(description = "How the last run ended: COMPLETED, FAILED, ROUTE_FAILED, STOPPED or CLOSED")
    public String getLastRunOutcome() {
        RunStats.LastRun l = stats.snapshot().last();
        return l == null ? "" : l.outcome().name();
    }

    @ManagedAttribute(description = "Why the last run ended normally (a pagination stop reason); empty otherwise")
    public String getLastRunStopReason() {
        RunStats.LastRun l = stats.snapshot().last();
        return l == null || l.stopReason() == null ? "" : l.stopReason();
    }

    @ManagedAttribute(description = "The last failure: time, run, page, HTTP status, masked URL and message")
    public String getLastFailure() {
        return AdfRestRunReport.lastFailure(stats.snapshot(), "run", "page");
    }

    @ManagedAttribute(description = "The HTTP status of the last failure; 0 when it was no HTTP error or none")
    public int getLastFailureStatus() {
        RunStats.LastFailure f = stats.snapshot().lastFailure();
        return f == null ? 0 : f.failure().status();
    }

    @ManagedAttribute(description = "Runs started")
    public long getRunsStarted() {
        return stats.snapshot().runsStarted();
    }

    @ManagedAttribute(description = "Runs that ended normally")
    public long getRunsCompleted() {
        return stats.snapshot().runsCompleted();
    }

    @ManagedAttribute(description = "Runs that failed")
    public long getRunsFailed() {
        return stats.snapshot().runsFailed();
    }

    @ManagedAttribute(description = "Requests sent, retries included")
    public long getRequests() {
        return stats.snapshot().requests();
    }

    @ManagedAttribute(description = "Pages the route processed")
    public long getPages() {
        return stats.snapshot().pages();
    }

    @ManagedAttribute(description = "Records in the pages the route processed (a page as received counts one)")
    public long getRecords() {
        return stats.snapshot().records();
    }

    @ManagedAttribute(description = "Response bytes of the pages the route processed")
    public long getBytes() {
        return stats.snapshot().bytes();
    }

    @ManagedAttribute(description = "Retries by cause: http-429=2, timeout=1, ...")
    public String getRetries() {
        return AdfRestRunReport.retries(stats.snapshot());
    }

    @ManagedAttribute(description = "Where the next run would resume (page, method, masked URL); empty when none")
    public String getSavedPosition() {
        CopyRuns.ResumePoint p = AdfRestRunReport.savedPosition(getEndpoint(), getRouteId());
        return p == null ? "" : "run " + p.runId() + " page " + p.page() + ": " + p.method() + " " + p.url();
    }

    @ManagedOperation(description = "Forget the saved resume position: the next run starts at page 1")
    public String clearSavedPosition() {
        CopyRuns runs = getEndpoint().runs();
        if (runs == null) {
            return "The consumer is stopped: nothing cleared";
        }
        if (getEndpoint().getConfiguration().getStateRepository() == null) {
            return "No stateRepository: no position is ever saved";
        }
        return runs.clearSavedPosition(getRouteId()) ? "Saved position cleared: the next run starts at page 1"
                : "No position was saved";
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
