package dev.adfrest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark harness end to end at smoke size: every client copies every workload completely (pages and bytes, or
 * records, checked against what the server sent), the servers run in processes of their own and their CPU is read,
 * and the table is written. Says nothing about speed. The workloads nginx serves are skipped, saying why, where nginx
 * is not installed; the JVM server's always run.
 */
class BenchSmokeTest {

    private static final List<Workload> SMOKE = Workloads.of("smoke");

    @TempDir
    Path out;

    @Test
    void everyClientCopiesEveryWorkloadTheJvmServerServes() throws Exception {
        List<RunResult> results = run(SMOKE.stream().filter(w -> !w.isStatic() && !w.isSink()).toList());

        String table = Files.readString(out.resolve("results.md"));
        assertTrue(table.contains("| W3 | adfrest-p8 | 1 |"), table);
        assertTrue(table.contains("| W9 | adfrest-p32 | 1 |"), table);
        assertTrue(table.contains("| W12 | adfrest-k3 | 1 |") && !table.contains("| W3 | adfrest-k3 |"), table);
        assertTrue(table.contains("API: JVM server"), table);
        assertTrue(results.stream().filter(r -> r.workload().equals("W9") && r.client().equals("adfrest"))
                .allMatch(r -> r.pages() == 5 || r.phase().equals(RunResult.WARMUP)), "W9's sequential client copies 5 offsets");
    }

    @Test
    void everyClientWritesEverySinkWorkload() throws Exception {
        List<Workload> sinks = SMOKE.stream().filter(Workload::isSink).toList();
        assertEquals(List.of("S1-100", "S1-100-gzip", "S1-1000", "S1-1000-gzip", "S1-10000", "S1-10000-gzip"),
                sinks.stream().map(Workload::id).toList());

        List<RunResult> results = run(sinks);

        // every run: the client wrote every record, the API counted each once, one request per batch (ClientMain)
        for (Workload w : sinks) {
            for (String client : List.of("floor-sink", "camel-http-sink", "camel-http-agg", "adfrest-sink")) {
                List<RunResult> measured = results.stream().filter(r -> r.workload().equals(w.id())
                        && r.client().equals(client) && r.phase().equals(RunResult.STEADY)).toList();
                assertEquals(1, measured.size(), w.id() + " " + client);
                RunResult r = measured.get(0);
                assertEquals(w.batch() * 5L / 2, r.records(), () -> r.toString());
                assertEquals(3, r.requests(), () -> r + ": two full batches and a half");
                assertTrue(r.bytes() > 0 && r.serverCpuNanos() >= 0, r::toString);
            }
        }
        // gzip bodies reach the API smaller than plain ones of the same records
        assertTrue(steady(results, "S1-10000-gzip", "adfrest-sink").bytes()
                   < steady(results, "S1-10000", "adfrest-sink").bytes() / 2, results::toString);
        String table = Files.readString(out.resolve("results.md"));
        assertTrue(table.contains("Sink: records written") && table.contains("| S1-1000 | 1000 | none | adfrest-sink | 1 |")
                   && table.contains("| S1-100-gzip | 100 | gzip | camel-http-agg | 1 |"), table);
        assertTrue(table.contains("S1-1000: adfrest-sink >= 0.90x floor-sink, records/s: "), table);
        assertTrue(!table.contains("| workload | client | runs | pages/s"), "no pages table without page workloads:\n" + table);
    }

    /** The selection names a set of workloads by its first part. */
    @Test
    void onlyS1SelectsEverySinkWorkload() {
        assertEquals(6, Bench.selected(Bench.Options.parse("--profile", "smoke", "--only", "S1")).size());
        assertEquals(List.of("S1-1000"), Bench.selected(Bench.Options.parse("--only", "S1-1000")).stream()
                .map(Workload::id).toList());
    }

    private static RunResult steady(List<RunResult> results, String workload, String client) {
        return results.stream().filter(r -> r.workload().equals(workload) && r.client().equals(client)
                                            && r.phase().equals(RunResult.STEADY)).findFirst().orElseThrow();
    }

