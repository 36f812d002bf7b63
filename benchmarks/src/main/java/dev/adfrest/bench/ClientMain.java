package dev.adfrest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client on one workload, run after run as the harness asks. Normally the main class of a client JVM: the
 * harness starts one per client and workload (so that one client's JIT profile, heap and threads never colour
 * another's figures) and sends it one line per run on stdin, {@code short <n>}, {@code warmup <n>} or
 * {@code steady <n>}; it answers each with one {@link RunResult} line on stdout. With {@code --cold} first it makes one
 * run at once and exits, printing {@code FIRST-PAGE} when the first page is in the sink and {@code DONE} when the run
 * is over, so that the harness can time them from the JVM's launch. The smoke test uses {@link #once} in-process.
 */
public final class ClientMain {

    static final String FIRST_PAGE = "FIRST-PAGE";
    static final String DONE = "DONE";
    /** stub_status: "server accepts handled requests" then the three numbers. */
    private static final Pattern NGINX_COUNTS
            = Pattern.compile("server accepts handled requests\\s+(\\d+)\\s+\\d+\\s+(\\d+)");

    private final String name;
    private final Clients.Kind kind;
    private final BenchClient client;
    private final Workload workload;
    private final String baseUrl;
    private final String adminUrl;
    private final Path outDir;
    private long adminReads;

    public ClientMain(String name, Workload workload, String baseUrl, String adminUrl, Path outDir) throws IOException {
        this.name = name;
        this.kind = Clients.spec(name).kind();
        this.client = Clients.create(name);
        this.workload = workload.forClient(name);
        this.baseUrl = baseUrl;
        this.adminUrl = adminUrl;
        this.outDir = outDir;
        Files.createDirectories(outDir);
    }

    /** {@code ClientMain [--cold] <client> <profile> <workload> <baseUrl> <adminUrl> <outDir>}. */
    public static void main(String[] args) throws Exception {
        boolean cold = args[0].equals("--cold");
        int a = cold ? 1 : 0;
        ClientMain main = new ClientMain(args[a], Workloads.byId(args[a + 1], args[a + 2]), args[a + 3], args[a + 4],
                Path.of(args[a + 5]));
        if (cold) {
            System.out.println(main.cold().toLine());
            System.out.flush();
            System.exit(0);
        }
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null && !line.equals("quit");) {
            String[] command = line.trim().split(" ");
            System.out.println(main.once(command[0], Integer.parseInt(command[1])).toLine());
            System.out.flush();
        }
        System.exit(0); // client libraries may leave non-daemon threads behind
    }

    /**
     * One copy run.
     *
     * @param phase {@link RunResult#SHORT} or {@link RunResult#STEADY} at the workload's size, {@link RunResult#WARMUP}
     *              at its warm-up size
     */
    public RunResult once(String phase, int n) {
        Workload w = phase.equals(RunResult.WARMUP) ? workload.warmupSized() : workload;
        Sink sink = new Sink(w.soakMark(), w.pages(), () -> {
        });
        BenchClient.Run run = new BenchClient.Run(w, baseUrl, outDir, sink);
        try {
            client.prepare(run);
        } catch (Exception e) {
            return RunResult.failed(w.id(), name, phase, n, "unsupported: " + reason(e));
        }
        try {
            Metrics.resetPeaks();
            long[] counts0 = counts();
            long cpu0 = Metrics.cpuNanos();
            sink.started();
            long t0 = System.nanoTime();
            client.copy();
            long wall = System.nanoTime() - t0;
            long cpu = Metrics.cpuNanos() - cpu0;
            long peakHeap = Metrics.peakHeap();
            long liveHeap = Metrics.maxLiveAfterGc();
            long rss = Metrics.rssPeak();
            long rssEnd = Metrics.rssNow();
            long[] counts1 = counts();
            long connections = counts1[0] - counts0[0];
            long requests = counts1[1] - counts0[1];
            if (w.isSink()) {
                long received = counts1[2] - counts0[2];
                return new RunResult(w.id(), name, phase, n, sinkStatus(w, sink, received, requests), requests,
                        received, counts1[3] - counts0[3], wall, cpu, -1, -1, peakHeap, liveHeap, rss, rssEnd,
                        connections, requests, -1, -1, -1, "");
            }
            String status = status(run, sink);
            if (status.equals("ok") && w.oneRequest() && requests != 1) {
                status = "failed: " + requests + " requests, expected 1";
            }
            return new RunResult(w.id(), name, phase, n, status, sink.pages(), sink.records(),
                    bytes(run, sink), wall, cpu, -1, sink.firstPageNanos(), peakHeap, liveHeap, rss, rssEnd,
                    connections, requests, sink.heapAtMark(), sink.heapAtEnd(), -1, sink.sample());
        } catch (Exception e) {
            return RunResult.failed(w.id(), name, phase, n, "failed: " + reason(e));
        } finally {
            finish();
        }
    }

    /**
     * One run in a JVM just started: nothing but the client is loaded before it (no metrics, no connection count), and
     * the harness times it from outside.
     */
    private RunResult cold() {
        Sink sink = new Sink(0, workload.pages(), () -> {
            System.out.println(FIRST_PAGE);
            System.out.flush();
        });
        BenchClient.Run run = new BenchClient.Run(workload, baseUrl, outDir, sink);
        try {
            client.prepare(run);
            sink.started();
            long t0 = System.nanoTime();
            client.copy();
            long wall = System.nanoTime() - t0;
            System.out.println(DONE);
            System.out.flush();
            return new RunResult(workload.id(), name, RunResult.COLD, 1, status(run, sink), sink.pages(),
                    sink.records(), bytes(run, sink), wall, Metrics.cpuNanos(), -1, -1, Metrics.peakHeap(), -1,
                    Metrics.rssPeak(), Metrics.rssNow(), -1, -1, -1, -1, -1, sink.sample());
        } catch (Exception e) {
            return RunResult.failed(workload.id(), name, RunResult.COLD, 1, "failed: " + reason(e));
        } finally {
            finish();
        }
    }

    /** "ok", or what is missing: pages, and bytes (as-is) or records (records, rows). */
    private String status(BenchClient.Run run, Sink sink) {
        Workload w = run.workload();
        PageBodies.Pages pages = run.pages();
        boolean asIs = kind == Clients.Kind.AS_IS;
        long expected = asIs ? pages.bytes() : pages.recordCount();
        long got = asIs ? sink.bytes() : sink.records();
        if (sink.pages() == w.pages() && got == expected) {
            return "ok";
        }
        return "failed: got " + sink.pages() + " pages / " + got + (asIs ? " bytes" : " records") + ", expected "
               + w.pages() + " / " + expected;
    }

    /**
     * A sink run is complete when the client says it wrote every record, the API counted each of them once, and it
     * took one request per batch (no batch sent twice, split or merged).
     */
    private static String sinkStatus(Workload w, Sink sink, long received, long requests) {
        long expected = w.pages();
        if (sink.records() == expected && received == expected && requests == w.batchesOf(expected)) {
            return "ok";
        }
        return "failed: the client wrote " + sink.records() + " records, the API counted " + received + " in "
               + requests + " requests; expected " + expected + " in " + w.batchesOf(expected);
    }

    /** The bytes copied: counted for pages as-is, the run's total for records (a List does not know its bytes). */
    private long bytes(BenchClient.Run run, Sink sink) {
        return kind == Clients.Kind.AS_IS ? sink.bytes() : run.pages().bytes();
    }

    private void finish() {
        try {
            client.finish();
        } catch (Exception e) {
            System.err.println("finish failed: " + e);
        }
    }

    /**
     * Connections the API server has accepted, requests it has answered, and records and body bytes written to it so
     * far: our JVM server's counts (its admin port is not counted), or nginx's stub_status (no records), which counts itself too: each of our reads opened one connection
     * and made one request, and is taken off.
     */
    private long[] counts() throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create(adminUrl + "/counts").toURL().openConnection();
        http.setRequestProperty("Connection", "close"); // one read, one connection: never a kept-alive one
        String body;
        try (InputStream in = http.getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
        adminReads++;
        Matcher nginx = NGINX_COUNTS.matcher(body);
        if (nginx.find()) {
            return new long[] {Long.parseLong(nginx.group(1)) - adminReads, Long.parseLong(nginx.group(2)) - adminReads,
                0, 0};
        }
        String[] ours = body.split(" "); // connections requests records bytes
        return new long[] {Long.parseLong(ours[0]), Long.parseLong(ours[1]), Long.parseLong(ours[2]),
            Long.parseLong(ours[3])};
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
