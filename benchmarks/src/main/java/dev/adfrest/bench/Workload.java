package dev.adfrest.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark workload: what the API serves, which clients copy it, how they are run, and the targets it checks.
 * Built with {@link #builder}; {@link Workloads} lists them (adding a workload is one entry there, see
 * docs/benchmarks.md).
 *
 * @param id           W1, W2, ... (also the first segment of every request path)
 * @param title        one line for the table
 * @param shape        how pages follow each other
 * @param style        what the records in a page look like
 * @param pages        pages in one run (RANGE: the number of offsets; SINK: the records written)
 * @param pageBytes    the approximate size of one page (HUGE: the exact size of the single page; SINK: of one record)
 * @param batch        SINK: records per request (writeBatchSize); 0 for the others
 * @param latencyMs    server think time before each response
 * @param gzip         pages are sent gzip-encoded, and only to clients that ask for it (SINK: the clients send their
 *                     batches gzip-encoded)
 * @param mode         how runs are made and what is reported
 * @param shortRounds  THROUGHPUT: rounds at full size on the cold client JVM, reported as the short run
 * @param warmupRuns   runs after the short rounds and before the measured ones, not reported
 * @param warmupPages  pages in a warm-up run (smaller than {@code pages} where a full run would take long; SINK:
 *                     records)
 * @param warmupBytes  HUGE: the size of the warm-up page
 * @param runs         measured runs (steady state; COLD_START: JVM starts); medians are taken over them
 * @param heap         -Xmx of each client JVM
 * @param soakMark     a soak: the page after which the "after warm-up" heap is taken (0: no soak)
 * @param oneRequest   every run must make exactly one request (the server's count): an incremental run that finds
 *                     nothing new
 * @param clients      the clients that copy it, in table order
 * @param pagesFor     clients that copy fewer pages than {@code pages} (a sequential client on a latency-bound run)
 * @param targets      what the issue asks of adfrest on it
 */
public record Workload(
        String id,
        String title,
        Shape shape,
        Style style,
        int pages,
        long pageBytes,
        int batch,
        int latencyMs,
        boolean gzip,
        Mode mode,
        int shortRounds,
        int warmupRuns,
        int warmupPages,
        long warmupBytes,
        int runs,
        String heap,
        int soakMark,
        boolean oneRequest,
        List<String> clients,
        Map<String, Integer> pagesFor,
        List<Target> targets) {

    /** How requests follow each other. */
    public enum Shape {
        /** {@code {"page":n,"data":[...],"next":"<absolute URL>"}}, {@code "next":null} on the last page */
        NEXT_LINK("next", "data"),
        /**
         * Microsoft Graph's form: {@code {"@odata.context":..,"@odata.nextLink":"..?$top=..&$skiptoken=..","value":[..]}},
         * no nextLink on the last page; read with the bracket path {@code $['@odata.nextLink']}
         */
        GRAPH("@odata.nextLink", "value"),
        /** {@code ?offset=0,100,...}: the requests are known in advance (ADF's RANGE) */
        RANGE(null, "data"),
        /** one page of pageBytes, {@code "next":null} at its very end, copied as-is to a file */
        HUGE("next", "data"),
        /**
         * the other way: records written to the API ({@code POST /<id>/import}, a JSON array of at most {@code batch}
         * records per request), which counts and drops them
         */
        SINK(null, null);

        private final String nextField;
        private final String recordsField;

        Shape(String nextField, String recordsField) {
            this.nextField = nextField;
            this.recordsField = recordsField;
        }

        /** The top-level field holding the next page's URL (null for RANGE). */
        public String nextField() {
            return nextField;
        }

        /** The top-level field holding the array of records. */
        public String recordsField() {
            return recordsField;
        }

        /** JSONPath of the next link, as an ADF user writes it. */
        public String nextPath() {
            return nextField.matches("[A-Za-z_][A-Za-z0-9_]*") ? "$." + nextField : "$['" + nextField + "']";
        }

        /** JSONPath of the records (a collectionReference). */
        public String recordsPath() {
            return "$." + recordsField;
        }
    }

    /** What one record looks like (see {@link PageBodies}). */
    public enum Style {
        /** id, name, price, active, tags: ASCII */
        PLAIN,
        /** ten fields of ten types (Int64 ... Guid), non-ASCII text: the translator workload */
        TYPED,
        /** Microsoft Graph user objects, non-ASCII names */
        USERS
    }

    /** How a workload is run. */
    public enum Mode {
        /** one client JVM per client: short rounds (cold), warm-up, measured runs (steady state) */
        THROUGHPUT,
        /** a new client JVM per run: JVM start to first page, and RSS after the run */
        COLD_START
    }

    /** RANGE offsets go 0, STEP, 2·STEP, ... */
    public static final int RANGE_STEP = 100;

    /** Whether nginx serves it from files (no latency, pages known in advance) rather than the JVM server. */
    public boolean isStatic() {
        return latencyMs == 0 && (shape == Shape.NEXT_LINK || shape == Shape.GRAPH);
    }

    /** Whether records are written to the API rather than pages read from it. */
    public boolean isSink() {
        return shape == Shape.SINK;
    }

    /** SINK: the requests a run of {@code records} records takes (the last batch may be short). */
    public long batchesOf(long records) {
        return (records + batch - 1) / batch;
    }

    public boolean isSoak() {
        return soakMark > 0;
    }

    public int rangeEnd() {
        return (pages - 1) * RANGE_STEP;
    }

    /** The page counts a run may ask for (measured, warm-up, per-client): the server must have all of them. */
    public List<Integer> servedSizes() {
        List<Integer> sizes = new ArrayList<>(List.of(pages));
        if (warmupRuns > 0 && !sizes.contains(warmupPages)) {
            sizes.add(warmupPages);
        }
        pagesFor.values().stream().filter(p -> !sizes.contains(p)).forEach(sizes::add);
        for (int p : List.copyOf(sizes)) {
            int warm = Math.min(p, warmupPages);
            if (warmupRuns > 0 && !sizes.contains(warm)) {
                sizes.add(warm);
            }
        }
        return sizes;
    }

    public Workload withRuns(int shortRounds, int warmup, int measured) {
        return new Workload(id, title, shape, style, pages, pageBytes, batch, latencyMs, gzip, mode, shortRounds, warmup,
                warmupPages, warmupBytes, measured, heap, soakMark, oneRequest, clients, pagesFor, targets);
    }

    /** The workload as one client copies it (fewer pages for some). */
    public Workload forClient(String client) {
        Integer p = pagesFor.get(client);
        return p == null ? this : withPages(p);
    }

    /** The same workload with {@code pages} pages per run (warm-up runs and soak mark no larger). */
    public Workload withPages(int pages) {
        return new Workload(id, title, shape, style, pages, pageBytes, batch, latencyMs, gzip, mode, shortRounds, warmupRuns,
                Math.min(warmupPages, pages), warmupBytes, runs, heap, Math.min(soakMark, pages), oneRequest, clients, Map.of(),
                targets);
    }

    /** The same workload at its warm-up size. */
    public Workload warmupSized() {
        return new Workload(id, title, shape, style, warmupPages, shape == Shape.HUGE ? warmupBytes : pageBytes, batch,
                latencyMs, gzip, mode, 0, 0, warmupPages, warmupBytes, 1, heap, 0, oneRequest, clients, pagesFor, targets);
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** A workload in a few lines: shape and size, then the run plan, clients and targets. */
    public static final class Builder {
        private final String id;
        private final String title;
        private Shape shape = Shape.NEXT_LINK;
        private Style style = Style.PLAIN;
        private int pages;
        private long pageBytes;
        private int batch;
        private int latencyMs;
        private boolean gzip;
        private Mode mode = Mode.THROUGHPUT;
        private int shortRounds;
        private int warmupRuns;
        private int warmupPages = -1;
        private long warmupBytes;
        private int runs = 1;
        private String heap = "1g";
        private int soakMark;
        private boolean oneRequest;
        private final List<String> clients = new ArrayList<>();
        private final Map<String, Integer> pagesFor = new LinkedHashMap<>();
        private final List<Target> targets = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** Pages of about {@code pageBytes} (RANGE: {@code pages} offsets; HUGE: one page of exactly pageBytes). */
        public Builder pages(Shape shape, int pages, long pageBytes) {
            this.shape = shape;
            this.pages = pages;
            this.pageBytes = pageBytes;
            return this;
        }

        /**
         * A sink: {@code records} records of about {@code recordBytes} written per run, {@code batch} to a request.
         */
        public Builder sink(int records, long recordBytes, int batch) {
            this.shape = Shape.SINK;
            this.pages = records;
            this.pageBytes = recordBytes;
            this.batch = batch;
            return this;
        }

        public Builder style(Style style) {
            this.style = style;
            return this;
        }

        public Builder latencyMs(int latencyMs) {
            this.latencyMs = latencyMs;
            return this;
        }

        public Builder gzip() {
            this.gzip = true;
            return this;
        }

        public Builder coldStart() {
            this.mode = Mode.COLD_START;
            return this;
        }

        /** Short rounds on the cold JVM, warm-up runs of {@code warmupPages}, measured runs. */
        public Builder plan(int shortRounds, int warmupRuns, int warmupPages, int runs) {
            this.shortRounds = shortRounds;
            this.warmupRuns = warmupRuns;
            this.warmupPages = warmupPages;
            this.runs = runs;
            return this;
        }

        /** HUGE: the warm-up page's size. */
        public Builder warmupBytes(long warmupBytes) {
            this.warmupBytes = warmupBytes;
            return this;
        }

        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        public Builder soakMark(int page) {
            this.soakMark = page;
            return this;
        }

        /** Every run must make exactly one request: the server counts them, a run with another count fails. */
        public Builder oneRequestPerRun() {
            this.oneRequest = true;
            return this;
        }

        public Builder clients(String... names) {
            for (String name : names) {
                Clients.spec(name); // fails early on a typo
                clients.add(name);
            }
            return this;
        }

        /** This client copies only {@code pages} pages (offsets). */
        public Builder pagesFor(String client, int pages) {
            pagesFor.put(client, pages);
            return this;
        }

        public Builder target(Target target) {
            targets.add(target);
            return this;
        }

        public Workload build() {
            if (clients.isEmpty()) {
                throw new IllegalStateException(id + " has no clients");
            }
            return new Workload(id, title, shape, style, pages, pageBytes, batch, latencyMs, gzip, mode, shortRounds,
                    warmupRuns, warmupPages < 0 ? pages : warmupPages, warmupBytes, runs, heap, soakMark, oneRequest,
                    List.copyOf(clients), Map.copyOf(pagesFor), List.copyOf(targets));
        }
    }
}
