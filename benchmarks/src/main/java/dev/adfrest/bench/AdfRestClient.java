package dev.adfrest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * adfrest: one route {@code from("adfrest:...?requestInterval=0&repeatCount=1&initialDelay=0")}, as the contract's
 * example, the body handed to the sink: the page as-is, its records ({@code collectionReference}) or its rows
 * ({@code translator}). The route is started when the timed copy begins, and its first poll is due at once
 * ({@code initialDelay=0}: no scheduler delay is counted); the copy ends when the consumer's poll (one copy run)
 * commits. On RANGE workloads it may fetch pages in parallel ({@code parallelRequests}), or split the run over k
 * routes in the same context ({@code partitions=k}); the copy then ends when all k polls have committed.
 */
public final class AdfRestClient implements BenchClient {

    static final String ROUTE = "adfrest";
    private static final long HUGE_MAX_RESPONSE = 2L * 1024 * 1024 * 1024 - 64;

    /** Above every record id of the pages: an incremental run after one that copied everything finds nothing new. */
    static final long WATERMARK_ABOVE_ALL = 1_000_000_000L;

    private final Clients.Kind kind;
    private final int parallelRequests;
    private final int partitions;
    private final boolean incremental;
    private CamelContext camel;
    private Run run;
    private RunEnd end;

    /**
     * @param kind             what the route's body is: the page, its records, or its rows
     * @param parallelRequests the endpoint's parallelRequests on RANGE workloads (1: one page at a time)
     * @param partitions       routes that split a RANGE run ({@code partitions=k}, {@code partition=0..k-1}) in one
     *                         context; 1: one route
     */
    public AdfRestClient(Clients.Kind kind, int parallelRequests, int partitions) {
        this(kind, parallelRequests, partitions, false);
    }

    private AdfRestClient(Clients.Kind kind, int parallelRequests, int partitions, boolean incremental) {
        this.kind = kind;
        this.parallelRequests = parallelRequests;
        this.partitions = partitions;
        this.incremental = incremental;
    }

    /**
     * An incremental copy (NEXT_LINK workloads): {@code ?since={watermark}}, watermarkPath on the records' ids and a
     * watermark above all of them, in a MemoryStateRepository: the run a scheduled copy makes when nothing changed.
     */
    public static AdfRestClient incremental() {
        return new AdfRestClient(Clients.Kind.AS_IS, 1, 1, true);
    }

    @Override
    public void prepare(Run run) throws Exception {
        this.run = run;
        int routes = run.workload().shape() == Workload.Shape.RANGE ? partitions : 1;
        this.end = new RunEnd(routes);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("runEnd", end);
        String uri = uri(run, kind, parallelRequests);
        if (incremental) {
            camel.getRegistry().bind("state", new MemoryStateRepository());
            uri += "&since={watermark}&stateRepository=#state&watermarkPath=RAW($.data[*].id)&watermarkInitialValue="
                   + WATERMARK_ABOVE_ALL; // since: an unknown option, forwarded to the API as a query parameter
        }
        String endpoint = uri;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < routes; i++) {
                    String from = routes == 1 ? endpoint : endpoint + "&partitions=" + routes + "&partition=" + i;
                    RouteDefinition route = from(from).routeId(routeId(i)).autoStartup(false);
                    if (run.workload().shape() == Workload.Shape.HUGE) {
                        route.to("file:" + run.outDir() + "?fileName=" + run.file("adfrest").getFileName())
                                // what landed in the file, as for camel-http: a short file fails the run
                                .process(e -> run.sink().streamed(Files.size(run.file("adfrest"))));
                    } else if (kind == Clients.Kind.RECORDS) {
                        route.process(e -> run.sink().records(e.getMessage().getBody(List.class)));
                    } else if (kind == Clients.Kind.ROWS) {
                        route.process(e -> run.sink().rows(e.getMessage().getBody(List.class)));
                    } else {
                        route.process(e -> run.sink().page(e.getMessage().getBody(byte[].class)));
                    }
                }
            }
        });
        camel.start();
    }

    private String routeId(int partition) {
        return end.routes == 1 ? ROUTE : ROUTE + "-" + partition;
    }

    static String uri(Run run, Clients.Kind kind, int parallelRequests) {
        Workload w = run.workload();
        String common = "&requestInterval=0&repeatCount=1&initialDelay=0&pollStrategy=#runEnd" + switch (kind) {
            case AS_IS -> "";
            case RECORDS -> "&collectionReference=" + w.shape().recordsPath();
            // from a file, as an exported ADF mapping is kept: Camel sanitizes the endpoint URI with a regex a few
            // times at every route start, which costs ~15 ms per call for a 1 KB URI (docs/benchmarks.md)
            case ROWS -> "&translator=file:" + translatorFile(run);
            case SINK -> throw new IllegalArgumentException("a sink workload is AdfRestSinkClient's");
        };
        return switch (w.shape()) {
            // the first page's path as relativeUrl: Graph's carries a query ($top)
            case NEXT_LINK, GRAPH -> "adfrest:" + run.baseUrl() + "?relativeUrl=RAW(" + run.pages().path(1) + ")"
                                     + "&paginationRules=RAW({\"AbsoluteUrl\":\"" + w.shape().nextPath() + "\"})"
                                     + common;
            case RANGE -> "adfrest:" + run.baseUrl()
                          + "?relativeUrl=RAW(" + PageBodies.rangePath(w.id()) + "?offset={offset})"
                          + "&paginationRules=RAW({\"QueryParameters.{offset}\":\"RANGE:0:" + w.rangeEnd() + ":"
                          + Workload.RANGE_STEP + "\"})" + common
                          + (parallelRequests > 1 ? "&parallelRequests=" + parallelRequests : "");
            // the default maxResponseSize (100 MiB) would refuse the page before memory is even tried
            case HUGE -> "adfrest:" + run.firstUrl()
                         + "?paginationRules=RAW({\"AbsoluteUrl\":\"$.next\"})&maxResponseSize=" + HUGE_MAX_RESPONSE
                         + common;
            case SINK -> throw new IllegalArgumentException("a sink workload is AdfRestSinkClient's");
        };
    }

    /** W7's translator, written where the run's files go. */
    private static Path translatorFile(Run run) {
        Path file = run.outDir().toAbsolutePath().resolve(run.workload().id() + "-translator.json");
        try {
            Files.writeString(file, TypedRows.translator(run.workload().shape().recordsPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void copy() throws Exception {
        for (int i = 0; i < end.routes; i++) {
            camel.getRouteController().startRoute(routeId(i));
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
        Files.deleteIfExists(run.file("adfrest"));
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
