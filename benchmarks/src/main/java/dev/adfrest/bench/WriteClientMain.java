package dev.adfrest.bench;

import java.util.Locale;

/**
 * One write client in a JVM of its own: sets the client up, writes the warm-up records, then the measured runs, each
 * checked against the server's count. Prints one line per measured run:
 * {@code run <client> <batch> <gzip> <n> records=<r> seconds=<s> cpu=<s> peakHeapMB=<m> liveHeapMB=<m> rssMB=<m>}.
 * <pre>
 * WriteClientMain &lt;client&gt; &lt;serverUrl&gt; &lt;batch&gt; &lt;gzip&gt; &lt;records&gt; &lt;warmupRecords&gt; &lt;runs&gt;
 * </pre>
 */
public final class WriteClientMain {

    private WriteClientMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String server = args[1];
        int batch = Integer.parseInt(args[2]);
        boolean gzip = Boolean.parseBoolean(args[3]);
        int records = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int runs = Integer.parseInt(args[6]);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> { // an out-of-memory on a client's own thread
            System.out.println("failed " + e + " in thread " + thread.getName());
            Runtime.getRuntime().halt(1);
        });
        try (WriteClients.WriteClient client = WriteClients.of(name, server + "/import", batch, gzip)) {
            if (warmup > 0) {
                once(client, server, warmup);
            }
            for (int run = 1; run <= runs; run++) {
                System.gc();
                Metrics.resetPeaks();
                long cpu0 = Metrics.cpuNanos();
                long t0 = System.nanoTime();
                once(client, server, records);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (Metrics.cpuNanos() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "run %s %d %s %d records=%d seconds=%.3f cpu=%.3f peakHeapMB=%.1f"
                                               + " liveHeapMB=%.1f rssMB=%.1f%n",
                        name, batch, gzip, run, records, seconds, cpu, Metrics.peakHeap() / 1048576.0,
                        Metrics.maxLiveAfterGc() / 1048576.0, Metrics.rssPeak() / 1048576.0);
                System.out.flush();
            }
        } catch (Exception e) {
            System.out.println("failed " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Writes {@code records} records and checks that the server counted exactly those. */
    private static void once(WriteClients.WriteClient client, String server, int records) throws Exception {
        WriteServer.reset(server);
        long written = client.write(WriteRecords.of(records));
        long[] counted = WriteServer.stats(server);
        if (written != records || counted[0] != records) {
            throw new IllegalStateException("wrote " + written + " of " + records + " records, the server counted "
                                            + counted[0]);
        }
    }
}
