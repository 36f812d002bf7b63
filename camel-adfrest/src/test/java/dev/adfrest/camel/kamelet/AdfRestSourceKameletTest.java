package dev.adfrest.camel.kamelet;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.AdfRestComponent;
import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.AdfRestConstants;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * kamelet:adfrest-source, loaded by camel-kamelet from the camel-adfrest jar's kamelets/ folder, copies an API as
 * the component does: the Kamelet's properties become the options of its adfrest: endpoint.
 */
class AdfRestSourceKameletTest extends CamelTestSupport {

    private static final String PASSWORD = "kamelet-pw-4411";
    private static final String API_KEY = "kamelet-key-9d0e";

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @Test
    void copiesAProtectedPaginatedApi() throws Exception {
        threeProtectedPages();
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(3);
        pages.expectedHeaderValuesReceivedInAnyOrder(AdfRestConstants.PAGE_NUMBER, 1, 2, 3);

        List<String> logLines = copyWithLogCaptured("kamelet:adfrest-source?baseUrl=" + Pages.baseUrl(api) + "/v1"
                + "&relativeUrl=RAW(/orders?limit=2)&paginationRules=RAW({\"AbsoluteUrl\": \"$.paging.next\"})"
                + "&authenticationType=Basic&userName=svc&password=" + PASSWORD
                + "&authHeaders=RAW({\"x-api-key\": \"" + API_KEY + "\"})&requestInterval=0", pages);

        List<Exchange> received = pages.getReceivedExchanges();
        assertThat(received.get(0).getMessage().getBody(String.class)).contains("\"data\":[1,2]");
        assertThat(received).extracting(e -> e.getMessage().getHeader(AdfRestConstants.LAST_PAGE))
                .containsExactly(false, false, true);
        assertThat(api.findAllUnmatchedRequests()).isEmpty();
        assertThat(logLines.stream().filter(line -> !KameletLogs.showsKameletParameters(line)))
                .noneMatch(line -> line.contains(PASSWORD) || line.contains(API_KEY));
    }

