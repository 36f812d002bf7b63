package dev.adfrest.camel.ops;

import java.util.List;
import java.util.Map;

import dev.adfrest.camel.testsupport.Receiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer that writes, as operators see it: the dev console lists it beside the consumers (each exchange's write a
 * run, the records written, the last failure masked), and the meters count the records it wrote.
 */
class ProducerOperationsTest extends ContextTest {

    private static final String KEY = "k3y-of-the-sink";

    private final Receiver api = Receiver.start();

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsoleAndTheMetersShowWhatTheSinkWrote() throws Exception {
        api.answering((r, i) -> i < 2 ? Receiver.Response.of(201) : Receiver.Response.of(422, "{\"error\":\"no\"}"));
        MeterRegistry meters = new SimpleMeterRegistry();
        context = new DefaultCamelContext();
        context.getRegistry().bind("meters", meters);
        context.start();
        String uri = "adfrest:" + api.url() + "/import?writeBatchSize=2&requestInterval=0&authHeaders.x-api-key=" + KEY;
        try (ProducerTemplate template = context.createProducerTemplate()) {
            template.sendBody(uri, List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)));
            template.send(uri, e -> e.getMessage().setBody(List.of(Map.of("id", 4))));
            // while the producer runs, its meters are in the registry
            assertThat(meters.get("adfrest.sink.records").functionCounter().count()).isEqualTo(3);
        }

        DevConsole console = DevConsoleRegistry.get(context).resolveById("adfrest");
        JsonObject root = (JsonObject) console.call(DevConsole.MediaType.JSON);
        List<JsonObject> producers = (List<JsonObject>) root.get("producers");
        assertThat(producers).hasSize(1);
        JsonObject producer = producers.get(0);
        assertThat(producer.getString("role")).isEqualTo("producer");
        assertThat(producer.getString("baseUrl")).isEqualTo(api.url() + "/import");
        assertThat(root.toJson()).doesNotContain(KEY)
                .contains("\"recordsWritten\":3")
                .contains("Batch 1 (records 1-1) was answered HTTP 422");
        assertThat(String.valueOf(console.call(DevConsole.MediaType.TEXT))).doesNotContain(KEY);
    }
}
