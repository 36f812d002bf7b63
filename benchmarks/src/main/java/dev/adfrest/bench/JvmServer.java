package dev.adfrest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM server ({@link BenchServer}) in a JVM of its own ({@link ServerMain}), for the workloads nginx cannot serve
 * from files: latency, RANGE, a streamed 512 MiB page.
 */
final class JvmServer implements ApiServer {

    private final Process process;
    private final String baseUrl;
    private final String adminUrl;
    private final String cpus;

    /**
     * @param cpus the cores to run on (taskset -c), or null for any
     * @param log  where its stderr goes
     */
    JvmServer(String profile, List<Workload> workloads, String cpus, Path log) throws IOException {
        this.cpus = cpus;
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(Runner.pinned(cpus));
        command.addAll(List.of(Runner.java(), "-Xmx512m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName(), profile));
        workloads.forEach(w -> command.add(w.id()));
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith(ServerMain.LISTENING)) {
            process.destroyForcibly();
            throw new IOException("The JVM server did not start (it said: " + line + "); see " + log);
        }
        String[] urls = line.substring(ServerMain.LISTENING.length()).split(" ");
        baseUrl = urls[0];
        adminUrl = urls[1];
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String adminUrl() {
        return adminUrl;
    }

    @Override
    public long cpuNanos() {
        return ProcessCpu.nanos(process.toHandle());
    }

    @Override
    public String describe() {
        return "JVM server (Jetty " + org.eclipse.jetty.util.Jetty.VERSION + ", own JVM, pid " + process.pid()
               + (cpus == null ? "" : ", cores " + cpus) + ") at " + baseUrl;
    }

    @Override
    public void close() {
        try (OutputStream in = process.getOutputStream()) {
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // it is going anyway
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
