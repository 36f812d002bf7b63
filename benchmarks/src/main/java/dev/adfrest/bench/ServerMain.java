package dev.adfrest.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM server's process: {@code ServerMain <profile> <workload>...} starts a {@link BenchServer} for those
 * workloads, prints {@code LISTENING <baseUrl> <adminUrl>}, and serves until its stdin ends (the harness closes it, or
 * dies).
 */
public final class ServerMain {

    static final String LISTENING = "LISTENING ";

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Workload> workloads = Arrays.stream(args).skip(1).map(id -> Workloads.byId(args[0], id)).toList();
        try (BenchServer server = new BenchServer(workloads)) {
            System.out.println(LISTENING + server.baseUrl() + " " + server.adminUrl());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null && !line.equals("quit");) {
                // nothing else is asked of it
            }
        }
        System.exit(0);
    }
}
