package dev.adfrest.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx serving the static workloads from files (see {@link StaticSite}), started by the harness as a child process on
 * a free 127.0.0.1 port with a configuration of its own (one worker, keep-alive without a request limit, no access
 * log, pre-compressed files for gzip workloads, Microsoft Graph's query-string paging mapped to files), and stopped
 * after. Its {@code stub_status} on a second port counts the connections it accepted and the requests it answered.
 */
final class Nginx implements ApiServer {

    /** Where nginx usually is when it is not on the PATH (Debian puts it in /usr/sbin). */
    private static final List<String> USUAL = List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin",
            "/opt/homebrew/bin", "/usr/local/bin");
    /** Ports tried first, so that a rerun finds its site already written for the same base URL. */
    private static final int PREFERRED_PORT = 18470;
    static final String GRAPH_CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private final Process process;
    private final String version;
    private final int port;
    private final int adminPort;
    private final String cpus;

    private Nginx(Process process, String version, int port, int adminPort, String cpus) {
        this.process = process;
        this.version = version;
        this.port = port;
        this.adminPort = adminPort;
        this.cpus = cpus;
    }

    /** The nginx binary: the one given (--nginx), else $NGINX, else on the PATH or where packages put it. */
    static Optional<Path> find(String given) {
        String path = given != null ? given : System.getenv("NGINX");
        if (path != null && !path.isBlank()) {
            return Optional.of(Path.of(path)).filter(Files::isExecutable);
        }
        return onPath("nginx");
    }

    /** A program on the PATH or in the usual sbin folders. */
    static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), USUAL.stream())
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** What to do when nginx is missing: said once, the same by the harness and the smoke test. */
    static String missing(List<String> workloads) {
        return "nginx is not installed, and the static workloads (" + String.join(", ", workloads) + ") are served by"
               + " nginx. Install it: `sudo apt-get install -y nginx-light` (Debian, Ubuntu), `sudo dnf install nginx`"
               + " (Fedora), `brew install nginx` (macOS); or point to it with --nginx /path/to/nginx (or $NGINX); or leave those"
               + " workloads out with --only.";
    }

    /**
     * Writes the site and the configuration under {@code dir}, starts nginx and waits until it answers.
     *
     * @param cpus the cores to run on (taskset -c), or null for any
     */
    static Nginx start(Path binary, Path folder, List<Workload> workloads, String cpus) throws IOException {
        Path dir = folder.toAbsolutePath();
        Path root = dir.resolve("www");
        Files.createDirectories(dir.resolve("temp"));
        String version = version(binary);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort(attempt == 0 ? PREFERRED_PORT : 0);
            int adminPort = freePort(attempt == 0 ? PREFERRED_PORT + 1 : 0);
            String base = "http://127.0.0.1:" + port;
            long written = StaticSite.write(root, workloads, base);
            if (written > 0) {
                System.err.println("[bench] nginx: wrote " + written + " page files under " + root);
            }
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config(binary, dir, root, workloads, port, adminPort));
            Path log = dir.resolve("nginx.log");
            List<String> command = new ArrayList<>(Runner.pinned(cpus));
            command.addAll(List.of(binary.toString(), "-p", dir.toString(), "-c", conf.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Nginx nginx = new Nginx(process, version, port, adminPort, cpus);
            try {
                nginx.awaitListening(log);
                return nginx;
            } catch (IOException e) {
                nginx.close();
                if (!String.valueOf(e.getMessage()).contains("in use")) {
                    throw e;
                }
                last = e; // a port taken between our check and nginx's bind: try others
            }
        }
        throw last;
    }

    private static String config(Path binary, Path dir, Path root, List<Workload> workloads, int port, int adminPort)
            throws IOException {
        String built = build(binary);
        StringBuilder c = new StringBuilder();
        c.append("# written by the benchmark harness (dev.adfrest.bench.Nginx) for one run; rewritten by the next\n");
        c.append("daemon off;\nmaster_process on;\nworker_processes 1;\n");
        c.append("pid ").append(dir.resolve("nginx.pid")).append(";\n");
        c.append("error_log ").append(dir.resolve("error.log")).append(" warn;\n");
        if ("root".equals(System.getProperty("user.name"))) {
            c.append("user root;\n"); // workers read the site where the harness wrote it
        }
        c.append("events { worker_connections 1024; }\n");
        c.append("http {\n");
        c.append("    access_log off;\n");
        c.append("    client_body_temp_path ").append(dir.resolve("temp/body")).append(";\n");
        // the packaged paths (/var/lib/nginx) may not be ours to write: every temp path of a module built in goes here
        for (String module : List.of("proxy", "fastcgi", "uwsgi", "scgi")) {
            if (!built.contains("--without-http_" + module + "_module")) {
                c.append("    ").append(module).append("_temp_path ").append(dir.resolve("temp/" + module)).append(";\n");
            }
        }
        c.append("    default_type application/json;\n    types { }\n");
        c.append("    sendfile on;\n    tcp_nopush on;\n    tcp_nodelay on;\n");
        // one connection may carry a whole run (the soak: 100,000 requests; nginx closes after 1,000 by default)
        c.append("    keepalive_requests 100000000;\n    keepalive_timeout 300s;\n");
        // no open_file_cache: it keeps a descriptor per cached file, and the soak alone has 105,000 files
        // Graph pages: ?$top=k&$skiptoken=<token> -> the file users-<token>; the first page (no token) -> users-first
        c.append("    map $args $graph_page {\n        ~skiptoken=(?<gtoken>[^&]+) $gtoken;\n        default first;\n    }\n");
        c.append("    server {\n        listen 127.0.0.1:").append(port).append(";\n");
        c.append("        root ").append(root).append(";\n");
        for (Workload w : workloads) {
            switch (w.shape()) {
                case NEXT_LINK -> c.append("        location /").append(w.id()).append("/ {")
                        .append(w.gzip() ? " gzip_static on;" : "").append(" }\n");
                case GRAPH -> c.append("        location ~ ^/(?<gw>").append(w.id())
                        .append(")/(?<gtotal>[0-9]+)/users$ {\n")
                        .append("            default_type \"").append(GRAPH_CONTENT_TYPE).append("\";\n")
                        .append("            try_files /$gw/$gtotal/users-$graph_page =404;\n        }\n");
                default -> throw new IllegalArgumentException(w.id() + ": nginx serves NEXT_LINK and GRAPH pages only");
            }
        }
        c.append("    }\n");
        c.append("    server {\n        listen 127.0.0.1:").append(adminPort).append(";\n");
        c.append("        location = /counts { stub_status; }\n    }\n");
        c.append("}\n");
        return c.toString();
    }

    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx stopped at start (exit " + process.exitValue() + "): "
                                      + Files.readString(log).trim());
            }
            if (answers(port) && answers(adminPort)) {
                return;
            }
            try {
                Thread.sleep(20); // polling a child's port: there is nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while nginx started", e);
            }
        }
        throw new IOException("nginx did not listen on 127.0.0.1:" + port + " within 20 s; see " + log);
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(int preferred) throws IOException {
        if (preferred > 0) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", preferred));
                return preferred;
            } catch (IOException e) {
                // taken: any free one
            }
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static String version(Path binary) {
        String v = run(binary, "-v");
        int slash = v.indexOf("nginx/");
        return slash < 0 ? "nginx" : v.substring(slash).split("\\s")[0];
    }

    /** {@code nginx -V}: which modules were built in or out. */
    private static String build(Path binary) {
        return run(binary, "-V");
    }

    private static String run(Path binary, String option) {
        try {
            Process p = new ProcessBuilder(binary.toString(), option).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    @Override
    public long cpuNanos() {
        return ProcessCpu.nanos(process.toHandle());
    }

    @Override
    public String describe() {
        return version + " (1 worker, own process, pid " + process.pid() + (cpus == null ? "" : ", cores " + cpus)
               + ") at " + baseUrl();
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
