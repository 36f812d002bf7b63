package dev.adfrest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark: starts the API in processes of its own (nginx for static pages, a JVM server for the rest), runs every
 * client on each workload, prints the table.
 * <pre>
 * Bench [--profile full|smoke] [--only W1,W4,S1] [--clients adfrest,floor-asis,...] [--short N] [--warmup N] [--runs N]
 *       [--pin] [--nginx PATH] [--in-process] [--jfr adfrest] [--out DIR]
 * Bench --render DIR    (the table of a finished run again, from its results.jsonl and context.json)
 * </pre>
 * By default each (workload, client) pair runs in its own JVM ({@link ClientMain}) with the workload's -Xmx, so that
 * CPU, heap and RSS are the client's alone and no client inherits another's JIT state, threads or garbage; a cold-start
 * workload starts a new JVM per run. {@code --in-process} runs the clients here instead (the smoke test).
 * {@code --pin} puts the API on core 0 and the clients on the others. {@code --jfr client} records a JFR profile of
 * that client's JVMs in the output folder.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int render = Arrays.asList(args).indexOf("--render");
        if (render >= 0 && render + 1 < args.length) { // the exec plugin puts --out first: --render wins
            render(Path.of(args[render + 1]));
            return;
        }
        Options options = Options.parse(args);
        List<RunResult> results;
        try {
            results = run(options);
        } catch (NginxMissingException e) {
            System.err.println("[bench] " + e.getMessage());
            System.exit(2);
            return;
        }
        // a failed copy of adfrest or of a floor fails the run; the camel-http routes we compare with are reported in
        // the table when they fail (the split-and-aggregate route does at some sink sizes, see docs/benchmarks.md)
        boolean broken = results.stream().anyMatch(r -> r.status().startsWith("failed")
                && (r.client().startsWith("adfrest") || r.client().startsWith("floor")));
        System.exit(broken ? 1 : 0);
    }

    /** The static workloads were asked for and there is no nginx to serve them. */
    public static final class NginxMissingException extends IllegalStateException {
        NginxMissingException(String message) {
            super(message);
        }
    }

    /** The workloads the options select, with their run counts as the options say. */
    static List<Workload> selected(Options options) {
        List<Workload> all = Workloads.of(options.profile);
        options.only.forEach(id -> {
            if (all.stream().noneMatch(w -> named(all, w, id))) {
                throw new IllegalArgumentException("No workload " + id + " in profile " + options.profile);
            }
        });
        return all.stream()
                .filter(w -> options.only.isEmpty() || options.only.stream().anyMatch(id -> named(all, w, id)))
                .map(w -> w.withRuns(options.shortRounds < 0 ? w.shortRounds() : options.shortRounds,
                        options.warmup < 0 ? w.warmupRuns() : options.warmup,
                        options.runs < 0 ? w.runs() : options.runs))
                .filter(w -> !clientsOn(w, options.clients).isEmpty())
                .toList();
    }

    /**
     * {@code --only} names a workload by its id, or, where no workload has that id, a set of them by the ids' first
     * part: S1 is S1-100, S1-100-gzip, ...; S1-1000 is only S1-1000.
     */
    private static boolean named(List<Workload> all, Workload w, String id) {
        return w.id().equals(id)
               || w.id().startsWith(id + "-") && all.stream().noneMatch(other -> other.id().equals(id));
    }

    public static List<RunResult> run(Options options) throws Exception {
        List<Workload> workloads = selected(options);
        List<Workload> statics = workloads.stream().filter(Workload::isStatic).toList();
        List<Workload> dynamic = workloads.stream().filter(w -> !w.isStatic()).toList();
        Optional<Path> nginx = statics.isEmpty() ? Optional.empty() : Nginx.find(options.nginx);
        if (!statics.isEmpty() && nginx.isEmpty()) {
            throw new NginxMissingException(Nginx.missing(statics.stream().map(Workload::id).toList()));
        }
        Files.createDirectories(options.out);
        String[] cores = options.pin ? pinning() : new String[] {null, null};
        List<RunResult> results = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        Map<String, String> loads = new LinkedHashMap<>();
        long start = System.nanoTime();
        String loadAtStart = Table.loadAverage();
        log("load average " + loadAtStart + "; " + (options.inProcess ? "clients in this JVM" : "one JVM per client and"
                + " workload") + (options.pin ? "; API on core " + cores[0] + ", clients on " + cores[1] : ""));
        try (ApiServer web = nginx.isPresent() ? Nginx.start(nginx.get(), options.out.resolve("nginx"), statics, cores[0]) : null;
             ApiServer jvm = dynamic.isEmpty() ? null : new JvmServer(options.profile, dynamic, cores[0],
                     options.out.resolve("logs").resolve("server-jvm.log"))) {
            for (ApiServer s : Arrays.asList(web, jvm)) {
                if (s != null) {
                    servers.add(s.describe());
                    log("API: " + s.describe());
                }
            }
            for (Workload w : workloads) {
                long t0 = System.nanoTime();
                ApiServer server = w.isStatic() ? web : jvm;
                List<RunResult> got = w.mode() == Workload.Mode.COLD_START ? coldStarts(w, server, options, cores[1])
                        : interleaved(w, server, options, cores[1]);
                results.addAll(got);
                for (String client : clientsOn(w, options.clients)) {
                    log(String.format("%-4s %-16s %s", w.id(), client,
                            summary(got.stream().filter(r -> r.client().equals(client)).toList(), w.isSink())));
                }
                String load = Table.loadAverage();
                loads.put(w.id(), load);
                log(String.format("%s took %.0f s, load average %s", w.id(), (System.nanoTime() - t0) / 1e9, load));
            }
        }
        Table.Context context = new Table.Context(options.args, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), loadAtStart,
                Table.loadAverage(), Duration.ofNanos(System.nanoTime() - start).toSeconds(), servers, loads);
        Files.write(options.out.resolve("results.jsonl"), results.stream().map(RunResult::toLine).toList());
        JSON.writerWithDefaultPrettyPrinter().writeValue(options.out.resolve("context.json").toFile(), context);
        write(new Table(workloads, options.clients, results, context), options.out);
        return results;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Renders the table of a finished run again from its results.jsonl and context.json (after a change of format). */
    static void render(Path dir) throws IOException {
        Table.Context context = JSON.readValue(dir.resolve("context.json").toFile(), Table.Context.class);
        List<RunResult> results = Files.readAllLines(dir.resolve("results.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(RunResult::fromLine).toList();
        Options options = Options.parse(context.args().toArray(String[]::new));
        // workloads added since the run have no results: left out
        List<Workload> ran = selected(options).stream()
                .filter(w -> results.stream().anyMatch(r -> r.workload().equals(w.id()))).toList();
        write(new Table(ran, options.clients, results, context), dir);
    }

    private static void write(Table table, Path dir) throws IOException {
        String report = table.render();
        System.out.println(report);
        Files.writeString(dir.resolve("results.md"), report);
        log("Table written to " + dir.resolve("results.md"));
    }

    /** API on core 0, clients on the rest (taskset), when there are two cores or more and taskset is there. */
    private static String[] pinning() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2 || Nginx.onPath("taskset").isEmpty()) {
            throw new IllegalStateException("--pin needs 2 cores or more and taskset (util-linux); this machine has "
                                            + cores + " core(s)" + (Nginx.onPath("taskset").isEmpty() ? " and no taskset" : ""));
        }
        return new String[] {"0", cores == 2 ? "1" : "1-" + (cores - 1)};
    }

    /**
     * Runs the clients on one workload turn by turn: the short rounds on each new JVM, the warm-ups, then measured run
     * k of each client, rounds in an order rotated each time (ABC, BCA, CAB...) so that a burst of load from elsewhere
     * on the machine falls on all of them alike. A client that fails is not run again; its later runs carry the reason.
     * The server's CPU is read around every run.
     */
    private static List<RunResult> interleaved(Workload w, ApiServer server, Options options, String cpus)
            throws IOException {
        List<String> clients = clientsOn(w, options.clients);
        List<Runner> runners = new ArrayList<>();
        try {
            for (String client : clients) {
                runners.add(options.inProcess
                        ? Runner.inProcess(new ClientMain(client, w, server.baseUrl(), server.adminUrl(),
                                options.out.resolve("files")))
                        : new Runner.ChildJvm(client, w, options.profile, server, options.out,
                                options.jfr.contains(client), cpus));
            }
            String[] broken = new String[clients.size()];
            List<RunResult> results = new ArrayList<>();
            phase(w, RunResult.SHORT, w.shortRounds(), true, clients, runners, broken, server, results);
            phase(w, RunResult.WARMUP, w.warmupRuns(), false, clients, runners, broken, server, results);
            phase(w, RunResult.STEADY, w.runs(), true, clients, runners, broken, server, results);
            return results;
        } finally {
            runners.forEach(Runner::close);
        }
    }

    private static void phase(Workload w, String phase, int rounds, boolean rotate, List<String> clients, List<Runner> runners,
                              String[] broken, ApiServer server, List<RunResult> results) {
        for (int k = 1; k <= rounds; k++) {
            for (int i = 0; i < clients.size(); i++) {
                int c = rotate ? (i + k - 1) % clients.size() : i;
                if (broken[c] != null) {
                    results.add(RunResult.failed(w.id(), clients.get(c), phase, k, broken[c]));
                    continue;
                }
                long cpu0 = server.cpuNanos();
                RunResult r = runners.get(c).run(phase, k);
                long cpu1 = server.cpuNanos();
                results.add(cpu0 < 0 || cpu1 < 0 ? r : r.withServerCpu(cpu1 - cpu0));
                if (!r.ok()) {
                    broken[c] = r.status();
                }
            }
        }
    }

    /** A cold-start workload: a new JVM per run, clients in rotated order. */
    private static List<RunResult> coldStarts(Workload w, ApiServer server, Options options, String cpus)
            throws IOException {
        List<String> clients = clientsOn(w, options.clients);
        List<Runner> runners = new ArrayList<>();
        for (String client : clients) {
            runners.add(new Runner.ColdJvm(client, w, options.profile, server, options.out, cpus));
        }
        List<RunResult> results = new ArrayList<>();
        phase(w, RunResult.COLD, w.runs(), true, clients, runners, new String[clients.size()], server, results);
        return results;
    }

    /** The clients that copy the workload and were asked for, in the workload's order. */
    static List<String> clientsOn(Workload w, List<String> clients) {
        return w.clients().stream().filter(c -> clients == null || clients.contains(c)).toList();
    }

    /** @param sink records/s rather than pages/s */
    private static String summary(List<RunResult> runs, boolean sink) {
        Set<String> statuses = new LinkedHashSet<>();
        runs.stream().filter(r -> !r.phase().equals(RunResult.WARMUP)).forEach(r -> statuses.add(r.ok()
                ? (r.phase().equals(RunResult.COLD) ? String.format("%.0f ms", r.firstPageNanos() / 1e6)
                        : String.format("%.0f", (sink ? r.records() : r.pages()) / (r.wallNanos() / 1e9)))
                : r.status()));
        return (runs.stream().anyMatch(r -> r.phase().equals(RunResult.COLD)) ? "first page "
                : sink ? "records/s " : "pages/s ") + String.join(", ", statuses);
    }

    private static void log(String line) {
        System.err.println("[bench] " + line);
    }

    /** Command-line options. */
    public static final class Options {
        String profile = "full";
        Set<String> only = new LinkedHashSet<>();
        /** null: every workload's own clients */
        List<String> clients;
        int shortRounds = -1;
        int warmup = -1;
        int runs = -1;
        boolean inProcess;
        boolean pin;
        String nginx;
        Set<String> jfr = new LinkedHashSet<>();
        Path out = Path.of("target", "bench");
        /** as given, for the record of the run */
        List<String> args = List.of();

        public static Options parse(String... args) {
            Options o = new Options();
            o.args = List.of(args);
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--profile" -> o.profile = args[++i];
                    case "--only" -> o.only.addAll(Arrays.asList(args[++i].split(",")));
                    case "--clients" -> o.clients = List.of(args[++i].split(","));
                    case "--short" -> o.shortRounds = Integer.parseInt(args[++i]);
                    case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                    case "--runs" -> o.runs = Integer.parseInt(args[++i]);
                    case "--in-process" -> o.inProcess = true;
                    case "--pin" -> o.pin = true;
                    case "--nginx" -> o.nginx = args[++i];
                    case "--jfr" -> o.jfr.addAll(Arrays.asList(args[++i].split(",")));
                    case "--out" -> o.out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown argument '" + a + "'; see Bench's javadoc"
                                                                  + " or docs/benchmarks.md");
                }
            }
            if (o.clients != null) {
                o.clients.forEach(Clients::spec);
            }
            return o;
        }
    }
}
