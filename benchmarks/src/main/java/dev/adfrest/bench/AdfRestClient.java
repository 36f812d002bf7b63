package dev.adfrest.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * (c) adfrest: one route {@code from("adfrest:...?requestInterval=0&repeatCount=1")}, as the contract's example. The
 * route is started when the timed copy begins; the copy ends when the consumer's poll (one copy run) commits. On RANGE
 * workloads it may fetch pages in parallel ({@code parallelRequests}), or split the run over k routes in the same
 * context ({@code partitions=k}); the copy then ends when all k polls have committed.
 */
public final class AdfRestClient implements BenchClient {

    static final String ROUTE = "adfrest";
    private static final long HUGE_MAX_RESPONSE = 2L * 1024 * 1024 * 1024 - 64;

    /** Above every record id of the pages: an incremental run after one that copied everything finds nothing new. */
    static final long WATERMARK_ABOVE_ALL = 1_000_000_000L;

    private final int parallelRequests;
    private final int partitions;
    private final boolean incremental;
    private CamelContext camel;
    private Run run;
    private RunEnd end;

    /** @param parallelRequests the endpoint's parallelRequests on RANGE workloads (1: one page at a time) */
    public AdfRestClient(int parallelRequests) {
        this(parallelRequests, 1);
    }

    /** @param partitions routes that split a RANGE run (partitions=k, partition=0..k-1); 1: one route */
    public AdfRestClient(int parallelRequests, int partitions) {
        this(parallelRequests, partitions, false);
    }

    private AdfRestClient(int parallelRequests, int partitions, boolean incremental) {
        this.parallelRequests = parallelRequests;
        this.partitions = partitions;
        this.incremental = incremental;
    }

    /**
     * An incremental copy (NEXT_LINK workloads): {@code ?since={watermark}}, watermarkPath on the records' ids and a
     * watermark above all of them, in a MemoryStateRepository: the run a scheduled copy makes when nothing changed.
     */
    public static AdfRestClient incremental() {
        return new AdfRestClient(1, 1, true);
    }

    @Override
    public void prepare(Run run) throws Exception {
        this.run = run;
        int routes = run.workload().shape() == Workload.Shape.RANGE ? partitions : 1;
        this.end = new RunEnd(routes);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("runEnd", end);
        String uri = incremental ? incrementalUri(run) : uri(run, parallelRequests);
        if (incremental) {
            camel.getRegistry().bind("state", new org.apache.camel.support.processor.state.MemoryStateRepository());
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (run.workload().shape() == Workload.Shape.HUGE) {
                    from(uri).routeId(ROUTE).autoStartup(false)
                            .to("file:" + run.outDir() + "?fileName=" + run.file("adfrest").getFileName())
                            // what landed in the file, as for camel-http: a short file fails the run
                            .process(e -> run.sink().streamed(java.nio.file.Files.size(run.file("adfrest"))));
                } else if (routes == 1) {
                    from(uri).routeId(ROUTE).autoStartup(false)
                            .process(e -> run.sink().page(e.getMessage().getBody(byte[].class)));
                } else {
                    for (int i = 0; i < routes; i++) {
                        from(uri + "&partitions=" + routes + "&partition=" + i).routeId(ROUTE + "-" + i)
                                .autoStartup(false)
                                .process(e -> run.sink().page(e.getMessage().getBody(byte[].class)));
                    }
                }
            }
        });
        camel.start();
    }

    static String uri(Run run, int parallelRequests) {
        Workload w = run.workload();
        String common = "&requestInterval=0&repeatCount=1&initialDelay=0&pollStrategy=#runEnd";
        return switch (w.shape()) {
            case NEXT_LINK -> "adfrest:" + run.firstUrl()
                              + "?paginationRules=RAW({\"AbsoluteUrl\":\"$.next\"})" + common;
            case RANGE -> "adfrest:" + run.baseUrl()
                          + "?relativeUrl=RAW(" + PageBodies.rangePath(w.id()) + "?offset={offset})"
                          + "&paginationRules=RAW({\"QueryParameters.{offset}\":\"RANGE:0:" + w.rangeEnd() + ":"
                          + Workload.RANGE_STEP + "\"})" + common
                          + (parallelRequests > 1 ? "&parallelRequests=" + parallelRequests : "");
            // the default maxResponseSize (100 MiB) would refuse the page before memory is even tried
            case HUGE -> "adfrest:" + run.firstUrl()
                         + "?paginationRules=RAW({\"AbsoluteUrl\":\"$.next\"})&maxResponseSize=" + HUGE_MAX_RESPONSE
                         + common;
        };
    }

    /** The NEXT_LINK URI with {@code since={watermark}} and a watermark above every record id. */
    static String incrementalUri(Run run) {
        return uri(run, 1).replaceFirst("\\?", "?since={watermark}&") + "&stateRepository=#state"
               + "&watermarkPath=RAW($.data[*].id)&watermarkInitialValue=" + WATERMARK_ABOVE_ALL;
    }

    @Override
    public void copy() throws Exception {
        if (end.routes == 1) {
            camel.getRouteController().startRoute(ROUTE);
        } else {
            for (int i = 0; i < end.routes; i++) {
                camel.getRouteController().startRoute(ROUTE + "-" + i);
            }
        }
        if (!end.done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the adfrest run did not end within 30 minutes");
        }
        if (end.failure != null) {
            throw new IllegalStateException("the adfrest run failed: " + end.failure, end.failure);
        }
    }

    @Override
    public void finish() throws Exception {
        camel.close();
        java.nio.file.Files.deleteIfExists(run.file("adfrest"));
    }

    /** Tells the benchmark when the one poll (= one copy run) of each route is over, and how. */
    static final class RunEnd implements PollingConsumerPollStrategy {
        final int routes;
        final CountDownLatch done;
        volatile Throwable failure;

        RunEnd(int routes) {
            this.routes = routes;
            this.done = new CountDownLatch(routes);
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            done.countDown();
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            failure = cause;
            while (done.getCount() > 0) {
                done.countDown(); // one route failed: the copy failed
            }
            return false;
        }
    }
}
