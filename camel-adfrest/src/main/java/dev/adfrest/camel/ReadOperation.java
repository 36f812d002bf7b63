package dev.adfrest.camel;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import dev.adfrest.camel.source.CopyRuns;
import dev.adfrest.camel.source.RunStats;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * operation=read: one copy run per exchange, handed to the route as the exchange's body, an
 * {@link AdfRestPageIterator} that fetches pages as it is read. Every run ends: read to its end, closed by the
 * splitter, closed when its exchange completes (a run not started then starts when the iterator is read), or when
 * the producer stops.
 */
final class ReadOperation extends ServiceSupport implements Processor {

    private final AdfRestEndpoint endpoint;
    private final AdfRestProducer producer;
    private final RunStats stats;
    private final Set<AdfRestPageIterator> open = ConcurrentHashMap.newKeySet();
    private ExecutorService fetchExecutor;

    /** @throws IllegalArgumentException naming an option that does not fit operation=read */
    ReadOperation(AdfRestEndpoint endpoint, AdfRestProducer producer, RunStats stats) {
        this.endpoint = endpoint;
        this.producer = producer;
        this.stats = stats;
        if (endpoint.getConfiguration().getStateRepository() != null) {
            throw new IllegalArgumentException("Option 'stateRepository' resumes the runs of a consumer; operation=read"
                                               + " starts a new run for each exchange: remove it from this endpoint");
        }
    }

    @Override
    protected void doStart() throws Exception {
        fetchExecutor = endpoint.runs().newFetchExecutor(this);
    }

    @Override
    protected void doStop() throws Exception {
        for (AdfRestPageIterator pages : List.copyOf(open)) {
            pages.stop(); // a run being read ends after the page in flight; reading on fails
        }
        if (fetchExecutor != null) {
            List<Runnable> queued = endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(fetchExecutor);
            for (Runnable request : queued == null ? List.<Runnable> of() : queued) {
                if (request instanceof Future<?> never) {
                    never.cancel(false);
                }
            }
            fetchExecutor = null;
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CopyRuns runs = endpoint.runs();
        String runId = exchange.getContext().getUuidGenerator().generateUuid();
        String routeId = exchange.getFromRouteId() == null ? runId : exchange.getFromRouteId();
        ExecutorService executor = fetchExecutor;
        AdfRestPageIterator[] self = new AdfRestPageIterator[1];
        AdfRestPageIterator pages = new AdfRestPageIterator(runId,
                going -> runs.newRun(routeId, runId, () -> going.getAsBoolean() && producer.isRunAllowed(), executor,
                        stats),
                endpoint.pageMessages(), exchange, () -> open.add(self[0]), () -> open.remove(self[0]));
        self[0] = pages;
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                pages.exchangeDone(); // a run being read ends, whether or not the route read it all
            }
        });
        exchange.getMessage().setBody(pages);
        exchange.getMessage().setHeader(AdfRestConstants.RUN_ID, runId);
    }
}
