package dev.adfrest.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Every client the benchmark knows, by name. A client does one kind of work per page; its ratios are taken against
 * the floor and the camel-http route doing the same kind of work.
 */
public final class Clients {

    /** What a client makes of each page. */
    public enum Kind {
        /** the page as received */
        AS_IS("floor-asis", "camel-http"),
        /** the page's records (collectionReference) */
        RECORDS("floor-records", null),
        /** the page's records mapped to typed rows (translator) */
        ROWS("floor-rows", "camel-http-rows"),
        /** the other way: records written to the API in batches (the sink workloads) */
        SINK("floor-sink", "camel-http-sink");

        private final String floor;
        private final String camel;

        Kind(String floor, String camel) {
            this.floor = floor;
            this.camel = camel;
        }

        /** The floor doing the same work. */
        public String floor() {
            return floor;
        }

        /** The camel-http route doing the same work, or null when there is none. */
        public String camel() {
            return camel;
        }
    }

    /**
     * @param name        as on the command line and in the table
     * @param kind        what it makes of each page
     * @param description one line for the docs
     */
    public record Spec(String name, Kind kind, Supplier<BenchClient> factory, String description) {
    }

    /** Lambdas, not constructor references: a cold-start JVM then loads only the client it runs. */
    public static final List<Spec> ALL = List.of(
            new Spec("floor-asis", Kind.AS_IS, () -> new FloorClient(),
                    "HttpClient 5 loop, Jackson streaming pass picking out the next link, page as-is"),
            new Spec("floor-records", Kind.RECORDS, () -> new FloorRecordsClient(),
                    "HttpClient 5 loop, Jackson readTree, the records array as a List<JsonNode>"),
            new Spec("floor-rows", Kind.ROWS, () -> new FloorRowsClient(),
                    "HttpClient 5 loop, Jackson readTree, each record mapped to a typed row by hand"),
            new Spec("camel-http", Kind.AS_IS, () -> new CamelHttpClient(false),
                    "camel-http route: loopDoWhile, jsonpath for the next link"),
            new Spec("camel-http-rows", Kind.ROWS, () -> new CamelHttpClient(true),
                    "the camel-http route, then jsonpath for the records and a Java bean mapping them to rows"),
            new Spec("adfrest", Kind.AS_IS, () -> new AdfRestClient(Kind.AS_IS, 1, 1), "adfrest: pages as-is"),
            new Spec("adfrest-records", Kind.RECORDS, () -> new AdfRestClient(Kind.RECORDS, 1, 1),
                    "adfrest with collectionReference"),
            new Spec("adfrest-rows", Kind.ROWS, () -> new AdfRestClient(Kind.ROWS, 1, 1), "adfrest with translator"),
            new Spec("adfrest-p8", Kind.AS_IS, () -> new AdfRestClient(Kind.AS_IS, 8, 1),
                    "adfrest with parallelRequests=8 (RANGE)"),
            new Spec("adfrest-p32", Kind.AS_IS, () -> new AdfRestClient(Kind.AS_IS, 32, 1),
                    "adfrest with parallelRequests=32 (RANGE)"),
            new Spec("adfrest-k3", Kind.AS_IS, () -> new AdfRestClient(Kind.AS_IS, 1, 3),
                    "three adfrest routes with partitions=3 in one context (RANGE)"),
            new Spec("adfrest-w", Kind.AS_IS, () -> AdfRestClient.incremental(),
                    "adfrest as an incremental copy whose watermark is above every record"),
            new Spec("floor-sink", Kind.SINK, () -> new FloorSinkClient(),
                    "HttpClient 5 loop, each batch written by Jackson's generator straight into the request body"),
            new Spec("camel-http-sink", Kind.SINK, () -> new CamelHttpSinkClient(false),
                    "camel-http route: the Iterator cut into lists of N, split streaming, marshal().json(), POST"),
            new Spec("camel-http-agg", Kind.SINK, () -> new CamelHttpSinkClient(true),
                    "the issue's camel-http route: split streaming, aggregate N, marshal().json(), POST"),
            new Spec("adfrest-sink", Kind.SINK, () -> new AdfRestSinkClient(),
                    "adfrest's producer: to(\"adfrest:...?writeBatchSize=N\") with the Iterator as body"));

    private Clients() {
    }

    public static Spec spec(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown client '" + name + "'; known: "
                                                                 + ALL.stream().map(Spec::name).toList()));
    }

    public static BenchClient create(String name) {
        return spec(name).factory().get();
    }

    /** The floor doing the same work as {@code client}. */
    public static String floorOf(String client) {
        return spec(client).kind().floor();
    }

    /** The camel-http route doing the same work as {@code client}, or null. */
    public static String camelOf(String client) {
        return spec(client).kind().camel();
    }
}
