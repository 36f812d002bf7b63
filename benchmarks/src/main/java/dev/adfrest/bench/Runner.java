package dev.adfrest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where a client's runs happen: its own JVM (the default) or the harness's JVM (smoke test). */
interface Runner extends AutoCloseable {

    /** A warm-up run, or measured run {@code n}; never throws: a failure is a result. */
    RunResult run(boolean warmup, int n);

    @Override
    void close();

    /** The client in the harness's JVM: CPU and heap figures then include the server and the other clients. */
    static Runner inProcess(ClientMain client) {
        return new Runner() {
            @Override
            public RunResult run(boolean warmup, int n) {
                return client.once(warmup, n);
            }

            @Override
            public void close() {
            }
        };
    }

    /** A client JVM driven over stdin/stdout (see {@link ClientMain}). */
    final class ChildJvm implements Runner {

        /** No client JVM lives longer: a hung client ends, the benchmark goes on. */
        private static final Duration LIFETIME = Duration.ofMinutes(45);

        private final Workload workload;
        private final String client;
        private final Path log;
        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader results;
        private String dead;

        ChildJvm(String client, Workload w, String profile, BenchServer server, Path out, boolean jfr) throws IOException {
            this.workload = w;
            this.client = client;
            this.log = out.resolve("logs").resolve(w.id() + "-" + client + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + w.heap(), "-XX:+ExitOnOutOfMemoryError"));
            if (jfr) {
                command.add("-XX:StartFlightRecording=settings=profile,filename=" + out.resolve(w.id() + "-" + client + ".jfr"));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClientMain.class.getName(),
                    client, profile, w.id(), server.baseUrl(), server.adminUrl(), out.resolve("files").toString()));
            process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            results = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Thread watchdog = new Thread(() -> {
                try {
                    if (!process.waitFor(LIFETIME.toMinutes(), TimeUnit.MINUTES)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-watchdog-" + w.id() + "-" + client);
            watchdog.setDaemon(true);
            watchdog.start();
        }

        @Override
        public RunResult run(boolean warmup, int n) {
            if (dead == null) {
                commands.println(warmup ? "warmup" : "run " + n);
                try {
                    for (String line; (line = results.readLine()) != null;) {
                        if (line.startsWith(RunResult.PREFIX)) {
                            return RunResult.fromLine(line);
                        }
                    }
                    int exit = process.waitFor();
                    String when = warmup ? ", in the warm-up run" + (workload.shape() == Workload.Shape.HUGE
                            ? " (" + workload.warmupBytes() / (1024 * 1024) + " MiB page)" : "") : "";
                    dead = exit == 3 ? "OOM (-Xmx" + workload.heap() + when + ")"
                            : "failed: client JVM exit " + exit + when + ", see " + log;
                } catch (IOException | InterruptedException e) {
                    dead = "failed: " + e;
                }
            }
            return RunResult.failed(workload.id(), client, n, dead);
        }

        @Override
        public void close() {
            commands.println("quit");
            try {
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
