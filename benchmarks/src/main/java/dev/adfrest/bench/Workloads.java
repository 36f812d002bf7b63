package dev.adfrest.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.adfrest.bench.Target.Measure;
import dev.adfrest.bench.Workload.Shape;
import dev.adfrest.bench.Workload.Style;

/**
 * Every workload, at full size; the smoke profile is the same list scaled down to a few pages ({@link #smoke}). A new
 * workload is one more entry in {@link #full()} (see docs/benchmarks.md, "Adding a workload").
 */
public final class Workloads {

    private static final long MIB = 1024L * 1024;

    private Workloads() {
    }

    public static List<Workload> of(String profile) {
        return switch (profile.toLowerCase(Locale.ROOT)) {
            case "full" -> full();
            case "smoke" -> full().stream().map(Workloads::smoke).toList();
            default -> throw new IllegalArgumentException("Unknown profile '" + profile + "' (full, smoke)");
        };
    }

    static List<Workload> full() {
        List<Workload> all = new ArrayList<>();
        // --- issue 7 ---
        all.add(Workload.builder("W1", "2,000 pages x 50 KB, next link in body, no latency")
                .pages(Shape.NEXT_LINK, 2_000, 50_000).plan(10, 2, 2_000, 9)
                .clients("floor-asis", "floor-records", "camel-http", "adfrest", "adfrest-records")
                .target(Target.ratio("adfrest", "floor-asis", 0.9, Measure.PAGES_PER_SEC))
                .target(Target.ratio("adfrest", "camel-http", 1.0, Measure.PAGES_PER_SEC))
                .build());
        all.add(Workload.builder("W2", "2,000 pages x 50 KB, next link in body, 20 ms latency")
                .pages(Shape.NEXT_LINK, 2_000, 50_000).latencyMs(20).plan(0, 1, 200, 2)
                .clients("floor-asis", "camel-http", "adfrest")
                .target(Target.ratio("adfrest", "floor-asis", 0.9, Measure.PAGES_PER_SEC))
                .target(Target.ratio("adfrest", "camel-http", 1.0, Measure.PAGES_PER_SEC))
                .build());
        all.add(Workload.builder("W3", "RANGE over 400 offsets x 50 KB, 20 ms latency")
                .pages(Shape.RANGE, 400, 50_000).latencyMs(20).plan(0, 1, 100, 3)
                .clients("floor-asis", "camel-http", "adfrest", "adfrest-p8")
                .target(Target.speedup("adfrest-p8", "adfrest", 5))
                .build());
        all.add(Workload.builder("W4", "1 page of 512 MiB, next link at its end, to a file")
                .pages(Shape.HUGE, 1, 512 * MIB).plan(0, 1, 1, 3).warmupBytes(32 * MIB).heap("256m")
                .clients("floor-asis", "camel-http", "adfrest")
                .target(Target.ratio("adfrest", "floor-asis", 0.8, Measure.MB_PER_SEC))
                .build());
        all.add(Workload.builder("W4s", "W4 scaled down: 1 page of 64 MiB, to a file")
                .pages(Shape.HUGE, 1, 64 * MIB).plan(0, 1, 1, 3).warmupBytes(16 * MIB).heap("2g")
                .clients("floor-asis", "camel-http", "adfrest")
                .build());
        all.add(Workload.builder("W5", "soak: 100,000 pages x 1 KB, no latency (heap at page 5,000 vs last)")
                .pages(Shape.NEXT_LINK, 100_000, 1_000).plan(0, 1, 5_000, 1).soakMark(5_000)
                .clients("floor-asis", "camel-http", "adfrest")
                .target(Target.of("adfrest heap at the end within 10% of the heap after warm-up, connections reused",
                        Workloads::soakVerdict))
                .build());
        // --- issue 17 ---
        all.add(Workload.builder("W6", "2,000 gzip-encoded pages x 50 KB (Content-Encoding: gzip, asked for)")
                .pages(Shape.NEXT_LINK, 2_000, 50_000).gzip().plan(10, 2, 2_000, 5)
                .clients("floor-asis", "camel-http", "adfrest")
                .target(Target.ratio("adfrest", "floor-asis", 1.0, Measure.PAGES_PER_SEC))
                .build());
        all.add(Workload.builder("W7", "W1 with translator: 2,000 pages x 50 KB of records to rows of 10 typed columns")
                .pages(Shape.NEXT_LINK, 2_000, 50_000).style(Style.TYPED).plan(10, 2, 2_000, 5)
                .clients("floor-rows", "camel-http-rows", "adfrest-rows")
                .target(Target.ratio("adfrest-rows", "floor-rows", 0.8, Measure.PAGES_PER_SEC))
                .target(Target.ratio("adfrest-rows", "camel-http-rows", 2, Measure.PAGES_PER_SEC))
                .build());
        all.add(Workload.builder("W8", "cold start: JVM start to first page, RSS after one run of 100 pages x 50 KB")
                .pages(Shape.NEXT_LINK, 100, 50_000).coldStart().plan(0, 0, 100, 5).heap("256m")
                .clients("floor-asis", "camel-http", "adfrest")
                .target(Target.ratio("adfrest", "camel-http", 1.2, Measure.COLD_FIRST_PAGE))
                .target(Target.ratio("adfrest", "camel-http", 1.2, Measure.COLD_RSS))
                .build());
        all.add(Workload.builder("W9", "RANGE over 2,000 offsets x 50 KB, 100 ms latency, parallelRequests=32")
                .pages(Shape.RANGE, 2_000, 50_000).latencyMs(100).plan(0, 1, 64, 3).heap("128m")
                // one page at a time is 10 pages/s at 100 ms whatever the count: 200 offsets show it in 20 s
                .clients("adfrest", "adfrest-p32").pagesFor("adfrest", 200)
                .target(Target.speedup("adfrest-p32", "adfrest", 25))
                .target(Target.of("adfrest-p32 completes under -Xmx128m", Workloads::heapVerdict))
                .build());
        all.add(Workload.builder("W10", "Graph-style: 2,000 pages x 50 KB, $['@odata.nextLink'], non-ASCII users")
                .pages(Shape.GRAPH, 2_000, 50_000).style(Style.USERS).plan(10, 2, 2_000, 9)
                .clients("floor-asis", "floor-records", "camel-http", "adfrest", "adfrest-records")
                .target(Target.ratio("adfrest", "floor-asis", 1.0, Measure.PAGES_PER_SEC))
                .target(Target.ratio("adfrest", "floor-asis", 1.0, Measure.SHORT_PAGES_PER_SEC))
                .target(Target.ratio("adfrest-records", "floor-records", 1.0, Measure.PAGES_PER_SEC))
                .target(Target.ratio("adfrest-records", "floor-records", 1.0, Measure.SHORT_PAGES_PER_SEC))
                .build());
        // --- issue 15 ---
        all.add(Workload.builder("W11", "an incremental run that finds nothing new: 1 small page, no latency")
                .pages(Shape.NEXT_LINK, 1, 100).plan(0, 30, 1, 60).heap("256m").oneRequestPerRun()
                .clients("floor-asis", "camel-http", "adfrest", "adfrest-w")
                .target(Target.of("an adfrest-w run that finds nothing new makes one request", Workloads::oneRequest))
                .build());
        all.add(Workload.builder("W12", "RANGE over 300 offsets x 50 KB, 20 ms latency: one route vs 3 partitions")
                .pages(Shape.RANGE, 300, 50_000).latencyMs(20).plan(0, 1, 60, 3)
                .clients("adfrest", "adfrest-p8", "adfrest-k3")
                .target(Target.speedup("adfrest-k3", "adfrest", 2.5))
                .build());
        // --- issue 12: the sink, one workload per batch size and compression ---
        for (int batch : new int[] {100, 1_000, 10_000}) {
            for (boolean gzip : new boolean[] {false, true}) {
                Workload.Builder s1 = Workload.builder(sinkId(batch, gzip), String.format(Locale.ROOT,
                        "sink: 1,000,000 records of ~200 bytes from an Iterator, %,d per request%s", batch,
                        gzip ? ", gzip" : "")).sink(1_000_000, 200, batch).plan(0, 2, 200_000, 5).heap("256m")
                        .clients("floor-sink", "camel-http-sink", "camel-http-agg", "adfrest-sink");
                if (gzip) {
                    s1.gzip();
                }
                if (batch == 1_000 && !gzip) {
                    s1.target(Target.ratio("adfrest-sink", "floor-sink", 0.9, Measure.RECORDS_PER_SEC))
                            .target(Target.ratio("adfrest-sink", "camel-http-sink", 1.5, Measure.RECORDS_PER_SEC));
                }
                all.add(s1.build());
            }
        }
        return all;
    }

