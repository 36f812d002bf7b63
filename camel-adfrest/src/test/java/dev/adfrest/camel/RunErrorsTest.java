package dev.adfrest.camel;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a user sees when the API or the route misbehaves: a clear exception, and nothing emitted that should not be. */
class RunErrorsTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    private String uri(String path, String options) {
        return "adfrest:" + Pages.baseUrl(api) + path
               + "?paginationRules.AbsoluteUrl=$.next&requestInterval=0&repeatCount=1&initialDelay=0&maxRetries=0"
               + options;
    }

    private String next(String path) {
        return "{\"data\":[1],\"next\":\"" + Pages.baseUrl(api) + path + "\"}";
    }

    @Test
    void anHttpErrorCarriesStatusMethodMaskedUrlAndTheStartOfTheBody() throws Exception {
        String longBody = "{\"error\":\"" + "x".repeat(3000) + "\"}";
        api.stubFor(get(urlEqualTo("/e500?api_key=K-999")).willReturn(aResponse().withStatus(500).withBody(longBody)));

        Exchange error = Runs.firstError(context, uri("/e500", "&api_key=K-999"));

        AdfRestHttpException e = error.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestHttpException.class);
        assertThat(e).isNotNull();
        assertThat(e.getStatusCode()).isEqualTo(500);
        assertThat(e.getMethod()).isEqualTo("GET");
        assertThat(e.getUrl()).isEqualTo(Pages.baseUrl(api) + "/e500?api_key=xxxxxx");
        assertThat(e.getResponseBody()).hasSize(1024).startsWith("{\"error\":\"xxx");
        assertThat(e.getMessage()).contains("HTTP 500", "GET", "/e500?api_key=xxxxxx").doesNotContain("K-999");
    }

    @Test
    void aBodyThatIsNotJsonFailsNamingUrlAndPageNumberAndIsNotEmitted() throws Exception {
        api.stubFor(get(urlEqualTo("/html1")).willReturn(Pages.json(next("/html2"))));
        api.stubFor(get(urlEqualTo("/html2")).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        MockEndpoint ok = getMockEndpoint("mock:ok-html");

        Exchange error = firstErrorWithPagesTo("mock:ok-html", uri("/html1", ""));

        AdfRestPageException e = error.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestPageException.class);
        assertThat(e.getPageNumber()).isEqualTo(2);
        assertThat(e.getUrl()).endsWith("/html2");
        assertThat(e.getMessage()).contains("Page 2", "/html2", "not valid JSON");
        assertThat(ok.getReceivedExchanges()).hasSize(1); // page 1 only
        assertThat(ok.getReceivedExchanges().get(0).getMessage().getHeader(AdfRestConstants.LAST_PAGE)).isEqualTo(false);
    }

    @Test
    void aTruncatedJsonBodyFailsAsCutShort() throws Exception {
        api.stubFor(get(urlEqualTo("/cut")).willReturn(Pages.json("{\"data\":[{\"id\":1},{\"id\"")));

        Exchange error = Runs.firstError(context, uri("/cut", ""));

        AdfRestPageException e = error.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestPageException.class);
        assertThat(e.getMessage()).contains("Page 1", "/cut", "cut short");
    }

    @Test
    void anEmptyBodyIsNotJson() throws Exception {
        api.stubFor(get(urlEqualTo("/empty")).willReturn(aResponse().withStatus(200)));

        Exchange error = Runs.firstError(context, uri("/empty", ""));

        assertThat(error.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestPageException.class).getMessage()).contains("empty");
    }

    @Test
    void aPageTheRouteFailsStopsTheRunAndReachesTheErrorHandler() throws Exception {
        api.stubFor(get(urlEqualTo("/f1")).willReturn(Pages.json(next("/f2"))));
        api.stubFor(get(urlEqualTo("/f2")).willReturn(Pages.json(next("/f3"))));
        api.stubFor(get(urlEqualTo("/f3")).willReturn(Pages.json(next("/f4"))));
        api.stubFor(get(urlEqualTo("/f4")).willReturn(Pages.json("{\"data\":[]}")));
        MockEndpoint handled = getMockEndpoint("mock:handled");
        handled.expectedMessageCount(1);
        handled.expectedHeaderReceived(AdfRestConstants.PAGE_NUMBER, 2);
        MockEndpoint seen = getMockEndpoint("mock:seen");

        LogCapture log = LogCapture.open();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:handled"));
                from(uri("/f1", ""))
                        .to("mock:seen")
                        .filter(header(AdfRestConstants.PAGE_NUMBER).isEqualTo(2))
                        .throwException(new IllegalStateException("sink refused page 2"));
            }
        });

        handled.assertIsSatisfied();
        try (log) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> log.all().contains("stopped: the route failed page 2"));
        }
        assertThat(seen.getReceivedExchanges()).extracting(x -> x.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER))
                .containsExactly(1, 2);
        api.verify(0, getRequestedFor(urlEqualTo("/f4"))); // read-ahead stops at the page after the failed one
    }

    /** Like Runs.firstError, but pages that do arrive go to the given mock. */
    private Exchange firstErrorWithPagesTo(String pagesMock, String uri) throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors-x");
        errors.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&bridgeErrorHandler=true")
                        .onException(Exception.class).handled(true).to("mock:errors-x").end()
                        .to(pagesMock);
            }
        });
        errors.assertIsSatisfied();
        List<Exchange> received = errors.getReceivedExchanges();
        return received.get(0);
    }
}
