package dev.adfrest.camel;

import dev.adfrest.camel.metrics.Metrics;
import dev.adfrest.camel.source.RunStats;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Service;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The producer: ADF's REST sink (operation=write: the exchange's records written in batches) or a copy run per
 * exchange (operation=read: the body becomes its pages). The operation is chosen once, when the producer is made.
 * <p>
 * Operators see what it did through its health check ({@code healthCheckProducerEnabled}), the {@code adfrest} dev
 * console, its JMX attributes (beside Camel's own of a producer) and, with Micrometer, its meters: all read the
 * endpoint's {@link #getStats() stats}, which every producer of the endpoint reports to. With operation=write each
 * exchange's write counts as a run and its batches as pages.
 */
@ManagedResource(description = "ADF REST producer: the records it wrote (operation=write) or the runs it read")
public class AdfRestProducer extends DefaultAsyncProducer {

    private final Processor operation;
    private final boolean read;
    /** Removes this producer's meters again; set while it runs. */
    private AutoCloseable meters;

    AdfRestProducer(AdfRestEndpoint endpoint, boolean read) {
        super(endpoint);
        RunStats stats = endpoint.getProducerStats();
        this.read = read;
        this.operation = read ? new ReadOperation(endpoint, this, stats) : new WriteOperation(endpoint, stats);
    }

    @Override
    public AdfRestEndpoint getEndpoint() {
        return (AdfRestEndpoint) super.getEndpoint();
    }

    /** What the producers of this endpoint have done (see {@link AdfRestEndpoint#getProducerStats()}). */
    public RunStats getStats() {
        return getEndpoint().getProducerStats();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        operation.process(exchange);
    }

    /**
     * Writes (or reads) on the caller's thread and completes before it returns: the route's next step sees the
     * result. An async producer only so that Camel manages this object itself (JMX), not a bridge around it.
     */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService((Service) operation);
        meters = Metrics.bind(getEndpoint().getCamelContext().getRegistry(), getStats(), routeId(),
                getEndpoint().host(), !read);
        getEndpoint().producerHealthCheck().producerStarted();
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().producerHealthCheck().producerStopped();
        if (meters != null) {
            meters.close();
            meters = null;
        }
        ServiceHelper.stopService((Service) operation);
        super.doStop();
    }

    /**
     * The route tag of the meters: "producer" and the masked base URL, as a producer may serve several routes (and
     * its endpoint URI may hold secrets).
     */
    private String routeId() {
        return "producer " + getEndpoint().maskedBaseUrl();
    }

    // --- JMX: the figures of the endpoint's producers (see getStats) ----------------------------------------------

    @ManagedAttribute(description = "What the producer does: write (ADF's REST sink) or read (a copy run per exchange)")
    public String getOperation() {
        return read ? "read" : "write";
    }

    @ManagedAttribute(description = "The base URL, secrets masked")
    public String getBaseUrl() {
        return getEndpoint().maskedBaseUrl();
    }

    @ManagedAttribute(description = "The ADF authentication type")
    public String getAuthenticationType() {
        return getEndpoint().getConfiguration().getAuthenticationType();
    }

    @ManagedAttribute(description = "Whether the last write (or run) failed against the API and none succeeded since:"
                                    + " the producer's health is DOWN")
    public boolean isFailing() {
        return getStats().failing() != null;
    }

    @ManagedAttribute(description = "Records the API took (operation=write)")
    public long getRecordsWritten() {
        return getStats().snapshot().recordsWritten();
    }

    @ManagedAttribute(description = "Exchanges written (operation=write) or copy runs started (operation=read)")
    public long getRunsStarted() {
        return getStats().snapshot().runsStarted();
    }

    @ManagedAttribute(description = "Exchanges whose records were all written, or copy runs that ended normally")
    public long getRunsCompleted() {
        return getStats().snapshot().runsCompleted();
    }

    @ManagedAttribute(description = "Exchanges whose write failed against the API, or copy runs that failed")
    public long getRunsFailed() {
        return getStats().snapshot().runsFailed();
    }

    @ManagedAttribute(description = "Requests sent, retries included")
    public long getRequests() {
        return getStats().snapshot().requests();
    }

    @ManagedAttribute(description = "Pages read (operation=read); batches are not counted here")
    public long getPages() {
        return getStats().snapshot().pages();
    }

    @ManagedAttribute(description = "Records in the pages read (operation=read)")
    public long getRecords() {
        return getStats().snapshot().records();
    }

    @ManagedAttribute(description = "Retries by cause: http-429=2, timeout=1, ...")
    public String getRetries() {
        return AdfRestRunReport.retries(getStats().snapshot());
    }

    @ManagedAttribute(description = "The last write (or run) that ended: its summary (batches as pages for a write)")
    public String getLastRunSummary() {
        RunStats.LastRun l = getStats().snapshot().last();
        return l == null ? "" : l.runId() + ": " + l.summary();
    }

    @ManagedAttribute(description = "How the last write (or run) ended: COMPLETED, FAILED (the API), ROUTE_FAILED (no"
                                    + " records in the body), STOPPED or CLOSED")
    public String getLastRunOutcome() {
        RunStats.LastRun l = getStats().snapshot().last();
        return l == null ? "" : l.outcome().name();
    }

    @ManagedAttribute(description = "The last failure: time, exchange (or run), batch (or page), HTTP status, masked URL"
                                    + " and message")
    public String getLastFailure() {
        return AdfRestRunReport.lastFailure(getStats().snapshot(), read ? "run" : "exchange", read ? "page" : "batch");
    }

    @ManagedAttribute(description = "The HTTP status of the last failure; 0 when it was no HTTP error or none")
    public int getLastFailureStatus() {
        RunStats.LastFailure f = getStats().snapshot().lastFailure();
        return f == null ? 0 : f.failure().status();
    }
}
