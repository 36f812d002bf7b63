package dev.adfrest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark of issue 7: starts the local API, runs the three clients on each workload, prints the table.
 * <pre>
 * Bench [--profile full|smoke] [--only W1,W4] [--clients floor,camel-http,adfrest] [--warmup N] [--runs N]
 *       [--in-process] [--jfr adfrest] [--out DIR]
 * </pre>
 * By default each (workload, client) pair runs in its own JVM ({@link ClientMain}) with the workload's -Xmx, so that
 * CPU, heap and RSS are the client's alone and no client inherits another's JIT state, threads or garbage; the server
 * stays in this JVM. {@code --in-process} runs the clients here instead (smoke test: CPU and heap then include the
 * server). {@code --jfr client} records a JFR profile of that client's JVMs in the output folder.
 */
public final class Bench {

    /** No client JVM runs longer: a hung client ends, the benchmark goes on. */
    private static final Duration CHILD_LIMIT = Duration.ofMinutes(20);

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
        try (BenchServer server = new BenchServer(workloads)) {
            log("API on " + server.baseUrl() + ", profile " + options.profile + ", "
                + (options.inProcess ? "clients in this JVM" : "one JVM per client and workload"));
            for (Workload w : workloads) {
                for (String client : options.clients) {
                    long t0 = System.nanoTime();
                    List<RunResult> got = options.inProcess
                            ? ClientMain.runAll(client, w, server.baseUrl(), server.adminUrl(), options.out.resolve("files"), r -> { })
                            : inChildJvm(client, w, server, options);
                    results.addAll(got);
                    log(String.format("%-4s %-10s %s (%.0f s)", w.id(), client, summary(got),
                            (System.nanoTime() - t0) / 1e9));
                }
            }
        }
        Table table = new Table(workloads, options.clients, results);
        String report = table.render(options.profile, Duration.ofNanos(System.nanoTime() - start), options.inProcess);
        System.out.println(report);
        Files.writeString(options.out.resolve("results.md"), report);
        Files.write(options.out.resolve("results.jsonl"), results.stream().map(RunResult::toLine).toList());
        log("Table written to " + options.out.resolve("results.md"));
        return results;
    }

    private static List<RunResult> inChildJvm(String client, Workload w, BenchServer server, Options options)
            throws IOException, InterruptedException {
        Path log = options.out.resolve("logs").resolve(w.id() + "-" + client + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + w.heap(), "-XX:+ExitOnOutOfMemoryError"));
        if (options.jfr.contains(client)) {
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                        + options.out.resolve(w.id() + "-" + client + ".jfr"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClientMain.class.getName(),
                client, options.profile, w.id(), server.baseUrl(), server.adminUrl(),
                options.out.resolve("files").toString(), Integer.toString(w.warmupRuns()), Integer.toString(w.runs())));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(CHILD_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        List<RunResult> results = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                if (line.startsWith(RunResult.PREFIX)) {
                    results.add(RunResult.fromLine(line));
                }
            }
        }
        int exit = process.waitFor();
        String status = exit == 3 ? "OOM (-Xmx" + w.heap() + ")" : "failed: client JVM exit " + exit + ", see " + log;
        for (int k = results.size() + 1; k <= w.runs(); k++) {
            results.add(RunResult.failed(w.id(), client, k, status));
        }
        return results;
    }

    private static String summary(List<RunResult> runs) {
        Set<String> statuses = new LinkedHashSet<>();
        runs.forEach(r -> statuses.add(r.ok() ? String.format("%.0f pages/s", r.pages() / (r.wallNanos() / 1e9)) : r.status()));
        return String.join(", ", statuses);
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
