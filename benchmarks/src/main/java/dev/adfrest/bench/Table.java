package dev.adfrest.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One run's figures: medians of the measured runs per workload and client, the short run (the rounds on the cold
 * JVM), cold starts, ratios against the floor and the camel-http route doing the same work, and the targets.
 */
public final class Table {

    private static final double MB = 1e6;

    private final List<Workload> workloads;
    private final List<String> clients;
    private final List<RunResult> results;
    private final Context context;

    Table(List<Workload> workloads, List<String> clients, List<RunResult> results, Context context) {
        this.workloads = workloads;
        this.clients = clients;
        this.results = results;
        this.context = context;
    }

    /**
     * What a run was, besides its results: enough to render its table again ({@code Bench --render DIR}).
     *
     * @param args        the harness's arguments (which workloads, clients and run counts)
     * @param loadAtStart the load averages (1, 5, 15 minutes) when the run started
     * @param loadAtEnd   the load averages when it ended
     * @param servers     the API's processes, one line each
     * @param loads       the load averages when each workload ended, by workload id
     */
    public record Context(List<String> args, int cores, String jvm, String loadAtStart, String loadAtEnd,
                          long tookSeconds, List<String> servers, Map<String, String> loads) {
    }

    /**
     * Medians of one client's successful measured runs on one workload. CPU in s per 1,000 pages (and per 1,000,000
     * records where there are records: NaN otherwise); busy in % of a core.
     */
    record Steady(int runs, double pagesPerSec, double mbPerSec, double cpuPer1k, double serverCpuPer1k,
                  double clientBusy, double serverBusy, double firstPageMs, double peakHeapMb, double liveHeapMb,
                  double rssMb, double connections, double requests, double heapAtMarkMb, double heapAtEndMb,
                  double recordsPerSec, double cpuPer1M, double serverCpuPer1M) {
    }

    /** The short run: all rounds on the cold JVM together (pages over wall time), and its first round alone. */
    record Short(int rounds, double pagesPerSec, double cpuPer1k, double firstRoundPagesPerSec) {
    }

    /** Medians of the cold starts: times from the JVM's launch, RSS at the end of the run and its peak. */
    record Cold(int runs, double firstPageMs, double doneMs, double rssEndMb, double rssPeakMb, double cpuMs) {
    }

    Optional<Steady> steady(String workload, String client) {
        List<RunResult> ok = ok(workload, client, RunResult.STEADY);
        if (ok.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Steady(ok.size(),
                median(ok, r -> r.pages() / seconds(r.wallNanos())),
                median(ok, r -> r.bytes() / MB / seconds(r.wallNanos())),
                median(ok, r -> seconds(r.cpuNanos()) * 1000.0 / r.pages()),
                medianOrNaN(ok.stream().filter(r -> r.serverCpuNanos() >= 0).toList(),
                        r -> seconds(r.serverCpuNanos()) * 1000.0 / r.pages()),
                median(ok, r -> 100.0 * r.cpuNanos() / r.wallNanos()),
                medianOrNaN(ok.stream().filter(r -> r.serverCpuNanos() >= 0).toList(),
                        r -> 100.0 * r.serverCpuNanos() / r.wallNanos()),
                median(ok, r -> r.firstPageNanos() / 1e6),
                median(ok, r -> r.peakHeap() / MB),
                medianOrNaN(ok.stream().filter(r -> r.liveHeap() > 0).toList(), r -> r.liveHeap() / MB),
                median(ok, r -> r.rssPeak() / MB),
                median(ok, RunResult::connections),
                median(ok, RunResult::requests),
                median(ok, r -> r.heapAtMark() / MB),
                median(ok, r -> r.heapAtEnd() / MB),
                median(ok, r -> r.records() / seconds(r.wallNanos())),
                medianOrNaN(ok.stream().filter(r -> r.records() > 0).toList(),
                        r -> seconds(r.cpuNanos()) * 1e6 / r.records()),
                medianOrNaN(ok.stream().filter(r -> r.records() > 0 && r.serverCpuNanos() >= 0).toList(),
                        r -> seconds(r.serverCpuNanos()) * 1e6 / r.records())));
    }

