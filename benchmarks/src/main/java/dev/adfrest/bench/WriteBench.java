package dev.adfrest.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sink benchmark (issue 12): N records of about 200 bytes from an Iterator, written batch by batch to a local API
 * that counts and drops them, by adfrest's producer, a camel-http route and the floor (HttpClient 5 + Jackson's
 * generator), for each batch size with and without gzip. The API runs in a JVM of its own; each (client, batch, gzip)
 * runs in a fresh JVM with the same -Xmx, warm-up first, then measured runs; the clients of one setting run one after
 * another in an order rotated from setting to setting. Prints (and writes to --out) a table of medians.
 * <pre>
 * WriteBench [--records 1000000] [--warmup 200000] [--runs 3] [--batches 100,1000,10000] [--gzip false,true]
 *            [--clients floor,camel-http,adfrest] [--xmx 256m] [--out target/write-bench]
 * </pre>
 */
public final class WriteBench {

    /** "client batch gzip" of the settings a client could not complete, and why. */
    private static final Map<String, String> FAILURES = new LinkedHashMap<>();

    private WriteBench() {
    }

    /** One measured run. */
    record Run(String client, int batch, boolean gzip, double seconds, double cpu, double peakHeapMb, double liveHeapMb,
               double rssMb) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int records = Integer.parseInt(o.getOrDefault("records", "1000000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "200000"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "3"));
        List<Integer> batches = Arrays.stream(o.getOrDefault("batches", "100,1000,10000").split(","))
                .map(Integer::parseInt).toList();
        List<Boolean> gzips = Arrays.stream(o.getOrDefault("gzip", "false,true").split(",")).map(Boolean::parseBoolean)
                .toList();
        List<String> clients = List.of(o.getOrDefault("clients", String.join(",", WriteClients.NAMES)).split(","));
        String xmx = o.getOrDefault("xmx", "256m");
        Path out = Path.of(o.getOrDefault("out", "target/write-bench"));
        Files.createDirectories(out);

        String classPath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String loadAtStart = Table.loadAverage();
        long start = System.nanoTime();
        Process server = new ProcessBuilder(java, "-Xmx512m", "-cp", classPath, WriteServer.class.getName())
                .redirectError(out.resolve("server.err").toFile()).start();
        List<Run> results = new ArrayList<>();
        try {
            String url = "http://127.0.0.1:" + port(server);
            log("API in its own JVM on " + url + "; " + records + " records per run, " + runs + " runs, warm-up "
                + warmup + ", -Xmx" + xmx);
            int setting = 0;
            for (int batch : batches) {
                for (boolean gzip : gzips) {
                    List<String> order = new ArrayList<>(clients);
                    Collections.rotate(order, setting++);
                    for (String client : order) {
                        results.addAll(runClient(java, classPath, xmx, client, url, batch, gzip, records, warmup, runs,
                                out));
                    }
                }
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        String table = table(results, clients, batches, gzips, records, xmx, loadAtStart,
                (System.nanoTime() - start) / 1e9);
        System.out.println(table);
        Files.writeString(out.resolve("results.md"), table);
        System.exit(0);
    }

    private static int port(Process server) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null || !line.startsWith("port=")) {
            throw new IllegalStateException("the API did not start: " + line);
        }
        return Integer.parseInt(line.substring(5).trim());
    }

    private static List<Run> runClient(String java, String classPath, String xmx, String client, String url, int batch,
                                       boolean gzip, int records, int warmup, int runs, Path out) throws Exception {
        File log = out.resolve(client + "-" + batch + (gzip ? "-gzip" : "") + ".out").toFile();
        Process p = new ProcessBuilder(java, "-Xmx" + xmx, "-cp", classPath, WriteClientMain.class.getName(), client,
                url, String.valueOf(batch), String.valueOf(gzip), String.valueOf(records), String.valueOf(warmup),
                String.valueOf(runs)).redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(client + " did not finish: see " + log);
        }
        List<Run> got = new ArrayList<>();
        for (String line : Files.readAllLines(log.toPath())) {
            if (line.startsWith("run ")) {
                Map<String, String> f = new LinkedHashMap<>();
                for (String part : line.split(" ")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        f.put(part.substring(0, eq), part.substring(eq + 1));
                    }
                }
                got.add(new Run(client, batch, gzip, Double.parseDouble(f.get("seconds")), Double.parseDouble(f.get("cpu")),
                        Double.parseDouble(f.get("peakHeapMB")), Double.parseDouble(f.get("liveHeapMB")),
                        Double.parseDouble(f.get("rssMB"))));
            }
        }
        if (p.exitValue() != 0 || got.size() != runs) {
            String why = Files.readAllLines(log.toPath()).stream().filter(l -> l.startsWith("failed "))
                    .map(l -> l.substring("failed ".length())).findFirst().orElse("exit " + p.exitValue());
            log(String.format(Locale.ROOT, "%-10s batch %-5d gzip %-5s FAILED: %s (see %s)", client, batch, gzip, why,
                    log.getName()));
            FAILURES.put(client + " " + batch + " " + gzip, why);
            return List.of();
        }
        double median = median(got.stream().mapToDouble(Run::seconds).toArray());
        log(String.format(Locale.ROOT, "%-10s batch %-5d gzip %-5s %,10.0f records/s (median of %d), peak heap %.0f MB",
                client, batch, gzip, records / median, runs, got.stream().mapToDouble(Run::peakHeapMb).max().orElse(0)));
        return got;
    }

    static String table(List<Run> results, List<String> clients, List<Integer> batches, List<Boolean> gzips,
                        int records, String xmx, String loadAtStart, double tookSeconds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "S1: %,d records of ~200 bytes from an Iterator; %s; Java %s; load %s at"
                                             + " start, %s at end; %.0f s; one JVM per client and setting, -Xmx%s%n%n",
                records, Runtime.getRuntime().availableProcessors() + " CPUs", System.getProperty("java.runtime.version"),
                loadAtStart, Table.loadAverage(), tookSeconds, xmx));
        sb.append("| batch | gzip | client | records/s | CPU s / 1M records | peak heap MB | live heap MB | RSS MB |"
                  + " x floor | x camel-http |\n");
        sb.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int batch : batches) {
            for (boolean gzip : gzips) {
                Map<String, Double> rate = new LinkedHashMap<>();
                for (String client : clients) {
                    List<Run> runs = results.stream()
                            .filter(r -> r.client().equals(client) && r.batch() == batch && r.gzip() == gzip).toList();
                    if (!runs.isEmpty()) {
                        rate.put(client, records / median(runs.stream().mapToDouble(Run::seconds).toArray()));
                    }
                }
                for (String client : clients) {
                    List<Run> runs = results.stream()
                            .filter(r -> r.client().equals(client) && r.batch() == batch && r.gzip() == gzip).toList();
                    if (runs.isEmpty()) {
                        String why = FAILURES.get(client + " " + batch + " " + gzip);
                        if (why != null) {
                            sb.append(String.format(Locale.ROOT, "| %d | %s | %s | failed: %s | | | | | | |%n", batch,
                                    gzip ? "gzip" : "none", client, why.replace('|', '/')));
                        }
                        continue;
                    }
                    double cpu = median(runs.stream().mapToDouble(Run::cpu).toArray()) * 1_000_000.0 / records;
                    sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %,.0f | %.2f | %.0f | %.0f | %.0f | %s | %s |%n",
                            batch, gzip ? "gzip" : "none", client, rate.get(client), cpu,
                            runs.stream().mapToDouble(Run::peakHeapMb).max().orElse(0),
                            runs.stream().mapToDouble(Run::liveHeapMb).max().orElse(0),
                            runs.stream().mapToDouble(Run::rssMb).max().orElse(0),
                            ratio(rate, client, "floor"), ratio(rate, client, "camel-http")));
                }
            }
        }
        return sb.toString();
    }

    private static String ratio(Map<String, Double> rate, String client, String base) {
        return rate.containsKey(base) && !client.equals(base)
                ? String.format(Locale.ROOT, "%.2f", rate.get(client) / rate.get(base)) : "";
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    private static void log(String line) {
        System.out.println("[write-bench] " + line);
        System.out.flush();
    }
}
