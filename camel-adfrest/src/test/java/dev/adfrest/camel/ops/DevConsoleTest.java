package dev.adfrest.camel.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.InFlight;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dev console "adfrest" (camel-console): what an operator sees of each consumer, in JSON and text. */
class DevConsoleTest extends ContextTest {

    private static final String TOKEN = "t0ken-in-the-query";
    private static final String API_KEY = "k3y-in-a-header";
    private static final InFlight IN_FLIGHT = new InFlight();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer(IN_FLIGHT);

    @BeforeEach
    void reset() {
        api.resetAll();
        IN_FLIGHT.reset();
    }

    private DevConsole start(String options) throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("state", new MemoryStateRepository());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "/p/1?paginationRules.AbsoluteUrl=$.next&requestInterval=0"
                     + "&initialDelay=0&repeatCount=1&stateRepository=#state&maxRetries=1&retryDelay=0"
                     + "&collectionReference=$.data&authHeaders.X-Api-Key=" + API_KEY + "&token=" + TOKEN + options)
                        .routeId("copy").to("mock:pages");
            }
        });
        context.start();
        DevConsole console = DevConsoleRegistry.get(context).resolveById("adfrest");
        assertThat(console).as("the adfrest console is found by its id").isNotNull();
        return console;
    }

    @SuppressWarnings("unchecked")
    private static JsonObject consumer(DevConsole console) {
        JsonObject root = (JsonObject) console.call(DevConsole.MediaType.JSON);
        List<JsonObject> consumers = (List<JsonObject>) root.get("consumers");
        assertThat(consumers).hasSize(1);
        return consumers.get(0);
    }

    private static JsonObject obj(JsonObject parent, String key) {
        return (JsonObject) parent.get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterAFailedRunItShowsTheRunTheFailureTheSavedPositionAndTheRetriesWithNoSecret() throws Exception {
        Operations.pages(api, 4, 3);
        DevConsole console = start("");
        await().until(() -> consumer(console).containsKey("lastRun"));

        JsonObject c = consumer(console);
        assertThat(c.getString("routeId")).isEqualTo("copy");
        assertThat(c.getString("role")).isEqualTo("consumer");
        assertThat(c.getString("baseUrl")).isEqualTo(Pages.baseUrl(api) + "/p/1");
        assertThat(c.getString("authenticationType")).isEqualTo("Anonymous");
        assertThat((List<Object>) c.get("ruleKinds")).containsExactly("AbsoluteUrl");
        assertThat(c.getBoolean("ready")).isTrue();
        assertThat(c.getBoolean("failing")).isTrue();
        assertThat(c).doesNotContainKey("currentRun");

        JsonObject last = obj(c, "lastRun");
        assertThat(last.getString("outcome")).isEqualTo("FAILED");
        assertThat(last).doesNotContainKey("stopReason");
        assertThat(last.getLong("pages")).isEqualTo(2);
        assertThat(last.getLong("records")).isEqualTo(4);
        assertThat(last.getString("summary")).startsWith("2 pages, 4 records");

        JsonObject failure = obj(c, "lastFailure");
        assertThat(failure.getInteger("status")).isEqualTo(503);
        assertThat(failure.getInteger("page")).isEqualTo(3);
        assertThat(failure.getString("url")).isEqualTo(Pages.baseUrl(api) + "/p/3");
        assertThat(failure.getString("type")).isEqualTo("AdfRestHttpException");

        JsonObject saved = obj(c, "savedPosition");
        assertThat(saved.getInteger("page")).isEqualTo(3);
        assertThat(saved.getString("method")).isEqualTo("GET");
        assertThat(saved.getString("url")).isEqualTo(Pages.baseUrl(api) + "/p/3");
        assertThat(saved.getString("runId")).isEqualTo(last.getString("runId"));

        assertThat((Map<String, Object>) obj(c, "retries")).containsExactly(Map.entry("http-5xx", 1L));
        JsonObject totals = obj(c, "totals");
        assertThat(totals.getLong("requests")).isEqualTo(4); // pages 1, 2, 3 and page 3 once more
        assertThat(totals.getLong("runsFailed")).isEqualTo(1);
        assertThat(totals.getLong("pages")).isEqualTo(2);
        assertThat(totals.getLong("retries")).isEqualTo(1);

        String json = c.toJson();
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        for (String shown : List.of(json, text, c.getString("uri"))) {
            assertThat(shown).doesNotContain(TOKEN).doesNotContain(API_KEY);
        }
        assertThat(text).contains("Consumer adfrest://", "(route copy)", "authenticationType: Anonymous",
                "lastRun:", "outcome: FAILED", "lastFailure:", "status: 503", "savedPosition:", "page: 3",
                "retries:", "http-5xx: 1");
    }

    @Test
    void duringARunItShowsTheCurrentRunAndAfterItTheStopReason() throws Exception {
        Operations.pages(api, 3, 0);
        CountDownLatch gate = new CountDownLatch(1);
        IN_FLIGHT.hold("/p/3", gate);
        DevConsole console = start("");
        try {
            await().until(() -> consumer(console).containsKey("currentRun")
                                && obj(consumer(console), "currentRun").getLong("pages") == 1);
            JsonObject run = obj(consumer(console), "currentRun");
            assertThat(run.getString("runId")).isNotBlank();
            assertThat(run.getInteger("firstPage")).isEqualTo(1);
            assertThat(run.getInteger("page")).isEqualTo(2); // page 3 is asked for, not yet answered
            assertThat(run.getLong("records")).isEqualTo(2);
            assertThat(run.getLong("bytes")).isPositive();
            assertThat(run.getLong("elapsedMillis")).isNotNegative();
            assertThat(run).containsKeys("startedAt", "pagesPerSecond", "recordsPerSecond");
            assertThat((String) console.call(DevConsole.MediaType.TEXT)).contains("currentRun:", "firstPage: 1");
        } finally {
            gate.countDown();
        }
        await().until(() -> consumer(console).containsKey("lastRun"));
        JsonObject c = consumer(console);
        assertThat(obj(c, "lastRun").getString("outcome")).isEqualTo("COMPLETED");
        assertThat(obj(c, "lastRun").getString("stopReason")).isEqualTo("NO_NEXT_VALUE");
        assertThat(c).doesNotContainKeys("currentRun", "savedPosition", "lastFailure").containsKey("lastSuccessfulRun");
        assertThat(c.getBoolean("failing")).isFalse();
    }
}
