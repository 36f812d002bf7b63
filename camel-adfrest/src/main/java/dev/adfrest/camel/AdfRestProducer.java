package dev.adfrest.camel;

import dev.adfrest.camel.metrics.Metrics;
import dev.adfrest.camel.source.RunStats;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Service;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The producer: ADF's REST sink (operation=write: the exchange's records written in batches) or a copy run per
 * exchange (operation=read: the body becomes its pages). The operation is chosen once, when the producer is made.
 */
public class AdfRestProducer extends DefaultProducer {

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

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService((Service) operation);
        meters = Metrics.bind(getEndpoint().getCamelContext().getRegistry(), getStats(), routeId(),
                getEndpoint().host(), !read);
    }

    @Override
    protected void doStop() throws Exception {
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
}