    @Test
    void everyClientCopiesEveryWorkloadNginxServes() throws Exception {
        List<Workload> statics = SMOKE.stream().filter(Workload::isStatic).toList();
        assumeTrue(Nginx.find(null).isPresent(), () -> "Skipped " + statics.stream().map(Workload::id).toList() + ": "
                                                       + Nginx.missing(statics.stream().map(Workload::id).toList()));

        List<RunResult> results = run(statics);

        String table = Files.readString(out.resolve("results.md"));
        assertTrue(table.contains("API: nginx/"), table);
        assertTrue(table.contains("| W10 | adfrest-records | 1 |"), table);
        assertTrue(table.contains("W5 soak"), table);
        assertTrue(table.contains("W8 cold start"), table);
        assertTrue(table.contains("| W11 | adfrest-w | 1 |") && !table.contains("| W1 | adfrest-w |"), table);
        // an incremental run that finds nothing new: one request, counted by nginx (less our own reads of its count)
        assertTrue(results.stream().filter(r -> r.workload().equals("W11")).allMatch(r -> r.requests() == 1),
                results::toString);
        // the clients doing the same work deliver the same first record or row
        Map<String, List<String>> samples = results.stream().filter(r -> !r.sample().isEmpty())
                .collect(Collectors.groupingBy(r -> r.workload(), Collectors.mapping(RunResult::sample,
                        Collectors.collectingAndThen(Collectors.toSet(), List::copyOf))));
        assertEquals(1, samples.get("W7").size(), () -> "rows differ: " + samples.get("W7"));
        assertTrue(samples.get("W7").get(0).contains("price=BigDecimal:") && samples.get("W7").get(0)
                .contains("guid=UUID:") && samples.get("W7").get(0).contains("created=LocalDateTime:"), samples::toString);
        assertEquals(1, samples.get("W10").size(), () -> "records differ: " + samples.get("W10"));
        assertTrue(samples.get("W10").get(0).contains("Ångström") || samples.get("W10").get(0).contains("José"),
                samples::toString);
        // nginx's connection count, less our own reads of it: one kept-alive connection per run
        assertTrue(results.stream().filter(r -> r.phase().equals(RunResult.STEADY) && r.workload().equals("W5"))
                .allMatch(r -> r.connections() == 1), results::toString);
    }

    @Test
    void aClientJvmReportsItsRunsAndTheServersCpu() throws Exception {
        List<RunResult> results = Bench.run(Bench.Options.parse("--profile", "smoke", "--only", "W2", "--clients",
                "adfrest", "--warmup", "0", "--out", out.toString()));

        assertEquals(1, results.size());
        RunResult r = results.get(0);
        assertEquals("ok", r.status());
        assertEquals(20, r.pages());
        assertEquals(1, r.connections());
        assertEquals(20, r.requests());
        assertTrue(r.cpuNanos() > 0 && r.rssPeak() > 0 && r.peakHeap() > 0 && r.serverCpuNanos() >= 0
                   && r.firstPageNanos() > 0, r::toString);
        assertTrue(Files.exists(out.resolve("logs").resolve("W2-adfrest.log")));

        // the table renders again from what the run saved
        String table = Files.readString(out.resolve("results.md"));
        Files.delete(out.resolve("results.md"));
        Bench.render(out);
        assertEquals(table, Files.readString(out.resolve("results.md")));
    }

    @Test
    void aMissingNginxIsNamedWithHowToInstallIt() {
        Bench.NginxMissingException e = assertThrows(Bench.NginxMissingException.class, () -> Bench.run(
                Bench.Options.parse("--profile", "smoke", "--only", "W1", "--nginx", out.resolve("no-nginx").toString(),
                        "--out", out.toString())));

        assertTrue(e.getMessage().contains("apt-get install -y nginx-light") && e.getMessage().contains("W1"),
                e::getMessage);
    }

    /** Every client of the workloads, in this JVM (the cold start's in JVMs of their own): all complete. */
    private List<RunResult> run(List<Workload> workloads) throws Exception {
        List<RunResult> results = Bench.run(Bench.Options.parse("--profile", "smoke", "--in-process",
                "--only", workloads.stream().map(Workload::id).collect(Collectors.joining(",")), "--out", out.toString()));

        for (Workload w : workloads) {
            for (String client : w.clients()) {
                long runs = results.stream().filter(r -> r.workload().equals(w.id()) && r.client().equals(client)).count();
                assertEquals(w.mode() == Workload.Mode.COLD_START ? w.runs() : w.shortRounds() + w.warmupRuns() + w.runs(),
                        runs, w.id() + " " + client);
            }
        }
        for (RunResult r : results) {
            assertEquals("ok", r.status(), () -> r.workload() + " " + r.client() + " " + r.phase());
            assertTrue(r.connections() >= 1 || r.phase().equals(RunResult.COLD), () -> r + " was not counted by the server");
            assertTrue(r.serverCpuNanos() >= 0, () -> r + " has no server CPU");
        }
        return results;
    }
}
