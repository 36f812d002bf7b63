package dev.adfrest.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adfrest.examples.DemoApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The example application, started as it runs: the demo API copied into files, the route in /actuator/health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"demo.pages=6", "demo.per-page=5", "camel.main.run-controller=false"})
class CopyOrdersApplicationTest {

    @TempDir
    static Path output;

    @DynamicPropertySource
    static void outputFolder(DynamicPropertyRegistry registry) {
        registry.add("orders.output", output::toString);
    }

    @Autowired
    DemoApi api;

    @LocalServerPort
    int port;

    @Test
    void copiesEveryPageIntoFilesAndShowsTheRouteInHealth() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> jsonFiles(output) == api.pages());

        assertThat(api.pagesServed()).isEqualTo(6);
        JsonNode lastPage = new ObjectMapper().readTree(output.resolve("orders-6.json").toFile());
        assertThat(lastPage.at("/data/4/id").asInt()).isEqualTo(api.ordersTotal());

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode camel = new ObjectMapper().readTree(health.body()).at("/components/camelHealth");
        assertThat(camel.path("status").asText()).isEqualTo("UP");
        assertThat(camel.toString()).contains("copy-orders");
        // the adfrest consumer's own readiness check (UP since the demo API answered)
        assertThat(camel.toString()).contains("consumer:copy-orders");
    }

    private static long jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