    /** S1-100, S1-100-gzip, S1-1000, ...: the sink workload of one batch size and compression. */
    static String sinkId(int batch, boolean gzip) {
        return "S1-" + batch + (gzip ? "-gzip" : "");
    }

    private static String soakVerdict(Table t, Workload w) {
        Optional<Table.Steady> adf = t.steady(w.id(), "adfrest");
        if (adf.isEmpty()) {
            return "NOT MET (" + t.status(w.id(), "adfrest") + ")";
        }
        Table.Steady r = adf.get();
        double growth = (r.heapAtEndMb() - r.heapAtMarkMb()) / r.heapAtMarkMb();
        return Target.verdict(growth <= 0.10, String.format(Locale.ROOT, "%+.1f%%", 100 * growth)) + " / "
               + Target.verdict(r.connections() <= 4, String.format(Locale.ROOT, "%.0f connections", r.connections()));
    }

    /** Every measured run of adfrest-w passed the server's count of one request (a run with another count fails). */
    private static String oneRequest(Table t, Workload w) {
        return t.steady(w.id(), "adfrest-w")
                .map(r -> Target.verdict(r.requests() == 1, String.format(Locale.ROOT, "%.0f request(s) per run, %d runs",
                        r.requests(), r.runs())))
                .orElse("NOT MET (" + t.status(w.id(), "adfrest-w") + ")");
    }

