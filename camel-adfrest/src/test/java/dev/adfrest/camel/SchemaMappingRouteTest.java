package dev.adfrest.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** collectionReference and translator on a route: still one exchange per page, its body the records or the rows. */
class SchemaMappingRouteTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @TempDir
    static Path dir;

    private static final String ORDERS_TRANSLATOR = "{\"type\":\"TabularTranslator\",\"collectionReference\":\"$.orders\","
                                                    + "\"mappings\":[{\"source\":{\"path\":\"prod\"},\"sink\":{\"name\":\"order_pd\"}},"
                                                    + "{\"source\":{\"path\":\"$.number\"},\"sink\":{\"name\":\"orderNumber\"}}]}";

    private void route(String from) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(AdfRestException.class).handled(true).to("mock:errors");
                from(from).to("mock:pages");
            }
        });
    }

    private static String source(String relativeUrl) {
        return "adfrest:" + Pages.baseUrl(api) + "?relativeUrl=" + relativeUrl + "&requestInterval=0&repeatCount=1&initialDelay=0";
    }

    private void graphPages() {
        String base = Pages.baseUrl(api);
        api.stubFor(get(urlEqualTo("/me/albums")).willReturn(Pages.json(
                "{\"data\":[{\"name\":\"album1\"},{\"name\":\"album2\"}],\"paging\":{\"next\":\"" + base + "/me/albums?after=A\"}}")));
        api.stubFor(get(urlEqualTo("/me/albums?after=A")).willReturn(Pages.json(
                "{\"data\":[{\"name\":\"album3\"}],\"paging\":{}}")));
    }

    private void ordersPage(String path) throws Exception {
        api.stubFor(get(urlEqualTo(path)).willReturn(Pages.json(
                new String(getClass().getResourceAsStream("/adf/mongodb-orders.json").readAllBytes(), StandardCharsets.UTF_8))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void collectionReferenceMakesEachPageAListOfRecords() throws Exception {
        graphPages();
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(2);
        pages.expectedHeaderValuesReceivedInAnyOrder(AdfRestConstants.RECORD_COUNT, 2, 1);
        try (LogCapture log = LogCapture.open()) {
            route(source("/me/albums") + "&paginationRules.AbsoluteUrl=$.paging.next&collectionReference=$.data");
            pages.assertIsSatisfied();

            List<JsonNode> first = pages.getReceivedExchanges().get(0).getMessage().getBody(List.class);
            assertThat(first).extracting(r -> r.get("name").asText()).containsExactly("album1", "album2");
            assertThat(pages.getReceivedExchanges().get(1).getMessage().getHeader(AdfRestConstants.LAST_PAGE)).isEqualTo(true);
            assertThat(pages.getReceivedExchanges().get(0).getMessage().getHeader(AdfRestConstants.SKIPPED_ROW_COUNT)).isNull();
            await().untilAsserted(() -> assertThat(log.all()).contains("done: 2 pages, 3 records"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInlineTranslatorMakesEachPageAListOfRows() throws Exception {
        ordersPage("/orders");
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(1);
        pages.expectedHeaderReceived(AdfRestConstants.RECORD_COUNT, 3);
        pages.expectedHeaderReceived(AdfRestConstants.SKIPPED_ROW_COUNT, 0);
        route(source("/orders") + "&translator=RAW(" + ORDERS_TRANSLATOR + ")");
        pages.assertIsSatisfied();

        List<Map<String, Object>> rows = pages.getReceivedExchanges().get(0).getMessage().getBody(List.class);
        assertThat(rows).containsExactly(Map.of("order_pd", "p1", "orderNumber", "01"),
                Map.of("order_pd", "p2", "orderNumber", "01"), Map.of("order_pd", "p3", "orderNumber", "01"));
        assertThat(rows.get(0).keySet()).containsExactly("order_pd", "orderNumber");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTranslatorMayBeAClasspathOrFileResource() throws Exception {
        ordersPage("/orders");
        Path file = dir.resolve("translator.json");
        Files.copy(getClass().getResourceAsStream("/adf/mongodb-orders-translator.json"), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(2);
        route(source("/orders") + "&translator=classpath:adf/mongodb-orders-translator.json");
        route(source("/orders") + "&translator=file:" + file.toAbsolutePath());
        pages.assertIsSatisfied();

        for (Exchange e : pages.getReceivedExchanges()) {
            List<Map<String, Object>> rows = e.getMessage().getBody(List.class);
            assertThat(rows).extracting(r -> r.get("order_price")).containsExactly(23, 13, 231);
            assertThat(rows).extracting(r -> r.get("city")).containsOnly("Seattle");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTranslatorMayBeABean() throws Exception {
        ordersPage("/orders");
        context.getRegistry().bind("asText", ORDERS_TRANSLATOR);
        context.getRegistry().bind("asMap", new ObjectMapper().readValue(ORDERS_TRANSLATOR, Map.class));
        context.getRegistry().bind("asNode", new ObjectMapper().readTree(ORDERS_TRANSLATOR));
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(3);
        route(source("/orders") + "&translator=#asText");
        route(source("/orders") + "&translator=#asMap");
        route(source("/orders") + "&translator=#asNode");
        pages.assertIsSatisfied();
        for (Exchange e : pages.getReceivedExchanges()) {
            assertThat(e.getMessage().getBody(List.class)).hasSize(3);
        }
    }

    @Test
    void aValueThatDoesNotConvertFailsTheRunAndThePageIsNotEmitted() throws Exception {
        String base = Pages.baseUrl(api);
        api.stubFor(get(urlEqualTo("/items")).willReturn(Pages.json(
                "{\"data\":[{\"id\":1}],\"next\":\"" + base + "/items?p=2\"}")));
        api.stubFor(get(urlEqualTo("/items?p=2")).willReturn(Pages.json(
                "{\"data\":[{\"id\":2},{\"id\":\"three\"}],\"next\":\"" + base + "/items?p=3\"}")));
        api.stubFor(get(urlEqualTo("/items?p=3")).willReturn(Pages.json(
                "{\"data\":[{\"id\":4}],\"next\":\"" + base + "/items?p=4\"}")));
        api.stubFor(get(urlEqualTo("/items?p=4")).willReturn(Pages.json("{\"data\":[{\"id\":5}]}")));
        MockEndpoint pages = getMockEndpoint("mock:pages");
        MockEndpoint errors = getMockEndpoint("mock:errors");
        pages.expectedMessageCount(1);
        errors.expectedMessageCount(1);
        route(source("/items") + "&paginationRules.AbsoluteUrl=$.next&bridgeErrorHandler=true&translator=RAW("
              + "{\"collectionReference\":\"$.data\",\"mappings\":[{\"source\":{\"path\":\"id\"},"
              + "\"sink\":{\"name\":\"id\",\"type\":\"Int32\"}}]})");
        errors.assertIsSatisfied();
        pages.assertIsSatisfied();

        Exception e = errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(e).isInstanceOf(AdfRestMappingException.class)
                .hasMessage("Page 2 from " + base + "/items?p=2: row 2, column 'id' (source id): cannot convert"
                            + " \"three\" to Int32: not a number");
        assertThat(((AdfRestMappingException) e).getRow()).isEqualTo(2);
        assertThat(((AdfRestMappingException) e).getColumn()).isEqualTo("id");
        assertThat(((AdfRestMappingException) e).getPageNumber()).isEqualTo(2);
        // page 3 was read ahead (the run always knows whether a page is the last), but nothing after it
        api.verify(0, getRequestedFor(urlEqualTo("/items?p=4")));
    }

    @Test
    void skippedRowsAreCountedInAHeader() throws Exception {
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(Pages.json("{\"data\":[{\"id\":1},{\"id\":\"two\"},{\"id\":3}]}")));
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedHeaderReceived(AdfRestConstants.RECORD_COUNT, 2);
        pages.expectedHeaderReceived(AdfRestConstants.SKIPPED_ROW_COUNT, 1);
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        route(source("/items") + "&enableSkipIncompatibleRow=true&collectionReference=$.data&translator=RAW("
              + "{\"mappings\":[{\"source\":{\"path\":\"id\"},\"sink\":{\"name\":\"id\",\"type\":\"Int64\"}}]})");
        assertThat(done.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        pages.assertIsSatisfied();
        assertThat(pages.getReceivedExchanges().get(0).getMessage().getBody(List.class))
                .containsExactly(Map.of("id", 1L), Map.of("id", 3L));
    }

    @Test
    void aBadTranslatorFailsWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint(source("/x") + "&translator=RAW({\"mappings\":[{\"source\":"
                                                      + "{\"path\":\"$.a\"},\"sink\":{\"name\":\"a\",\"type\":\"Money\"}}]})"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("translator mappings[0].sink: unknown interim data type 'Money'");
        assertThatThrownBy(() -> context.getEndpoint(source("/x") + "&translator=classpath:adf/no-such-file.json"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Option 'translator': cannot read classpath:adf/no-such-file.json");
        assertThatThrownBy(() -> context.getEndpoint(source("/x") + "&collectionReference=data"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("collectionReference 'data' must start at the root");
    }
}
