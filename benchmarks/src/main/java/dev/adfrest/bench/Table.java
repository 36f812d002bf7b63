package dev.adfrest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Medians per workload and client, ratios against the floor and the camel-http route, and issue 7's targets. */
final class Table {

    private static final double MB = 1e6;

    private final List<Workload> workloads;
    private final List<String> clients;
    private final List<RunResult> results;
    private final String loadAtStart;

    Table(List<Workload> workloads, List<String> clients, List<RunResult> results, String loadAtStart) {
        this.loadAtStart = loadAtStart;
        this.workloads = workloads;
        this.clients = clients;
        this.results = results;
    }

    /** Medians of one client's successful measured runs on one workload; empty when none succeeded. */
    record Row(int runs, double pagesPerSec, double mbPerSec, double cpuPer1k, double peakHeapMb, double liveHeapMb,
               double rssMb, double connections, double heapAtMarkMb, double heapAtEndMb) {
    }

    Optional<Row> row(String workload, String client) {
        List<RunResult> ok = runs(workload, client).stream().filter(RunResult::ok).toList();
        if (ok.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Row(ok.size(),
                median(ok, r -> r.pages() / seconds(r.wallNanos())),
                median(ok, r -> r.bytes() / MB / seconds(r.wallNanos())),
                median(ok, r -> seconds(r.cpuNanos()) * 1000.0 / r.pages()),
                median(ok, r -> r.peakHeap() / MB),
                medianOrNaN(ok.stream().filter(r -> r.liveHeap() > 0).toList(), r -> r.liveHeap() / MB),
                median(ok, r -> r.rssPeak() / MB),
                median(ok, RunResult::connections),
                median(ok, r -> r.heapAtMark() / MB),
                median(ok, r -> r.heapAtEnd() / MB)));
    }

    private List<RunResult> runs(String workload, String client) {
        return results.stream().filter(r -> r.workload().equals(workload) && r.client().equals(client)).toList();
    }

    private String status(String workload, String client) {
        LinkedHashSet<String> statuses = new LinkedHashSet<>();
        runs(workload, client).stream().filter(r -> !r.ok()).forEach(r -> statuses.add(r.status()));
        return statuses.isEmpty() ? "no run" : String.join("; ", statuses);
    }

