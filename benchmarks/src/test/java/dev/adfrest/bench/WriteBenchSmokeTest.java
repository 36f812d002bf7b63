package dev.adfrest.bench;

import java.util.List;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sink benchmark's parts at smoke size, in this JVM: every client writes every record, with and without gzip, as
 * the API counts them, and the table is made. Says nothing about speed.
 */
class WriteBenchSmokeTest {

    @Test
    void everyClientWritesEveryRecordAndTheApiCountsThem() throws Exception {
        Server server = WriteServer.start();
        try {
            String url = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            for (String name : java.util.stream.Stream.concat(WriteClients.NAMES.stream(),
                    java.util.stream.Stream.of(WriteClients.AGGREGATING)).toList()) {
                for (boolean gzip : List.of(false, true)) {
                    try (WriteClients.WriteClient client = WriteClients.of(name, url + "/import", 1000, gzip)) {
                        WriteServer.reset(url);
                        long written = client.write(WriteRecords.of(2_500));
                        long[] counted = WriteServer.stats(url);
                        assertEquals(2_500, written, name + " gzip " + gzip);
                        assertEquals(2_500, counted[0], name + " gzip " + gzip);
                        assertEquals(3, counted[1], name + " gzip " + gzip + ": requests");
                    }
                }
            }
        } finally {
            server.stop();
        }
        String table = WriteBench.table(List.of(new WriteBench.Run("floor", 1000, false, 2.0, 1.0, 30, 10, 100),
                new WriteBench.Run("adfrest", 1000, false, 1.0, 1.0, 30, 10, 100)), WriteClients.NAMES,
                List.of(1000), List.of(false), 1_000_000, "256m", "0", 3);
        assertEquals(true, table.contains("| 1000 | none | adfrest | 1,000,000 | 1.00 | 30 | 10 | 100 | 2.00 |  |"), table);
    }
}
