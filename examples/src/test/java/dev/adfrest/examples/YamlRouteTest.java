package dev.adfrest.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * examples/yaml as Camel JBang would run it, here with Camel Main: the route file and its application.properties
 * (the API key in camel.component.adfrest.auth-headers[x-api-key]); only the API's address and the output folder
 * are set by the test.
 */
class YamlRouteTest {

    @Test
    void theYamlRouteCopiesEveryPageOfTheDemoApi(@TempDir Path out) throws Exception {
        try (DemoApi api = DemoApi.start(4, 3, "demo-key")) {
            Main main = new Main();
            main.setPropertyPlaceholderLocations("file:yaml/application.properties");
            main.addOverrideProperty("orders.url", api.baseUrl());
            main.addOverrideProperty("orders.output", out.toString());
            main.configure().withRoutesIncludePattern("file:yaml/copy-orders.camel.yaml");
            main.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> jsonFiles(out) == 4);
            } finally {
                main.stop();
            }
            assertThat(api.pagesServed()).isEqualTo(4);
            assertThat(Files.readString(out.resolve("orders-4.json"))).contains("\"id\":12");
        }
    }

    private static long jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