    String render(String profile, Duration took, boolean inProcess) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Profile %s, %d cores, %s %s, load average %s at the start, %s at the end,"
                                             + " took %d s%s.%n%n", profile,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), loadAtStart, loadAverage(), took.toSeconds(),
                inProcess ? ", clients in the harness JVM (CPU and heap include the server)" : ", one JVM per client"));
        sb.append("| workload | client | runs | pages/s | MB/s | CPU s / 1k pages | peak heap MB | live heap MB "
                  + "| RSS MB | conns / run | x floor | x camel-http |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Workload w : workloads) {
            for (String client : Bench.clientsOn(w, clients)) {
                Optional<Row> row = row(w.id(), client);
                if (row.isEmpty()) {
                    sb.append(String.format("| %s | %s | 0 | %s | | | | | | | | |%n", w.id(), client,
                            status(w.id(), client)));
                    continue;
                }
                Row r = row.get();
                sb.append(String.format(Locale.ROOT,
                        "| %s | %s | %d | %s | %.1f | %s | %.0f | %s | %.0f | %.0f | %s | %s |%n",
                        w.id(), client, r.runs(), figure(r.pagesPerSec()), r.mbPerSec(), figure(r.cpuPer1k()), r.peakHeapMb(),
                        Double.isNaN(r.liveHeapMb()) ? "-" : String.format(Locale.ROOT, "%.0f", r.liveHeapMb()),
                        r.rssMb(), r.connections(),
                        ratio(w, client, "floor"), ratio(w, client, "camel-http")));
            }
        }
        sb.append("\nMedians over the measured runs. MB = 10^6 bytes. CPU: the client JVM's process CPU time (all threads,"
                  + " GC and JIT included) per 1,000 pages. Peak heap: sum of the heap pools' peaks (an upper bound; mostly"
                  + " the young generation's size). Live heap: the largest heap left after a GC during the run (- when no GC"
                  + " ran). RSS: VmHWM of the client JVM during the run. Conns: TCP connections the server accepted during the"
                  + " run. x floor, x camel-http: ratio of median throughput.\n\n");
        for (Workload w : workloads) {
            sb.append(String.format("- %s: %s; %d warm-up + %d measured runs, -Xmx%s%n", w.id(), w.title(),
                    w.warmupRuns(), w.runs(), w.heap()));
        }
        workloads.stream().filter(Workload::isSoak).forEach(w -> soak(sb, w));
        sb.append(targets());
        return sb.toString();
    }

    private String ratio(Workload w, String client, String base) {
        if (client.equals(base)) {
            return "";
        }
        Optional<Row> mine = row(w.id(), client);
        Optional<Row> theirs = row(w.id(), base);
        if (mine.isEmpty() || theirs.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", mine.get().pagesPerSec() / theirs.get().pagesPerSec());
    }

    private void soak(StringBuilder sb, Workload w) {
        sb.append(String.format("%n%s soak: heap after a full GC at page %,d (after warm-up) and at page %,d (end), "
                                + "inside the run%n%n", w.id(), w.soakMark(), w.pages()));
        sb.append("| client | heap @ warm-up MB | heap @ end MB | growth | conns in soak |\n|---|---:|---:|---:|---:|\n");
        for (String client : Bench.clientsOn(w, clients)) {
            row(w.id(), client).ifPresentOrElse(r -> sb.append(String.format(Locale.ROOT,
                    "| %s | %.1f | %.1f | %+.1f%% | %.0f |%n", client, r.heapAtMarkMb(), r.heapAtEndMb(),
                    100 * (r.heapAtEndMb() - r.heapAtMarkMb()) / r.heapAtMarkMb(), r.connections())),
                    () -> sb.append(String.format("| %s | %s | | | |%n", client, status(w.id(), client))));
        }
    }

    /** Issue 7's targets for adfrest, met or not, from this run's figures. */
    private String targets() {
        List<String> lines = new ArrayList<>();
        for (Workload w : workloads) {
            Optional<Row> adf = row(w.id(), "adfrest");
            Optional<Row> floor = row(w.id(), "floor");
            Optional<Row> camel = row(w.id(), "camel-http");
            switch (w.id()) {
                case "W1", "W2" -> lines.add(w.id() + ": adfrest >= 0.9x floor and >= 1.0x camel-http pages/s: "
                        + verdict(adf, floor, 0.9, Row::pagesPerSec) + " / " + verdict(adf, camel, 1.0, Row::pagesPerSec));
                case "W3" -> lines.add("W3: adfrest parallelRequests=8 >= 5x sequential (adfrest-p8 / adfrest pages/s): "
                        + verdict(row(w.id(), "adfrest-p8"), adf, 5.0, Row::pagesPerSec));
                case "W7" -> lines.add("W7: adfrest partitions=3 in one JVM >= 2.5x one route (adfrest-k3 / adfrest"
                        + " pages/s): " + verdict(row(w.id(), "adfrest-k3"), adf, 2.5, Row::pagesPerSec));
                case "W4" -> lines.add("W4: adfrest completes under -Xmx" + w.heap() + " at >= 0.8x floor MB/s: "
                        + (adf.isEmpty() ? "NOT MET (" + status(w.id(), "adfrest") + ")" : verdict(adf, floor, 0.8, Row::mbPerSec)));
                case "W5" -> lines.add("W5: adfrest heap at end within 10% of heap after warm-up, connections reused: "
                        + adf.map(r -> {
                            double growth = (r.heapAtEndMb() - r.heapAtMarkMb()) / r.heapAtMarkMb();
                            return String.format(Locale.ROOT, "%s (%+.1f%%) / %s (%.0f connections)",
                                    growth <= 0.10 ? "met" : "NOT MET", 100 * growth,
                                    r.connections() <= 4 ? "met" : "NOT MET", r.connections());
                        }).orElse("NOT MET (" + status(w.id(), "adfrest") + ")"));
                default -> {
                }
            }
        }
        return lines.isEmpty() ? "" : "\nTargets of issues 7 and 15 (this run):\n\n" + String.join("\n", lines.stream().map(l -> "- " + l).toList()) + "\n";
    }

    private static String verdict(Optional<Row> mine, Optional<Row> base, double factor, ToDoubleFunction<Row> metric) {
        if (mine.isEmpty() || base.isEmpty()) {
            return "no figure";
        }
        double ratio = metric.applyAsDouble(mine.get()) / metric.applyAsDouble(base.get());
        return String.format(Locale.ROOT, "%s (%.2fx)", ratio >= factor ? "met" : "NOT MET", ratio);
    }

    /** The 1, 5 and 15 minute load averages: how busy the machine was besides the benchmark. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Three significant digits at most, whole numbers from 100 up: 2794, 44.5, 0.380, 0.00213. */
    private static String figure(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** NaN (shown as "-") when no run had a GC: then nothing tells what was live. */
    private static double medianOrNaN(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
        return runs.isEmpty() ? Double.NaN : median(runs, f);
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
