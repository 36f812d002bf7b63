package dev.adfrest.camel;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Bodies an API (or someone in between) should never send: each gets a clear error, nothing crashes. */
class HostileInputTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    private Exception failureOf(String path, String options) throws Exception {
        return Runs.firstFailure(context, "adfrest:" + Pages.baseUrl(api) + path
                + "?requestInterval=0&repeatCount=1&initialDelay=0&maxRetries=0" + options);
    }

    @Test
    void aDeeplyNestedBodyIsRefusedNotAStackOverflow() throws Exception {
        api.stubFor(get(urlEqualTo("/deep")).willReturn(Pages.json("[".repeat(100_000) + "]".repeat(100_000))));

        Exception e = failureOf("/deep", "");

        assertThat(e).isInstanceOf(AdfRestPageException.class);
        assertThat(e.getMessage()).contains("Page 1", "/deep", "not valid JSON", "nesting depth");
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
        api.stubFor(get(urlEqualTo("/utf8")).willReturn(aResponse().withStatus(200).withBody(body)));

        Exception e = failureOf("/utf8", "");

        assertThat(e).isInstanceOf(AdfRestPageException.class);
        assertThat(e.getMessage()).contains("Page 1", "/utf8", "not valid JSON").containsIgnoringCase("UTF-8");
    }

    @Test
    void aHugeStringIsBoundedByMaxResponseSize() throws Exception {
        api.stubFor(get(urlEqualTo("/huge")).willReturn(Pages.json("{\"blob\":\"" + "A".repeat(3_000_000) + "\"}")));

        Exception e = failureOf("/huge", "&maxResponseSize=1000000");

        assertThat(e.getMessage()).contains("Page 1", "/huge", "maxResponseSize");
    }

    @Test
    void aLargeStringWithinTheLimitIsFine() throws Exception {
        api.stubFor(get(urlEqualTo("/large")).willReturn(Pages.json("{\"blob\":\"" + "A".repeat(25_000_000) + "\"}")));
        MockEndpoint pages = getMockEndpoint("mock:large");
        pages.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // over the default spoolThreshold: the page is in a file until its exchange completes
                from("adfrest:" + Pages.baseUrl(api) + "/large?requestInterval=0&repeatCount=1&initialDelay=0")
                        .convertBodyTo(JsonNode.class)
                        .to("mock:large");
            }
        });

        pages.assertIsSatisfied();

        assertThat(pages.getExchanges().get(0).getMessage().getBody(JsonNode.class).get("blob").asText())
                .hasSize(25_000_000);
    }

    @Test
    void aNextLinkWithAJavascriptOrFileSchemeIsRefused() throws Exception {
        api.stubFor(get(urlEqualTo("/js")).willReturn(Pages.json("{\"next\":\"javascript:alert(1)\"}")));
        api.stubFor(get(urlEqualTo("/file")).willReturn(Pages.json("{\"next\":\"file:///etc/passwd\"}")));

        Exception js = failureOf("/js", "&paginationRules.AbsoluteUrl=$.next");
        Exception file = failureOf("/file", "&paginationRules.AbsoluteUrl=$.next");

        assertThat(js.getMessage()).contains("AbsoluteUrl", "javascript");
        assertThat(file.getMessage()).contains("AbsoluteUrl", "file");
    }

    @Test
    void aJsonPathValueThatIsAnObjectOrAnArrayIsRefused() throws Exception {
        api.stubFor(get(urlEqualTo("/obj")).willReturn(Pages.json("{\"next\":{\"href\":\"/x\"}}")));
        api.stubFor(get(urlEqualTo("/arr")).willReturn(Pages.json("{\"links\":[{\"rel\":\"next\",\"href\":\"/a\"},"
                + "{\"rel\":\"next\",\"href\":\"/b\"}]}")));

        Exception object = failureOf("/obj", "&paginationRules.AbsoluteUrl=$.next");
        Exception several = failureOf("/arr", "&paginationRules=RAW({\"AbsoluteUrl\":\"$.links[?(@.rel=='next')].href\"})");

        assertThat(object.getMessage()).contains("AbsoluteUrl", "$.next");
        assertThat(several.getMessage()).contains("AbsoluteUrl").containsIgnoringCase("2 values");
    }

    @Test
    void aCursorWithALineBreakNeverBecomesAHeader() throws Exception {
        api.stubFor(get(urlEqualTo("/crlf")).willReturn(Pages.json("{\"cursor\":\"abc\\r\\nX-Injected: 1\"}")));

        Exception e = failureOf("/crlf", "&paginationRules.Headers.X-Cursor=$.cursor");

        assertThat(e.getMessage()).contains("X-Cursor").containsIgnoringCase("line break");
    }

    @Test
    void trailingGarbageAfterTheJsonIsRefused() throws Exception {
        api.stubFor(get(urlEqualTo("/trail")).willReturn(Pages.json("{\"a\":1} <html>")));

        Exception e = failureOf("/trail", "");

        assertThat(e).isInstanceOf(AdfRestPageException.class);
        assertThat(e.getMessage()).contains("not valid JSON");
    }
}
