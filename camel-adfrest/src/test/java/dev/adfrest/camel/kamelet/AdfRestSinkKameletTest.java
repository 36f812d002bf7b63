package dev.adfrest.camel.kamelet;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.adfrest.camel.AdfRestComponent;
import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.AdfRestConstants;
import dev.adfrest.camel.AdfRestEndpoint;
import dev.adfrest.camel.AdfRestWriteException;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * kamelet:adfrest-sink, loaded by camel-kamelet from the camel-adfrest jar's kamelets/ folder, writes the JSON array
 * it is sent as the component's producer does: JSON arrays of at most writeBatchSize records, Content-Type
 * application/json, the credentials of the component or of the Kamelet's properties.
 */
class AdfRestSinkKameletTest extends CamelTestSupport {

    private static final String PASSWORD = "sink-kamelet-pw-7720";
    private static final String API_KEY = "sink-kamelet-key-41bd";
    private static final String FIVE_ORDERS = "[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4},{\"id\":5,\"note\":\"last\"}]";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @BeforeEach
    void takeEverything() {
        api.resetAll();
        api.stubFor(any(urlPathEqualTo("/v1/import")).willReturn(aResponse().withStatus(201)));
    }

    @Test
    void writesAJsonArrayInBatchesWithBasicSetOnTheComponent() throws Exception {
        AdfRestConfiguration linkedService = context.getComponent("adfrest", AdfRestComponent.class).getConfiguration();
        linkedService.setAuthenticationType("Basic");
        linkedService.setUserName("svc");
        linkedService.setPassword(PASSWORD);

        Exchange done;
        try (LogCapture log = LogCapture.open()) {
            route("kamelet:adfrest-sink?baseUrl=" + Pages.baseUrl(api) + "/v1&relativeUrl=/import&writeBatchSize=2"
                  + "&requestInterval=0");
            done = template.request("direct:orders", e -> e.getMessage().setBody(FIVE_ORDERS));
            assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(PASSWORD));
        }

        assertThat(done.getException()).isNull();
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(3).allSatisfy(r -> {
            assertThat(r.getMethod().getName()).isEqualTo("POST");
            assertThat(r.getHeader("Content-Type")).startsWith("application/json");
            assertThat(r.getHeader("Authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder()
                    .encodeToString(("svc:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        });
        assertThat(requests).extracting(r -> json(r.getBodyAsString()))
                .containsExactly(json("[{\"id\":1},{\"id\":2}]"), json("[{\"id\":3},{\"id\":4}]"),
                        json("[{\"id\":5,\"note\":\"last\"}]"));
        assertThat(done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN)).isEqualTo(5L);
        assertThat(done.getMessage().getHeader(AdfRestConstants.REQUEST_COUNT)).isEqualTo(3);
        assertThat(done.getMessage().getBody(String.class)).as("the body is left as it was").isEqualTo(FIVE_ORDERS);
    }

    @Test
    void anApiKeyHeaderAndTheSinkOptionsAsKameletProperties() throws Exception {
        Exchange done;
        try (LogCapture log = LogCapture.open()) {
            route("kamelet:adfrest-sink?baseUrl=" + Pages.baseUrl(api) + "/v1&relativeUrl=/import&requestMethod=PUT"
                  + "&writeBatchSize=3&httpCompressionType=gzip&requestInterval=0&httpRequestTimeout=00:00:30"
                  + "&additionalHeaders=RAW({\"X-Tenant\": \"contoso\"})&maxRetries=0&retryPost=true"
                  + "&allowedHosts=127.0.0.1&authHeaders=RAW({\"x-api-key\": \"" + API_KEY + "\"})");
            done = template.request("direct:orders", e -> e.getMessage().setBody(FIVE_ORDERS.getBytes()));
            // Camel core logs a Kamelet's parameters, values included, at DEBUG while it resolves the Kamelet and for
            // each message sent to it (docs/runtimes.md): no other line shows the key
            assertThat(log.lines()).filteredOn(line -> !KameletLogs.showsKameletParameters(line))
                    .isNotEmpty().noneMatch(line -> line.contains(API_KEY));
        }

        assertThat(done.getException()).isNull();
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(r.getMethod().getName()).isEqualTo("PUT");
            assertThat(r.getHeader("Content-Type")).startsWith("application/json");
            assertThat(r.getHeader("Content-Encoding")).isEqualTo("gzip");
            assertThat(r.getHeader("x-api-key")).isEqualTo(API_KEY);
            assertThat(r.getHeader("X-Tenant")).isEqualTo("contoso");
        });
        // WireMock gunzips what it was sent
        assertThat(requests).extracting(r -> json(r.getBodyAsString()).size()).containsExactly(3, 2);
        AdfRestConfiguration options = sinkEndpoint().getConfiguration();
        assertThat(options.getRequestMethod()).isEqualTo("PUT");
        assertThat(options.getHttpRequestTimeout()).isEqualTo("00:00:30");
        assertThat(options.isRetryPost()).isTrue();
        assertThat(options.getMaxRetries()).isZero();
        assertThat(options.getAllowedHosts()).isEqualTo("127.0.0.1");
        assertThat(sinkEndpoint().getEndpointUri()).doesNotContain(API_KEY);
    }

    /**
     * A property left unset is not passed: the component's setting holds, and where it has none the sink's own ADF
     * default (POST, 10 ms between requests), not the source's (GET, a second).
     */
    @Test
    void unsetPropertiesLeaveTheComponentsSettingsAndTheSinksDefaults() throws Exception {
        AdfRestConfiguration linkedService = context.getComponent("adfrest", AdfRestComponent.class).getConfiguration();
        linkedService.setAuthHeaders(Map.of("x-api-key", API_KEY));
        linkedService.setWriteBatchSize(4);
        linkedService.setPaginationRules(Map.of("AbsoluteUrl", "$.next")); // a source's, shared on the component

        route("kamelet:adfrest-sink?baseUrl=" + Pages.baseUrl(api) + "/v1&relativeUrl=/import");
        template.sendBody("direct:orders", FIVE_ORDERS);

        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(r.getMethod().getName()).isEqualTo("POST");
            assertThat(r.getHeader("x-api-key")).isEqualTo(API_KEY);
        });
        assertThat(requests).extracting(r -> json(r.getBodyAsString()).size()).containsExactly(4, 1);
        AdfRestConfiguration options = sinkEndpoint().getConfiguration();
        assertThat(options.getRequestMethod()).as("unset: POST when writing").isNull();
        assertThat(options.getRequestInterval()).as("unset: 10 ms when writing").isNull();
        assertThat(options.getOperation()).isEqualTo("write");
    }