    @Test
    void secretsOnTheComponentAppearInNoLogLine() throws Exception {
        threeProtectedPages();
        AdfRestConfiguration linkedService = context.getComponent("adfrest", AdfRestComponent.class).getConfiguration();
        linkedService.setAuthenticationType("Basic");
        linkedService.setUserName("svc");
        linkedService.setPassword(PASSWORD);
        linkedService.setAuthHeaders(Map.of("x-api-key", API_KEY));
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(3);

        List<String> logLines = copyWithLogCaptured("kamelet:adfrest-source?baseUrl=" + Pages.baseUrl(api) + "/v1"
                + "&relativeUrl=RAW(/orders?limit=2)&paginationRules=RAW({\"AbsoluteUrl\": \"$.paging.next\"})"
                + "&requestInterval=0", pages);

        assertThat(api.findAllUnmatchedRequests()).isEmpty();
        assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(PASSWORD) || line.contains(API_KEY));
    }

    @Test
    void aYamlRouteUsesItWithRangeRules() throws Exception {
        for (int page = 1; page <= 3; page++) {
            api.stubFor(get(urlEqualTo("/items?page=" + page)).willReturn(Pages.json("{\"items\":[" + page + "]}")));
        }
        api.stubFor(get(urlEqualTo("/items?page=4")).willReturn(Pages.json("{\"items\":[]}")));
        MockEndpoint pages = getMockEndpoint("mock:items");
        pages.expectedMessageCount(4);
        String yaml = """
                - route:
                    id: copy-items
                    from:
                      uri: kamelet:adfrest-source
                      parameters:
                        baseUrl: %s
                        relativeUrl: /items
                        paginationRules: '{"QueryParameters.page": "RANGE:1::1", "EndCondition:$.items": "Empty"}'
                        requestInterval: 0s
                      steps:
                        - to: mock:items
                """.formatted(Pages.baseUrl(api));

        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("items.camel.yaml", yaml));

        pages.assertIsSatisfied();
        assertThat(pages.getReceivedExchanges().get(3).getMessage().getHeader(AdfRestConstants.LAST_PAGE)).isEqualTo(true);
    }

    /**
     * An incremental copy through the Kamelet: the watermark options, a stateRepository bean, and the route id given
     * after the Kamelet's name, under which the watermark is saved.
     */
    @Test
    void anIncrementalCopySavesItsWatermarkUnderTheRouteIdGiven() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        context.getRegistry().bind("copyState", state);
        api.stubFor(get(urlPathEqualTo("/v1/orders")).willReturn(Pages.json("[]")));
        api.stubFor(get(urlPathEqualTo("/v1/orders")).withQueryParam("since", equalTo("2024-05-01T00:00:00Z"))
                .willReturn(Pages.json("[{\"id\":1,\"updatedAt\":\"2024-05-02T10:00:00Z\"},"
                                       + "{\"id\":2,\"updatedAt\":\"2024-05-03T08:30:00Z\"}]")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:adfrest-source/copy-orders?baseUrl=" + Pages.baseUrl(api) + "/v1"
                     + "&relativeUrl=RAW(/orders?since={watermark})&stateRepository=#copyState"
                     + "&watermarkPath=$.updatedAt&watermarkInitialValue=2024-05-01T00:00:00Z&watermarkLag=5m"
                     + "&requestInterval=0&delay=10").routeId("orders").to("mock:pages");
            }
        });

        await().until(() -> api.findAll(getRequestedFor(urlPathEqualTo("/v1/orders"))).size() >= 2);
        context.getRouteController().stopRoute("orders");

        List<String> since = api.findAll(getRequestedFor(urlPathEqualTo("/v1/orders"))).stream()
                .map(r -> r.queryParameter("since").firstValue()).toList();
        assertThat(since.subList(0, 2)).containsExactly("2024-05-01T00:00:00Z", "2024-05-03T08:25:00Z");
        assertThat(state.getState("copy-orders#watermark")).contains("2024-05-03T08:30:00Z");
        assertThat(getMockEndpoint("mock:pages").getReceivedExchanges().get(0).getMessage()
                .getHeader(AdfRestConstants.WATERMARK)).isEqualTo("2024-05-01T00:00:00Z");
    }

    @Test
    void withoutTheBaseUrlTheRouteFailsNamingIt() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:adfrest-source?relativeUrl=/orders").routeId("no-base").to("mock:never");
            }
        })).isInstanceOf(FailedToCreateRouteException.class).hasStackTraceContaining("baseUrl");
    }

    private List<String> copyWithLogCaptured(String kameletUri, MockEndpoint pages) throws Exception {
        try (LogCapture log = LogCapture.open()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(kameletUri).routeId("copy-orders").to("mock:pages");
                }
            });
            pages.assertIsSatisfied();
            context.getRouteController().stopRoute("copy-orders");
            return log.lines();
        }
    }

    private static void threeProtectedPages() {
        String base = Pages.baseUrl(api);
        protectedPage(get(urlEqualTo("/v1/orders?limit=2")),
                "{\"data\":[1,2],\"paging\":{\"next\":\"" + base + "/v1/orders?limit=2&after=B\"}}");
        protectedPage(get(urlEqualTo("/v1/orders?limit=2&after=B")),
                "{\"data\":[3,4],\"paging\":{\"next\":\"" + base + "/v1/orders?limit=2&after=C\"}}");
        protectedPage(get(urlEqualTo("/v1/orders?limit=2&after=C")), "{\"data\":[5],\"paging\":{}}");
    }

    private static void protectedPage(MappingBuilder request, String body) {
        api.stubFor(request.withBasicAuth("svc", PASSWORD).withHeader("x-api-key", equalTo(API_KEY))
                .willReturn(Pages.json(body)));
    }
}
