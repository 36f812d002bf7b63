package dev.adfrest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark harness end to end at smoke size: every client copies every workload completely (pages and bytes
 * checked against what the server sent; on W11 exactly one request per run) and the table is written. Says nothing
 * about speed.
 */
class BenchSmokeTest {

    @TempDir
    Path out;

    @Test
    void everyClientCopiesEveryWorkloadAndTheTableIsWritten() throws Exception {
        List<RunResult> results = Bench.run(Bench.Options.parse("--profile", "smoke", "--in-process", "--out", out.toString()));

        long pairs = Workloads.smoke().stream().mapToLong(w -> Bench.clientsOn(w, ClientMain.CLIENTS).size()).sum();
        assertEquals(pairs, results.size());
        for (RunResult r : results) {
            assertEquals("ok", r.status(), () -> r.workload() + " " + r.client());
            assertTrue(r.connections() >= 1, () -> r + " was not counted by the server");
        }
        String table = Files.readString(out.resolve("results.md"));
        assertTrue(table.contains("| W1 | adfrest | 1 |"), table);
        assertTrue(table.contains("| W3 | adfrest-p8 | 1 |"), table);
        assertTrue(!table.contains("| W1 | adfrest-p8 |"), table);
        assertTrue(table.contains("| W7 | adfrest-k3 | 1 |"), table);
        assertTrue(!table.contains("| W7 | floor |") && !table.contains("| W3 | adfrest-k3 |"), table);
        assertTrue(table.contains("W5 soak"), table);
        assertTrue(table.contains("| W11 | adfrest-w | 1 |") && !table.contains("| W1 | adfrest-w |"), table);
    }

    @Test
    void aClientJvmReportsItsRuns() throws Exception {
        List<RunResult> results = Bench.run(Bench.Options.parse("--profile", "smoke", "--only", "W1", "--clients", "floor",
                "--warmup", "0", "--out", out.toString()));

        assertEquals(1, results.size());
        RunResult r = results.get(0);
        assertEquals("ok", r.status());
        assertEquals(20, r.pages());
        assertEquals(1, r.connections());
        assertTrue(r.cpuNanos() > 0 && r.rssPeak() > 0 && r.peakHeap() > 0, r::toString);
        assertTrue(Files.exists(out.resolve("logs").resolve("W1-floor.log")));
    }
}