    @Test
    void itWritesAlsoWhenTheComponentIsSetToRead() throws Exception {
        context.getComponent("adfrest", AdfRestComponent.class).getConfiguration().setOperation("read");

        route("kamelet:adfrest-sink?baseUrl=" + Pages.baseUrl(api) + "/v1&relativeUrl=/import&requestInterval=0");
        template.sendBody("direct:orders", FIVE_ORDERS);

        assertThat(requests()).hasSize(1).allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("POST"));
        assertThat(json(requests().get(0).getBodyAsString())).isEqualTo(json(FIVE_ORDERS));
    }

    /** Mapping belongs to what reads the records: set on the component, it stops the sink's route, naming it. */
    @Test
    void aCollectionReferenceOnTheComponentFailsTheStartNamingIt() {
        context.getComponent("adfrest", AdfRestComponent.class).getConfiguration().setCollectionReference("$.data");

        assertThatThrownBy(() -> route("kamelet:adfrest-sink?baseUrl=" + Pages.baseUrl(api) + "/v1"))
                .hasStackTraceContaining("Option 'collectionReference' maps the pages a source reads");
        assertThat(requests()).isEmpty();
    }

    @Test
    void aBatchTheApiRefusesFailsTheMessageNamingIt() throws Exception {
        api.stubFor(any(urlPathEqualTo("/v1/import")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"id 3 is taken\"}")));
        route("kamelet:adfrest-sink?baseUrl=" + Pages.baseUrl(api) + "/v1&relativeUrl=/import&writeBatchSize=2"
              + "&requestInterval=0");

        Exchange done = template.request("direct:orders", e -> e.getMessage().setBody(FIVE_ORDERS));

        assertThat(done.getException()).isInstanceOf(AdfRestWriteException.class)
                .hasMessageStartingWith("Batch 1 (records 1-2) was answered HTTP 422 from POST " + Pages.baseUrl(api)
                                        + "/v1/import")
                .hasMessageContaining("id 3 is taken");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aYamlRouteWritesThroughIt() throws Exception {
        String yaml = """
                - route:
                    id: write-orders
                    from:
                      uri: direct:yaml-orders
                      steps:
                        - to:
                            uri: kamelet:adfrest-sink
                            parameters:
                              baseUrl: %s/v1
                              relativeUrl: /import
                              writeBatchSize: 4
                              requestInterval: 0s
                              authHeaders: '{"x-api-key": "%s"}'
                """.formatted(Pages.baseUrl(api), API_KEY);

        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("orders.camel.yaml", yaml));
        template.sendBody("direct:yaml-orders", FIVE_ORDERS);

        assertThat(requests()).extracting(r -> json(r.getBodyAsString()).size()).containsExactly(4, 1);
        assertThat(requests()).allSatisfy(r -> assertThat(r.getHeader("x-api-key")).isEqualTo(API_KEY));
    }

    @Test
    void withoutTheBaseUrlTheRouteFailsNamingIt() {
        assertThatThrownBy(() -> route("kamelet:adfrest-sink?relativeUrl=/import"))
                .isInstanceOf(FailedToCreateRouteException.class).hasStackTraceContaining("baseUrl");
    }

    private void route(String kameletUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").routeId("write-orders").to(kameletUri);
            }
        });
    }

    /** The adfrest endpoint the Kamelet made. */
    private AdfRestEndpoint sinkEndpoint() {
        List<AdfRestEndpoint> endpoints = context.getEndpoints().stream().filter(AdfRestEndpoint.class::isInstance)
                .map(AdfRestEndpoint.class::cast).toList();
        assertThat(endpoints).hasSize(1);
        return endpoints.get(0);
    }

    private static List<LoggedRequest> requests() {
        return api.findAll(anyRequestedFor(urlPathEqualTo("/v1/import")));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