    Optional<Short> shortRun(String workload, String client) {
        List<RunResult> all = runs(workload, client, RunResult.SHORT);
        if (all.isEmpty() || all.stream().anyMatch(r -> !r.ok())) {
            return Optional.empty();
        }
        long pages = all.stream().mapToLong(RunResult::pages).sum();
        long wall = all.stream().mapToLong(RunResult::wallNanos).sum();
        long cpu = all.stream().mapToLong(RunResult::cpuNanos).sum();
        RunResult first = all.stream().filter(r -> r.run() == 1).findFirst().orElse(all.get(0));
        return Optional.of(new Short(all.size(), pages / seconds(wall), seconds(cpu) * 1000.0 / pages,
                first.pages() / seconds(first.wallNanos())));
    }

    Optional<Cold> cold(String workload, String client) {
        List<RunResult> ok = ok(workload, client, RunResult.COLD);
        if (ok.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Cold(ok.size(), median(ok, r -> r.firstPageNanos() / 1e6),
                median(ok, r -> r.launchNanos() / 1e6), median(ok, r -> r.rssEnd() / MB),
                median(ok, r -> r.rssPeak() / MB), median(ok, r -> r.cpuNanos() / 1e6)));
    }

    private List<RunResult> ok(String workload, String client, String phase) {
        return runs(workload, client, phase).stream().filter(RunResult::ok).toList();
    }

    private List<RunResult> runs(String workload, String client, String phase) {
        return results.stream().filter(r -> r.workload().equals(workload) && r.client().equals(client)
                                            && r.phase().equals(phase)).toList();
    }

    /** Why a client has no figure on a workload. */
    String status(String workload, String client) {
        LinkedHashSet<String> statuses = new LinkedHashSet<>();
        results.stream().filter(r -> r.workload().equals(workload) && r.client().equals(client) && !r.ok())
                .forEach(r -> statuses.add(r.status()));
        return statuses.isEmpty() ? "no run" : String.join("; ", statuses);
    }

    /** The clients of the run that copy the workload, in the workload's order. */
    List<String> clientsOn(Workload w) {
        return Bench.clientsOn(w, clients);
    }

