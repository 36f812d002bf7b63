package dev.adfrest.camel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Receiver;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a page's text is decoded: as Jackson detects it (UTF-8/16/32, a BOM skipped), unless the Content-Type names
 * another charset, as older APIs send ({@code application/json; charset=ISO-8859-1}), and the bytes are not UTF-8;
 * the records, the rules' values, the JsonNode and the String of a page all agree.
 */
class PageEncodingTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    private static final String RUN_ONCE = "&requestInterval=0&repeatCount=1&initialDelay=0&maxRetries=0";

    private static void latin1Page(String path, String json) {
        api.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=ISO-8859-1")
                .withBody(json.getBytes(StandardCharsets.ISO_8859_1))));
    }

    /** A page's records (JsonNodes) as JSON text. */
    private static String records(Exchange page) {
        return page.getMessage().getBody(List.class).toString();
    }

    /** In memory, and spooled to a file (a page over spoolThreshold). */
    @ParameterizedTest
    @ValueSource(strings = {"", "&spoolThreshold=10"})
    void aLatin1PageIsDecodedInItsDeclaredCharset(String spooling) throws Exception {
        String path = "/latin1" + (spooling.isEmpty() ? "" : "-spooled");
        latin1Page(path, "{\"data\":[{\"name\":\"Caf\u00e9 M\u00fcller\"}],\"next\":\"" + path + "?p=\u00e92\"}");
        latin1Page(path + "?p=%C3%A92", "{\"data\":[{\"name\":\"Stra\u00dfe\"}]}");

        List<Exchange> pages = Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + path
                + "?collectionReference=$.data&paginationRules.AbsoluteUrl=$.next" + spooling + RUN_ONCE, 2);

        assertThat(records(pages.get(0))).isEqualTo("[{\"name\":\"Caf\u00e9 M\u00fcller\"}]");
        assertThat(records(pages.get(1))).isEqualTo("[{\"name\":\"Stra\u00dfe\"}]");
    }

    /** UTF-8 JSON that a server labels ISO-8859-1 (RFC 8259 gives application/json no charset) is read as UTF-8. */
    @Test
    void utf8UnderAWrongCharsetIsReadAsUtf8() throws Exception {
        api.stubFor(get(urlEqualTo("/mislabelled")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=ISO-8859-1")
                .withBody("{\"data\":[{\"name\":\"Caf\u00e9 \u20ac\"}]}".getBytes(StandardCharsets.UTF_8))));

        List<Exchange> pages = Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/mislabelled"
                + "?collectionReference=$.data" + RUN_ONCE, 1);
        List<Exchange> asIs = Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/mislabelled"
                + "?paginationRules.SupportRFC5988=false" + RUN_ONCE, 1);

        assertThat(records(pages.get(0))).isEqualTo("[{\"name\":\"Caf\u00e9 \u20ac\"}]");
        assertThat(asIs.get(0).getMessage().getBody(String.class)).isEqualTo("{\"data\":[{\"name\":\"Caf\u00e9 \u20ac\"}]}");
    }

    /** The rules read the page in one streaming pass; the tree is built later, when the route asks for it. */
    @Test
    void aLatin1PageReadAsIsConvertsToTheSameText() throws Exception {
        latin1Page("/asis", "{\"name\":\"Caf\u00e9\",\"next\":null}");

        List<Exchange> pages = Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/asis"
                + "?paginationRules.AbsoluteUrl=$.next" + RUN_ONCE, 1);

        assertThat(pages.get(0).getMessage().getBody(JsonNode.class).path("name").asText()).isEqualTo("Caf\u00e9");
        assertThat(pages.get(0).getMessage().getBody(String.class)).isEqualTo("{\"name\":\"Caf\u00e9\",\"next\":null}");
    }

    /** A gzip-encoded page (the client asks for gzip) reaches the route decompressed, its rules read. */
    @Test
    void aGzippedPageIsDecompressed() throws Exception {
        api.stubFor(get(urlEqualTo("/gz")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(BoundedResourcesTest.gzip("{\"data\":[1,2],\"next\":\"/gz2\"}".getBytes(StandardCharsets.UTF_8)))));
        api.stubFor(get(urlEqualTo("/gz2")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(BoundedResourcesTest.gzip("{\"data\":[3]}".getBytes(StandardCharsets.UTF_8)))));

        List<Exchange> pages = Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/gz"
                + "?paginationRules.AbsoluteUrl=$.next" + RUN_ONCE, 2);

        assertThat(pages.get(0).getMessage().getBody(String.class)).isEqualTo("{\"data\":[1,2],\"next\":\"/gz2\"}");
        assertThat(pages.get(1).getMessage().getBody(String.class)).isEqualTo("{\"data\":[3]}");
        assertThat(api.getAllServeEvents().get(0).getRequest().getHeader("Accept-Encoding")).contains("gzip");
    }

    /** A page handed as it is to an adfrest sink: its records are read in the page's charset too. */
    @Test
    void aLatin1PageWrittenToTheSinkKeepsItsText() throws Exception {
        latin1Page("/tosink", "[{\"name\":\"Caf\u00e9\"},{\"name\":\"Stra\u00dfe\"}]");
        try (Receiver sink = Receiver.start()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("adfrest:" + Pages.baseUrl(api) + "/tosink?paginationRules.SupportRFC5988=false" + RUN_ONCE)
                            .to("adfrest:" + sink.url() + "/import?requestInterval=0")
                            .to("mock:written");
                }
            });

            getMockEndpoint("mock:written").expectedMessageCount(1);
            getMockEndpoint("mock:written").assertIsSatisfied(10_000);

            assertThat(sink.recordsReceived()).extracting(r -> r.get("name").asText()).containsExactly("Caf\u00e9", "Stra\u00dfe");
        }
    }

    /** A UTF-8 byte order mark is no JSON, but Jackson skips it, as a browser's JSON.parse of the text does. */
    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws Exception {
        api.stubFor(get(urlEqualTo("/bom")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("\uFEFF{\"data\":[{\"name\":\"Caf\u00e9\"}],\"next\":\"/bom2\"}".getBytes(StandardCharsets.UTF_8))));
        api.stubFor(get(urlEqualTo("/bom2")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("\uFEFF{\"data\":[]}".getBytes(StandardCharsets.UTF_8))));

        List<Exchange> pages = Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/bom"
                + "?collectionReference=$.data&paginationRules.AbsoluteUrl=$.next" + RUN_ONCE, 2);

        assertThat(records(pages.get(0))).isEqualTo("[{\"name\":\"Caf\u00e9\"}]");
        assertThat(records(pages.get(1))).isEqualTo("[]");
    }
}
