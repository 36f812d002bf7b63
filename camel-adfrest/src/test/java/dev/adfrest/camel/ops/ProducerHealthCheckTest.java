package dev.adfrest.camel.ops;

import java.util.List;
import java.util.Map;

import dev.adfrest.camel.AdfRestComponent;
import dev.adfrest.camel.AdfRestEndpoint;
import dev.adfrest.camel.AdfRestException;
import dev.adfrest.camel.AdfRestWriteException;
import dev.adfrest.camel.source.RunEnd;
import dev.adfrest.camel.source.RunStats;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Receiver;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The readiness of a producer that writes, as an operator sees it through Camel's producer health checks (camel-health,
 * {@code camel.health.producersEnabled=true}): DOWN with the status, masked URL and batch once a write failed after its
 * retries, UP again after the next good write; a body without records is the route's business and changes nothing.
 */
class ProducerHealthCheckTest extends ContextTest {

    private static final String KEY = "k3y-of-the-sink";
    private static final String TOKEN = "t0ken-in-the-query";
    private static final List<Map<String, Integer>> THREE = List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3));

    private final Receiver api = Receiver.start();
    private String uri;

    @AfterEach
    void stopApi() {
        api.close();
    }

    private void start(AdfRestComponent component) throws Exception {
        context = new DefaultCamelContext();
        Operations.withProducerChecks(Operations.healthChecks(context));
        if (component != null) {
            context.addComponent("adfrest", component);
        }
        uri = "adfrest:" + api.url() + "/import?token=" + TOKEN + "&writeBatchSize=2&requestInterval=0&maxRetries=1"
              + "&retryDelay=0&authHeaders.x-api-key=" + KEY;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").routeId("orders").to(uri);
                from("direct:more-orders").routeId("more-orders").to(uri);
            }
        });
        context.start();
    }

    private HealthCheck.Result readiness() {
        return Operations.producerCheck(HealthCheckHelper.invokeReadiness(context, "full"), shownUri());
    }

    /** The endpoint's URI as Camel shows it: secrets masked. */
    private String shownUri() {
        return context.getEndpoint(uri).getEndpointUri();
    }

    @Test
    void aFailedWriteTurnsItDownWithStatusMaskedUrlAndBatchAndTheNextGoodWriteUp() throws Exception {
        // batch 1 taken; batch 2 answered 503 twice (maxRetries=1); everything after taken
        api.answering((r, i) -> i == 1 || i == 2 ? Receiver.Response.of(503, "{\"error\":\"busy\"}")
                : Receiver.Response.of(201));
        start(null);
        assertThat(shownUri()).doesNotContain(TOKEN, KEY);
        try (ProducerTemplate template = context.createProducerTemplate();
             LogCapture log = LogCapture.open()) {
            assertThat(readiness().getState()).as("nothing failed before the first write").isEqualTo(HealthCheck.State.UP);

            assertThatThrownBy(() -> template.sendBody("direct:orders", THREE))
                    .hasCauseInstanceOf(AdfRestWriteException.class);

            HealthCheck.Result down = readiness();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            Map<String, Object> details = down.getDetails();
            assertThat(details).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 503)
                    .containsEntry("adfrest.batch", 2)
                    .containsEntry("adfrest.operation", "write")
                    .containsEntry("adfrest.failure.type", "AdfRestWriteException")
                    .containsEntry(HealthCheck.ENDPOINT_URI, shownUri())
                    .containsKeys("adfrest.exchange.id", "adfrest.failure.time");
            assertThat(details.get("adfrest.request.url")).isEqualTo(api.url() + "/import?token=xxxxxx");
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .contains("failed at batch 2", "HTTP 503", api.url() + "/import"));
            assertThat(details + " " + down.getMessage()).doesNotContain(TOKEN, KEY);
            // a failing remote API is no reason to restart this JVM
            assertThat(HealthCheckHelper.invokeLiveness(context)).allMatch(r -> r.getState() == HealthCheck.State.UP);

            template.sendBody("direct:more-orders", THREE);

            HealthCheck.Result up = readiness();
            assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(up.getDetails()).doesNotContainKeys(HealthCheck.HTTP_RESPONSE_CODE, "adfrest.batch");
            assertThat(api.requests()).hasSize(5);
            assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(KEY))
                    // HttpClient's own DEBUG lines show the query string as sent (docs/sink.md): only those have it
                    .filteredOn(line -> line.contains(TOKEN))
                    .allMatch(line -> line.startsWith("DEBUG org.apache.hc.client5.http.impl.classic.MainClientExec "));
        }
    }

    @Test
    void aBodyWithoutRecordsIsTheRoutesBusinessNotTheApis() throws Exception {
        start(null);
        try (ProducerTemplate template = context.createProducerTemplate()) {
            assertThatThrownBy(() -> template.sendBody("direct:orders", 42)).isInstanceOf(CamelExecutionException.class)
                    .hasCauseInstanceOf(AdfRestException.class);
            assertThatThrownBy(() -> template.sendBody("direct:orders", "[{\"id\":1},{\"id\":2},{\"id\":3}, 4]"))
                    .hasCauseInstanceOf(AdfRestWriteException.class).hasStackTraceContaining("record 4");

            assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(api.requests()).as("batch 1 was written before record 4 was read").hasSize(1);
            RunStats.Snapshot stats = context.getEndpoint(uri, AdfRestEndpoint.class).getProducerStats().snapshot();
            assertThat(stats.last().outcome()).isEqualTo(RunEnd.Outcome.ROUTE_FAILED);
            assertThat(stats.runsFailed()).isZero();
            assertThat(stats.lastFailure()).isNull();
        }
    }

    @Test
    void aProducerThatReadsIsDownWhileItsLastRunFailed() throws Exception {
        api.answering((r, i) -> i == 0 ? Receiver.Response.of(404, "{\"error\":\"gone\"}")
                : Receiver.Response.of(200, "{\"data\":[1]}"));
        context = new DefaultCamelContext();
        Operations.withProducerChecks(Operations.healthChecks(context));
        String reader = "adfrest:" + api.url() + "/orders?operation=read&maxRetries=0";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:read").routeId("read").to(reader).split(body()).streaming().to("mock:pages");
            }
        });
        context.start();
        uri = reader;
        try (ProducerTemplate template = context.createProducerTemplate()) {
            assertThatThrownBy(() -> template.sendBody("direct:read", null)).hasStackTraceContaining("HTTP 404");

            HealthCheck.Result down = readiness();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 404)
                    .containsEntry("adfrest.page", 1).containsEntry("adfrest.operation", "read")
                    .containsEntry("adfrest.request.url", api.url() + "/orders").containsKey("adfrest.run.id");

            template.sendBody("direct:read", null);
            assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        }
    }

    @Test
    void oneCheckPerEndpointWhileAProducerOfItRuns() throws Exception {
        start(null);
        // two routes, two producers of the same endpoint: one check
        assertThat(HealthCheckHelper.invokeReadiness(context, "full"))
                .filteredOn(r -> r.getCheck().getId().startsWith("producer:")).hasSize(1);

        context.getRouteController().stopRoute("orders");
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);

        context.getRouteController().stopRoute("more-orders");
        assertThat(HealthCheckHelper.invokeReadiness(context, "full"))
                .noneMatch(r -> r.getCheck().getId().startsWith("producer:"));
    }

    @Test
    void theComponentCanTurnItsProducerChecksOff() throws Exception {
        api.answering((r, i) -> Receiver.Response.of(500));
        AdfRestComponent component = new AdfRestComponent();
        component.setHealthCheckProducerEnabled(false);
        start(component);
        try (ProducerTemplate template = context.createProducerTemplate()) {
            assertThatThrownBy(() -> template.sendBody("direct:orders", THREE))
                    .hasCauseInstanceOf(AdfRestWriteException.class);
        }

        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(result.getMessage()).hasValue("Disabled");
    }
}
