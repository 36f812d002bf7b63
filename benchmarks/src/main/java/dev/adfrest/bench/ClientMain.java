package dev.adfrest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One client on one workload, run after run as the harness asks. Normally the main class of a client JVM: the
 * harness starts one per client and workload (so that one client's JIT profile, heap and threads never colour
 * another's figures) and sends it one line per run on stdin, {@code warmup} or {@code run <n>}; it answers each with
 * one {@link RunResult} line on stdout. The smoke test uses {@link #once} in-process.
 */
public final class ClientMain {

    /**
     * adfrest-p8: the adfrest client with parallelRequests=8, on workloads whose requests are known in advance;
     * adfrest-k3: three adfrest routes with partitions=3 in one JVM, on the partition workload (W7) only;
     * adfrest-w: the adfrest client as an incremental copy (watermarkPath, {watermark} in the URL) whose saved
     * watermark is above every record, on the incremental workload (W11) only.
     */
    public static final List<String> CLIENTS = List.of("floor", "camel-http", "adfrest", "adfrest-p8", "adfrest-k3",
            "adfrest-w");

    /** The workloads that compare adfrest with itself split over partitions; the other clients have nothing to add. */
    static final List<String> PARTITION_WORKLOADS = List.of("W7");

    /** The workloads of an incremental run that finds nothing new: every client must make exactly one request. */
    static final List<String> INCREMENTAL_WORKLOADS = List.of("W11");

    private final String name;
    private final BenchClient client;
    private final Workload workload;
    private final String baseUrl;
    private final String adminUrl;
    private final Path outDir;

    public ClientMain(String name, Workload workload, String baseUrl, String adminUrl, Path outDir) throws IOException {
        this.name = name;
        this.client = client(name);
        this.workload = workload;
        this.baseUrl = baseUrl;
        this.adminUrl = adminUrl;
        this.outDir = outDir;
        Files.createDirectories(outDir);
    }

    /** {@code ClientMain <client> <profile> <workload> <baseUrl> <adminUrl> <outDir>}, then commands on stdin. */
    public static void main(String[] args) throws Exception {
        ClientMain main = new ClientMain(args[0], Workloads.byId(args[1], args[2]), args[3], args[4], Path.of(args[5]));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null && !line.equals("quit");) {
            String[] command = line.trim().split(" ");
            RunResult result = command[0].equals("warmup") ? main.once(true, 0) : main.once(false, Integer.parseInt(command[1]));
            System.out.println(result.toLine());
            System.out.flush();
        }
        System.exit(0); // client libraries may leave non-daemon threads behind
    }

    public static BenchClient client(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "floor" -> new FloorClient();
            case "camel-http" -> new CamelHttpClient();
            case "adfrest" -> new AdfRestClient(1);
            case "adfrest-p8" -> new AdfRestClient(8);
            case "adfrest-k3" -> new AdfRestClient(1, 3);
            case "adfrest-w" -> AdfRestClient.incremental();
            default -> throw new IllegalArgumentException("Unknown client '" + name + "' " + CLIENTS);
        };
    }

    /**
     * Whether the client has something to show on the workload: parallelRequests only changes RANGE runs; partitions
     * are measured on their own workload, against adfrest's one route.
     */
    public static boolean appliesTo(String client, Workload workload) {
        boolean partitionWorkload = PARTITION_WORKLOADS.contains(workload.id());
        return switch (client) {
            case "adfrest" -> true;
            case "adfrest-p8" -> workload.shape() == Workload.Shape.RANGE;
            case "adfrest-k3" -> partitionWorkload;
            case "adfrest-w" -> INCREMENTAL_WORKLOADS.contains(workload.id());
            default -> !partitionWorkload;
        };
    }

    /** One copy run: a warm-up run (at the workload's warm-up size, reported as run 0) or measured run {@code n}. */
    public RunResult once(boolean warmup, int n) {
        Workload w = warmup ? workload.warmupSized() : workload;
        Sink sink = new Sink(w.soakMark(), w.pages());
        BenchClient.Run run = new BenchClient.Run(w, baseUrl, outDir, sink);
        try {
            client.prepare(run);
        } catch (Exception e) {
            return RunResult.failed(w.id(), name, n, "unsupported: " + reason(e));
        }
        try {
            Metrics.resetPeaks();
            long connections0 = connections();
            long requests0 = count("/requests");
            long cpu0 = Metrics.cpuNanos();
            long t0 = System.nanoTime();
            client.copy();
            long wall = System.nanoTime() - t0;
            long cpu = Metrics.cpuNanos() - cpu0;
            long peakHeap = Metrics.peakHeap();
            long liveHeap = Metrics.maxLiveAfterGc();
            long rss = Metrics.rssPeak();
            long connections = connections() - connections0;
            long requests = count("/requests") - requests0;
            long expectedBytes = run.expectedBytes();
            String status = sink.pages() != w.pages() || sink.bytes() != expectedBytes
                    ? "failed: got " + sink.pages() + " pages / " + sink.bytes() + " bytes, expected " + w.pages()
                      + " / " + expectedBytes
                    : INCREMENTAL_WORKLOADS.contains(w.id()) && requests != 1
                    ? "failed: " + requests + " requests, expected 1"
                    : "ok";
            return new RunResult(w.id(), name, n, status, sink.pages(), sink.bytes(), wall, cpu, peakHeap, liveHeap,
                    rss, connections, sink.heapAtMark(), sink.heapAtEnd());
        } catch (Exception e) {
            return RunResult.failed(w.id(), name, n, "failed: " + reason(e));
        } finally {
            try {
                client.finish();
            } catch (Exception e) {
                System.err.println("finish failed: " + e);
            }
        }
    }

    private long connections() throws IOException {
        return count("/connections");
    }

    /** A count the server keeps: /connections accepted, /requests answered. */
    private long count(String what) throws IOException {
        try (InputStream in = URI.create(adminUrl + what).toURL().openStream()) {
            return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }

    /** The innermost cause says why; the wrappers (route, endpoint) repeat the URI at length. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getClass().getSimpleName() + ": " + root.getMessage();
        int dueTo = msg.lastIndexOf("due to: ");
        if (dueTo >= 0) {
            msg = msg.substring(dueTo + "due to: ".length());
        }
        msg = msg.replace('\n', ' ').replace('|', '/');
        return msg.length() > 200 ? msg.substring(0, 200) + "..." : msg;
    }
}
