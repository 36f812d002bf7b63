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

/** Where a client's runs happen: its own JVM (the default), a new JVM per run (cold start), or the harness's JVM. */
interface Runner extends AutoCloseable {

    /** Run {@code n} of a phase ({@link RunResult#SHORT}, ...); never throws: a failure is a result. */
    RunResult run(String phase, int n);

    @Override
    void close();

    /** The client in the harness's JVM: CPU and heap figures then include the harness and the other clients. */
    static Runner inProcess(ClientMain client) {
        return new Runner() {
            @Override
            public RunResult run(String phase, int n) {
                return client.once(phase, n);
            }

            @Override
            public void close() {
            }
        };
    }

    /** The java launcher running this harness. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code taskset -c <cpus>} before a command, or nothing. */
    static List<String> pinned(String cpus) {
        return cpus == null ? List.of() : List.of("taskset", "-c", cpus);
    }

    /**
     * How every client JVM is started: the workload's heap; G1 named (a JVM pinned to one core would otherwise pick
     * the serial collector, and the figures would not compare); an OOM ends the JVM (exit 3) instead of limping on.
     */
    static List<String> clientJvm(Workload w, String cpus) {
        List<String> command = new ArrayList<>(pinned(cpus));
        command.addAll(List.of(java(), "-Xmx" + w.heap(), "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"));
        return command;
    }

    /** Where the client JVMs of the workload are told to find the API, and what else they need. */
    static List<String> clientArgs(String client, Workload w, String profile, ApiServer server, Path out) {
        return List.of("-cp", System.getProperty("java.class.path"), ClientMain.class.getName(), client, profile, w.id(),
                server.baseUrl(), server.adminUrl(), out.resolve("files").toString());
    }

    /** A client JVM driven over stdin/stdout (see {@link ClientMain}), one per client and workload. */
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

        ChildJvm(String client, Workload w, String profile, ApiServer server, Path out, boolean jfr, String cpus)
                throws IOException {
            this.workload = w;
            this.client = client;
            this.log = out.resolve("logs").resolve(w.id() + "-" + client + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(clientJvm(w, cpus));
            if (jfr) {
                command.add("-XX:StartFlightRecording=settings=profile,filename=" + out.resolve(w.id() + "-" + client + ".jfr"));
            }
            command.addAll(clientArgs(client, w, profile, server, out));
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
        public RunResult run(String phase, int n) {
            if (dead == null) {
                commands.println(phase + " " + n);
                try {
                    for (String line; (line = results.readLine()) != null;) {
                        if (line.startsWith(RunResult.PREFIX)) {
                            return RunResult.fromLine(line);
                        }
                    }
                    int exit = process.waitFor();
                    String when = phase.equals(RunResult.WARMUP) ? ", in the warm-up run"
                            + (workload.shape() == Workload.Shape.HUGE ? " (" + workload.warmupBytes() / (1024 * 1024)
                                                                         + " MiB page)" : "") : ", in a " + phase + " run";
                    dead = exit == 3 ? "OOM (-Xmx" + workload.heap() + when + ")"
                            : "failed: client JVM exit " + exit + when + ", see " + log;
                } catch (IOException | InterruptedException e) {
                    dead = "failed: " + e;
                }
            }
            return RunResult.failed(workload.id(), client, phase, n, dead);
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

    /**
     * A new client JVM for every run (W8): timed from just before the JVM is launched to the {@code FIRST-PAGE} and
     * {@code DONE} lines it prints, as the harness reads them.
     */
    final class ColdJvm implements Runner {

        private final List<String> command;
        private final Workload workload;
        private final String client;
        private final Path logs;

        ColdJvm(String client, Workload w, String profile, ApiServer server, Path out, String cpus) throws IOException {
            this.workload = w;
            this.client = client;
            this.logs = out.resolve("logs");
            Files.createDirectories(logs);
            command = new ArrayList<>(clientJvm(w, cpus));
            List<String> args = new ArrayList<>(clientArgs(client, w, profile, server, out));
            args.add(3, "--cold"); // -cp <classpath> ClientMain --cold <client> ...
            command.addAll(args);
        }

        @Override
        public RunResult run(String phase, int n) {
            Path log = logs.resolve(workload.id() + "-" + client + "-" + n + ".log");
            long firstPage = -1;
            long done = -1;
            try {
                long t0 = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null;) {
                        long now = System.nanoTime() - t0;
                        if (line.equals(ClientMain.FIRST_PAGE)) {
                            firstPage = now;
                        } else if (line.equals(ClientMain.DONE)) {
                            done = now;
                        } else if (line.startsWith(RunResult.PREFIX)) {
                            process.waitFor(1, TimeUnit.MINUTES);
                            return RunResult.fromLine(line).withRun(n).withLaunch(firstPage, done);
                        }
                    }
                }
                process.waitFor(1, TimeUnit.MINUTES);
                return RunResult.failed(workload.id(), client, phase, n, "failed: client JVM exit "
                        + (process.isAlive() ? "(hung)" : process.exitValue()) + ", see " + log);
            } catch (IOException | InterruptedException e) {
                return RunResult.failed(workload.id(), client, phase, n, "failed: " + e);
            }
        }

        @Override
        public void close() {
        }
    }
}
