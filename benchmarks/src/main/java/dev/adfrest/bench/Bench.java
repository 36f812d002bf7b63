package dev.adfrest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark of issue 7: starts the local API, runs the three clients on each workload (and adfrest with
 * parallelRequests=8 on RANGE workloads), prints the table.
 * <pre>
 * Bench [--profile full|smoke] [--only W1,W4] [--clients floor,camel-http,adfrest,adfrest-p8] [--warmup N] [--runs N]
 *       [--in-process] [--jfr adfrest] [--out DIR]
 * </pre>
 * By default each (workload, client) pair runs in its own JVM ({@link ClientMain}) with the workload's -Xmx, so that
 * CPU, heap and RSS are the client's alone and no client inherits another's JIT state, threads or garbage; the server
 * stays in this JVM. {@code --in-process} runs the clients here instead (smoke test: CPU and heap then include the
 * server). {@code --jfr client} records a JFR profile of that client's JVMs in the output folder.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<RunResult> results = run(options);
        boolean broken = results.stream().anyMatch(r -> r.status().startsWith("failed"));
        System.exit(broken ? 1 : 0);
    }

    public static List<RunResult> run(Options options) throws Exception {
        List<Workload> workloads = Workloads.of(options.profile).stream()
                .filter(w -> options.only.isEmpty() || options.only.contains(w.id()))
                .map(w -> w.withRuns(options.warmup < 0 ? w.warmupRuns() : options.warmup,
                        options.runs < 0 ? w.runs() : options.runs))
                .toList();
        Files.createDirectories(options.out);
        List<RunResult> results = new ArrayList<>();
        long start = System.nanoTime();
        String loadAtStart = Table.loadAverage();
        try (BenchServer server = new BenchServer(workloads)) {
            log("API on " + server.baseUrl() + ", profile " + options.profile + ", "
                + (options.inProcess ? "clients in this JVM" : "one JVM per client and workload"));
            for (Workload w : workloads) {
                long t0 = System.nanoTime();
                List<RunResult> got = interleaved(w, server, options);
                results.addAll(got);
                for (String client : clientsOn(w, options.clients)) {
                    log(String.format("%-4s %-10s %s", w.id(), client,
                            summary(got.stream().filter(r -> r.client().equals(client)).toList())));
                }
                log(String.format("%s took %.0f s", w.id(), (System.nanoTime() - t0) / 1e9));
            }
        }
        Table table = new Table(workloads, options.clients, results, loadAtStart);
        String report = table.render(options.profile, Duration.ofNanos(System.nanoTime() - start), options.inProcess);
        System.out.println(report);
        Files.writeString(options.out.resolve("results.md"), report);
        Files.write(options.out.resolve("results.jsonl"), results.stream().map(RunResult::toLine).toList());
        log("Table written to " + options.out.resolve("results.md"));
        return results;
    }

    /**
     * Runs the clients on one workload turn by turn (warm-ups first, then measured run k of each client, in an order
     * rotated each round: ABC, BCA, CAB...) so that a burst of load from elsewhere on the machine falls on all of them
     * alike. A client that fails its warm-up is not run again; its runs carry the reason.
     */
    private static List<RunResult> interleaved(Workload w, BenchServer server, Options options) throws IOException {
        List<String> clients = clientsOn(w, options.clients);
        List<Runner> runners = new ArrayList<>();
        try {
            for (String client : clients) {
                runners.add(options.inProcess
                        ? Runner.inProcess(new ClientMain(client, w, server.baseUrl(), server.adminUrl(), options.out.resolve("files")))
                        : new Runner.ChildJvm(client, w, options.profile, server, options.out, options.jfr.contains(client)));
            }
            String[] broken = new String[clients.size()];
            for (int i = 0; i < w.warmupRuns(); i++) {
                for (int c = 0; c < clients.size(); c++) {
                    if (broken[c] == null) {
                        RunResult warm = runners.get(c).run(true, 0);
                        broken[c] = warm.ok() ? null : warm.status();
                    }
                }
            }
            List<RunResult> results = new ArrayList<>();
            for (int k = 1; k <= w.runs(); k++) {
                for (int i = 0; i < clients.size(); i++) {
                    int c = (i + k - 1) % clients.size();
                    results.add(broken[c] == null ? runners.get(c).run(false, k)
                            : RunResult.failed(w.id(), clients.get(c), k, broken[c]));
                }
            }
            return results;
        } finally {
            runners.forEach(Runner::close);
        }
    }

    /** The clients that apply to the workload, in the order given. */
    static List<String> clientsOn(Workload w, List<String> clients) {
        return clients.stream().filter(c -> ClientMain.appliesTo(c, w)).toList();
    }

    private static String summary(List<RunResult> runs) {
        Set<String> statuses = new LinkedHashSet<>();
        runs.forEach(r -> statuses.add(r.ok() ? String.format("%.0f", r.pages() / (r.wallNanos() / 1e9)) : r.status()));
        return "pages/s " + String.join(", ", statuses);
    }

    private static void log(String line) {
        System.err.println("[bench] " + line);
    }

    /** Command-line options. */
    public static final class Options {
        String profile = "full";
        Set<String> only = new LinkedHashSet<>();
        List<String> clients = ClientMain.CLIENTS;
        int warmup = -1;
        int runs = -1;
        boolean inProcess;
        Set<String> jfr = new LinkedHashSet<>();
        Path out = Path.of("target", "bench");

        public static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--profile" -> o.profile = args[++i];
                    case "--only" -> o.only.addAll(Arrays.asList(args[++i].split(",")));
                    case "--clients" -> o.clients = List.of(args[++i].split(","));
                    case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                    case "--runs" -> o.runs = Integer.parseInt(args[++i]);
                    case "--in-process" -> o.inProcess = true;
                    case "--jfr" -> o.jfr.addAll(Arrays.asList(args[++i].split(",")));
                    case "--out" -> o.out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown argument '" + a + "'; see Bench's javadoc");
                }
            }
            o.clients.forEach(ClientMain::client);
            return o;
        }
    }
}