    private static String heapVerdict(Table t, Workload w) {
        return t.steady(w.id(), "adfrest-p32")
                .map(r -> Target.verdict(true, String.format(Locale.ROOT, "peak heap %.0f MB, live %s MB", r.peakHeapMb(),
                        Table.figure(r.liveHeapMb()))))
                .orElse("NOT MET (" + t.status(w.id(), "adfrest-p32") + ")");
    }

    /**
     * A workload at smoke size: a few small pages, a millisecond or two of latency, one short round or two, one
     * measured run. Clients and targets stay (the targets' verdicts mean nothing at this size).
     */
    static Workload smoke(Workload w) {
        if (w.isSink()) {
            // the real batch size, two and a half batches (full, full, half); the warm-up: one batch and one record
            int records = w.batch() * 5 / 2;
            return new Workload(w.id(), "smoke: " + w.title(), w.shape(), w.style(), records, w.pageBytes(), w.batch(),
                    0, w.gzip(), w.mode(), 0, Math.min(w.warmupRuns(), 1), w.batch() + 1, 0, 1, "256m", 0, false,
                    w.clients(), Map.of(), w.targets());
        }
        boolean huge = w.shape() == Shape.HUGE;
        int pages = huge ? 1 : Math.min(w.pages(), w.isSoak() ? 50 : w.shape() == Shape.RANGE ? 10 : 20);
        Map<String, Integer> pagesFor = new LinkedHashMap<>();
        w.pagesFor().forEach((client, p) -> pagesFor.put(client, Math.min(p, 5)));
        return new Workload(w.id(), "smoke: " + w.title(), w.shape(), w.style(), pages,
                huge ? MIB : Math.min(w.pageBytes(), 3_000), 0, Math.min(w.latencyMs(), 2), w.gzip(), w.mode(),
                Math.min(w.shortRounds(), 2), Math.min(w.warmupRuns(), 1), Math.min(w.warmupPages(), 5), MIB,
                1, "256m".equals(w.heap()) || "128m".equals(w.heap()) ? w.heap() : "256m", w.isSoak() ? 10 : 0,
                w.oneRequest(), w.clients(), Map.copyOf(pagesFor), w.targets());
    }

    public static Workload byId(String profile, String id) {
        return of(profile).stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No workload " + id + " in profile " + profile));
    }
}
