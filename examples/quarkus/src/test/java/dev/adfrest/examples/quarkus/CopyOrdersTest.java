package dev.adfrest.examples.quarkus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import dev.adfrest.examples.DemoApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example application, started by Quarkus: every page of the demo API lands in its own file. */
@QuarkusTest
class CopyOrdersTest {

    @Inject
    DemoApi api;

    @Inject
    CamelContext camelContext;

    @ConfigProperty(name = "orders.output")
    String output;

    @Test
    void copiesEveryPageOfTheDemoApiIntoFiles() throws IOException {
        Path dir = Path.of(output);
        await().atMost(Duration.ofSeconds(60)).until(() -> jsonFiles(dir) == api.pages());

        assertEquals(api.pages(), api.pagesServed());
        String last = Files.readString(dir.resolve("orders-" + api.pages() + ".json"));
        assertTrue(last.contains("\"id\":" + api.ordersTotal()), last);
        assertEquals(ServiceStatus.Started, camelContext.getRouteController().getRouteStatus("copy-orders"));
    }

    private static long jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
