package dev.adfrest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs one client on one workload: warm-up runs, then measured runs, each reported as it ends. Normally the main
 * class of a client JVM that the harness starts (one JVM per client and workload, so that one client's JIT profile,
 * heap and threads never colour another's figures); the smoke test calls {@link #runAll} in-process.
 */
public final class ClientMain {

    public static final List<String> CLIENTS = List.of("floor", "camel-http", "adfrest");

    private ClientMain() {
    }

    /** {@code ClientMain <client> <profile> <workload> <baseUrl> <adminUrl> <outDir> <warmupRuns> <runs>} */
    public static void main(String[] args) throws Exception {
        Workload w = Workloads.byId(args[1], args[2]).withRuns(Integer.parseInt(args[6]), Integer.parseInt(args[7]));
        runAll(args[0], w, args[3], args[4], Path.of(args[5]), r -> System.out.println(r.toLine()));
        System.out.flush();
        System.exit(0); // client libraries may leave non-daemon threads behind
    }

    public static BenchClient client(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "floor" -> new FloorClient();
            case "camel-http" -> new CamelHttpClient();
            case "adfrest" -> new AdfRestClient();
            default -> throw new IllegalArgumentException("Unknown client '" + name + "' " + CLIENTS);
        };
    }

    public static List<RunResult> runAll(String clientName, Workload w, String baseUrl, String adminUrl, Path outDir,
                                         Consumer<RunResult> report) throws IOException {
        Files.createDirectories(outDir);
        BenchClient client = client(clientName);
        List<RunResult> results = new ArrayList<>();
        Workload warm = w.warmupSized();
        for (int i = 0; i < w.warmupRuns(); i++) {
            RunResult r = once(client, clientName, warm, -(i + 1), baseUrl, adminUrl, outDir);
            if (!r.ok()) { // a client that cannot do the warm-up cannot do the runs: say why once per run
                for (int k = 1; k <= w.runs(); k++) {
                    RunResult failed = RunResult.failed(w.id(), clientName, k, r.status());
                    results.add(failed);
                    report.accept(failed);
                }
                return results;
            }
        }
        for (int k = 1; k <= w.runs(); k++) {
            RunResult r = once(client, clientName, w, k, baseUrl, adminUrl, outDir);
            results.add(r);
            report.accept(r);
        }
        return results;
    }

    private static RunResult once(BenchClient client, String name, Workload w, int runNo, String baseUrl,
                                  String adminUrl, Path outDir) {
        Sink sink = new Sink(w.soakMark(), w.pages());
        BenchClient.Run run = new BenchClient.Run(w, baseUrl, outDir, sink);
        try {
            client.prepare(run);
        } catch (Exception e) {
            return RunResult.failed(w.id(), name, runNo, "unsupported: " + firstLine(e));
        }
        try {
            Metrics.resetPeaks();
            long connections0 = connections(adminUrl);
            long cpu0 = Metrics.cpuNanos();
            long t0 = System.nanoTime();
            client.copy();
            long wall = System.nanoTime() - t0;
            long cpu = Metrics.cpuNanos() - cpu0;
            long peakHeap = Metrics.peakHeap();
            long liveHeap = Metrics.maxLiveAfterGc();
            long rss = Metrics.rssPeak();
            long connections = connections(adminUrl) - connections0;
            long expectedBytes = run.expectedBytes();
            String status = sink.pages() != w.pages() || sink.bytes() != expectedBytes
                    ? "failed: got " + sink.pages() + " pages / " + sink.bytes() + " bytes, expected " + w.pages()
                      + " / " + expectedBytes
                    : "ok";
            return new RunResult(w.id(), name, runNo, status, sink.pages(), sink.bytes(), wall, cpu, peakHeap, liveHeap,
                    rss, connections, sink.heapAtMark(), sink.heapAtEnd());
        } catch (Exception e) {
            return RunResult.failed(w.id(), name, runNo, "failed: " + firstLine(e));
        } finally {
            try {
                client.finish();
            } catch (Exception e) {
                System.err.println("finish failed: " + e);
            }
        }
    }

    private static long connections(String adminUrl) throws IOException {
        try (InputStream in = URI.create(adminUrl + "/connections").toURL().openStream()) {
            return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // the innermost cause says why; the wrappers (route, endpoint) repeat the URI at length
        String msg = root.getClass().getSimpleName() + ": " + root.getMessage();
        int dueTo = msg.lastIndexOf("due to: ");
        if (dueTo >= 0) {
            msg = msg.substring(dueTo + "due to: ".length());
        }
        msg = msg.replace('\n', ' ').replace('|', '/');
        return msg.length() > 200 ? msg.substring(0, 200) + "..." : msg;
    }
}