    String render() {
        Bench.Options options = Bench.Options.parse(context.args().toArray(String[]::new));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Profile %s, %d cores, %s, load average %s at the start, %s at the end,"
                                             + " took %d s%s.%n", options.profile, context.cores(), context.jvm(),
                context.loadAtStart(), context.loadAtEnd(), context.tookSeconds(),
                options.inProcess ? ", clients in the harness JVM (their CPU and heap include the harness)"
                        : ", one JVM per client and workload"));
        List<String> shown = new ArrayList<>(context.args());
        int out = shown.indexOf("--out");
        if (out >= 0 && out + 1 < shown.size()) {
            shown.subList(out, out + 2).clear(); // where it was written says nothing about the run
        }
        if (!shown.isEmpty()) {
            sb.append("Arguments: ").append(String.join(" ", shown)).append('\n');
        }
        context.servers().forEach(s -> sb.append("API: ").append(s).append('\n'));
        sb.append('\n');
        if (workloads.stream().anyMatch(w -> w.mode() == Workload.Mode.THROUGHPUT && !w.isSink())) {
            throughput(sb);
            memory(sb);
        }
        sinks(sb);
        workloads.stream().filter(w -> w.mode() == Workload.Mode.COLD_START).forEach(w -> cold(sb, w));
        workloads.stream().filter(Workload::isSoak).forEach(w -> soak(sb, w));
        sb.append('\n');
        for (Workload w : workloads) {
            sb.append(String.format("- %s: %s; %s, -Xmx%s; load average at its end %s%n", w.id(), w.title(), plan(w),
                    w.heap(), context.loads().getOrDefault(w.id(), "unknown")));
        }
        sb.append(targets());
        return sb.toString();
    }

    private static String plan(Workload w) {
        if (w.mode() == Workload.Mode.COLD_START) {
            return w.runs() + " JVM starts per client";
        }
        if (w.isSink()) {
            return String.format(Locale.ROOT, "%d warm-up (%,d records) + %d measured runs", w.warmupRuns(),
                    w.warmupPages(), w.runs());
        }
        return (w.shortRounds() > 0 ? w.shortRounds() + " short rounds + " : "") + w.warmupRuns() + " warm-up + "
               + w.runs() + " measured runs" + (w.pagesFor().isEmpty() ? "" : " (" + w.pagesFor().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue() + " pages").reduce((a, b) -> a + ", " + b).orElse("") + ")");
    }

    private void throughput(StringBuilder sb) {
        sb.append("| workload | client | runs | pages/s | MB/s | client CPU s / 1k pages | server CPU s / 1k pages "
                  + "| client CPU % | server CPU % | short run pages/s | x floor | x floor, short | x floor by CPU "
                  + "| x camel-http |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Workload w : workloads) {
            if (w.mode() != Workload.Mode.THROUGHPUT || w.isSink()) {
                continue;
            }
            for (String client : clientsOn(w)) {
                Optional<Steady> row = steady(w.id(), client);
                if (row.isEmpty()) {
                    sb.append(String.format("| %s | %s | 0 | %s | | | | | | | | | | |%n", w.id(), client,
                            status(w.id(), client)));
                    continue;
                }
                Steady r = row.get();
                Optional<Short> s = shortRun(w.id(), client);
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %s | %s | %.0f | %s | %s | %s | %s | %s | %s |%n",
                        w.id(), client, r.runs(), figure(r.pagesPerSec()), r.mbPerSec(), figure(r.cpuPer1k()),
                        figure(r.serverCpuPer1k()), r.clientBusy(), Double.isNaN(r.serverBusy()) ? "-"
                                : String.format(Locale.ROOT, "%.0f", r.serverBusy()),
                        s.map(x -> figure(x.pagesPerSec())).orElse(w.shortRounds() > 0 ? "-" : ""),
                        ratio(w, client, Clients.floorOf(client), Target.Measure.PAGES_PER_SEC),
                        w.shortRounds() > 0 ? ratio(w, client, Clients.floorOf(client), Target.Measure.SHORT_PAGES_PER_SEC) : "",
                        cpuRatio(w, client, Clients.floorOf(client)),
                        ratio(w, client, Clients.camelOf(client), Target.Measure.PAGES_PER_SEC)));
            }
        }
        sb.append("\nMedians over the measured runs (steady state: after the short rounds and the warm-up, on the same"
                  + " JVM). MB = 10^6 bytes. Client CPU: the client JVM's process CPU time (all threads, GC and JIT"
                  + " included); server CPU: the API's processes (nginx's master and worker, or the JVM server), over"
                  + " the same runs, from /proc/<pid>/stat (10 ms ticks); per 1,000 pages, and as % of one core over the"
                  + " run's wall time (2 cores = 200 %). Short run: the first rounds of a new client JVM, pages over wall"
                  + " time of all of them together. x floor: pages/s against the floor doing the same work (floor-asis,"
                  + " floor-records, floor-rows); x floor by CPU: the floor's client CPU per page over this client's"
                  + " (above 1: this client costs less per page; what load from elsewhere disturbs least); x camel-http:"
                  + " pages/s against the camel-http route doing the same work.\n\n");
    }

    private void memory(StringBuilder sb) {
        sb.append("| workload | client | first page ms | peak heap MB | live heap MB | RSS MB | conns / run "
                  + "| requests / run |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Workload w : workloads) {
            if (w.mode() != Workload.Mode.THROUGHPUT || w.isSink()) {
                continue;
            }
            for (String client : clientsOn(w)) {
                steady(w.id(), client).ifPresent(r -> sb.append(String.format(Locale.ROOT,
                        "| %s | %s | %s | %.0f | %s | %.0f | %.0f | %s |%n", w.id(), client, figure(r.firstPageMs()),
                        r.peakHeapMb(), Double.isNaN(r.liveHeapMb()) ? "-" : String.format(Locale.ROOT, "%.0f",
                                r.liveHeapMb()), r.rssMb(), r.connections(), r.requests() < 0 ? "-"
                                : String.format(Locale.ROOT, "%.0f", r.requests()))));
            }
        }
        sb.append("\nFirst page: from the start of the timed copy (adfrest: starting its route) to the first page in the"
                  + " sink. Peak heap: sum of the heap pools' peaks (an upper bound; mostly the young generation's"
                  + " size). Live heap: the largest heap left after a GC during the run (- when no GC ran). RSS: VmHWM of"
                  + " the client JVM during the run. Conns, requests: TCP connections the server accepted and requests"
                  + " it answered during the run.\n");
    }

    /** The sink workloads: records written, per client, with the CPU per million records on both sides. */
    private void sinks(StringBuilder sb) {
        List<Workload> sinks = workloads.stream().filter(Workload::isSink).toList();
        if (sinks.isEmpty()) {
            return;
        }
        sb.append("\nSink: records written to the JVM server, which counts and drops them\n\n");
        sb.append("| workload | batch | gzip | client | runs | records/s | MB/s sent | client CPU s / 1M records "
                  + "| server CPU s / 1M records | client CPU % | server CPU % | peak heap MB | live heap MB | RSS MB "
                  + "| requests / run | conns / run | x floor | x floor by CPU | x camel-http |\n");
        sb.append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Workload w : sinks) {
            for (String client : clientsOn(w)) {
                String head = String.format(Locale.ROOT, "| %s | %d | %s | %s |", w.id(), w.batch(),
                        w.gzip() ? "gzip" : "none", client);
                Optional<Steady> row = steady(w.id(), client);
                if (row.isEmpty()) {
                    sb.append(String.format("%s 0 | %s | | | | | | | | | | | | | |%n", head, status(w.id(), client)));
                    continue;
                }
                Steady r = row.get();
                sb.append(String.format(Locale.ROOT, "%s %d | %s | %.1f | %s | %s | %.0f | %s | %.0f | %s | %.0f | %.0f"
                                                     + " | %.0f | %s | %s | %s |%n",
                        head, r.runs(), String.format(Locale.ROOT, "%,.0f", r.recordsPerSec()), r.mbPerSec(),
                        figure(r.cpuPer1M()), figure(r.serverCpuPer1M()), r.clientBusy(),
                        Double.isNaN(r.serverBusy()) ? "-" : String.format(Locale.ROOT, "%.0f", r.serverBusy()),
                        r.peakHeapMb(), Double.isNaN(r.liveHeapMb()) ? "-" : String.format(Locale.ROOT, "%.0f",
                                r.liveHeapMb()), r.rssMb(), r.requests(), r.connections(),
                        ratio(w, client, Clients.floorOf(client), Target.Measure.RECORDS_PER_SEC),
                        cpuRatio(w, client, Clients.floorOf(client), Target.Measure.RECORDS_PER_SEC),
                        ratio(w, client, Clients.camelOf(client), Target.Measure.RECORDS_PER_SEC)));
            }
        }
        sb.append("\nMedians over the measured runs. Records/s: records the API counted over the run's wall time. MB/s"
                  + " sent: request bodies as the API received them (compressed, with gzip), 10^6 bytes. Client CPU: the"
                  + " client JVM's process CPU time (all threads, GC and JIT included); server CPU: the JVM server's"
                  + " (reading, gunzipping and counting the records); per 1,000,000 records, and as % of one core over"
                  + " the run's wall time (2 cores = 200 %). Peak heap: sum of the heap pools' peaks (an upper bound;"
                  + " mostly the young generation). Live heap: the largest heap left after a GC during the run. Every"
                  + " run is checked: the client wrote every record, the API counted each once, in exactly one request"
                  + " per batch. x floor: records/s against floor-sink; x floor by CPU: floor-sink's CPU per record over"
                  + " the client's (above 1: it costs less); x camel-http: records/s against camel-http-sink.\n");
    }

    private void cold(StringBuilder sb, Workload w) {
        sb.append(String.format("%n%s cold start: a new JVM per run (-Xmx%s), timed by the harness from just before it"
                                + " launches the JVM%n%n", w.id(), w.heap()));
        sb.append("| client | runs | JVM start to first page ms | JVM start to last page ms | RSS at end MB | peak RSS MB "
                  + "| CPU ms | x camel-http time | x camel-http RSS |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String client : clientsOn(w)) {
            Optional<Cold> c = cold(w.id(), client);
            if (c.isEmpty()) {
                sb.append(String.format("| %s | 0 | %s | | | | | | |%n", client, status(w.id(), client)));
                continue;
            }
            Cold r = c.get();
            String camel = Clients.camelOf(client);
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %s |%n", client,
                    r.runs(), r.firstPageMs(), r.doneMs(), r.rssEndMb(), r.rssPeakMb(), r.cpuMs(),
                    ratio(w, client, camel, Target.Measure.COLD_FIRST_PAGE),
                    ratio(w, client, camel, Target.Measure.COLD_RSS)));
        }
        sb.append("\nx camel-http: the client's figure over the camel-http route's (lower is better).\n");
    }

    private String ratio(Workload w, String client, String base, Target.Measure measure) {
        if (base == null || client.equals(base)) {
            return "";
        }
        var mine = measure.of(this, w.id(), client);
        var theirs = measure.of(this, w.id(), base);
        if (mine.isEmpty() || theirs.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", mine.getAsDouble() / theirs.getAsDouble());
    }

    /** The floor's CPU per page over the client's (above 1: the client costs less), steady state. */
    private String cpuRatio(Workload w, String client, String floor) {
        return cpuRatio(w, client, floor, Target.Measure.PAGES_PER_SEC);
    }

    /** The floor's CPU per page (or record) over the client's, steady state. */
    private String cpuRatio(Workload w, String client, String floor, Target.Measure measure) {
        if (client.equals(floor) || !w.clients().contains(floor)) {
            return "";
        }
        var r = measure.cpuRatio(this, w.id(), client, floor);
        return r.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2fx", r.getAsDouble());
    }

    private void soak(StringBuilder sb, Workload w) {
        sb.append(String.format("%n%s soak: heap after a full GC at page %,d (after warm-up) and at page %,d (end), "
                                + "inside the run%n%n", w.id(), w.soakMark(), w.pages()));
        sb.append("| client | heap @ warm-up MB | heap @ end MB | growth | conns in soak |\n|---|---:|---:|---:|---:|\n");
        for (String client : clientsOn(w)) {
            steady(w.id(), client).ifPresentOrElse(r -> sb.append(String.format(Locale.ROOT,
                    "| %s | %.1f | %.1f | %+.1f%% | %.0f |%n", client, r.heapAtMarkMb(), r.heapAtEndMb(),
                    100 * (r.heapAtEndMb() - r.heapAtMarkMb()) / r.heapAtMarkMb(), r.connections())),
                    () -> sb.append(String.format("| %s | %s | | | |%n", client, status(w.id(), client))));
        }
    }

    /** Every workload's targets, met or not, from this run's figures. */
    String targets() {
        List<String> lines = new ArrayList<>();
        for (Workload w : workloads) {
            for (Target t : w.targets()) {
                lines.add(w.id() + ": " + t.text() + ": " + t.check().apply(this, w));
            }
        }
        return lines.isEmpty() ? "" : "\nTargets (this run):\n\n" + String.join("\n", lines.stream().map(l -> "- " + l).toList()) + "\n";
    }

    /** The 1, 5 and 15 minute load averages: how busy the machine was besides the benchmark. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Three significant digits at most, whole numbers from 100 up: 2794, 44.5, 0.380, 0.00213; "-" for none. */
    static String figure(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** NaN (shown as "-") when no run has the figure. */
    private static double medianOrNaN(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
        return runs.isEmpty() ? Double.NaN : median(runs, f);
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
