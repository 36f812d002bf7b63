package dev.adfrest.camel;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A consumer route per test, started after the API is stubbed: adfrest → mock:pages. */
abstract class PaginationRouteSupport extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    static String base() {
        return Pages.baseUrl(api);
    }

    /** Starts {@code from(uri).to("mock:pages")}; one run, no waiting between pages. */
    void consume(String uri) throws Exception {
        String run = uri + (uri.contains("?") ? "&" : "?") + "requestInterval=0&repeatCount=1&initialDelay=0";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(run).to("mock:pages");
            }
        });
    }

    /** Waits for exactly {@code expected} pages and returns them in order. */
    List<Exchange> pages(int expected) throws InterruptedException {
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(expected);
        pages.assertIsSatisfied();
        return pages.getReceivedExchanges();
    }

    static List<Boolean> lastPageFlags(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getMessage().getHeader(AdfRestConstants.LAST_PAGE, Boolean.class)).toList();
    }

    static List<String> requestUrls(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getMessage().getHeader(AdfRestConstants.REQUEST_URL, String.class)).toList();
    }
}
