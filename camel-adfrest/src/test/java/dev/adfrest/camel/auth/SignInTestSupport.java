package dev.adfrest.camel.auth;

import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

/**
 * A REST API on 127.0.0.1 that pages through {@code /items?page=1..n} ({"data":[n],"next":"...page=n+1"}), and
 * copy runs against it with a given authentication: one route per test, added after the stubs are in place.
 */
abstract class SignInTestSupport extends CamelTestSupport {

    /** Trust for the HTTPS sign-in servers, as an endpoint option value. */
    static final String SIGN_IN_TRUST = "sslContextParameters=#signInTrust";

    /** An HTTPS WireMock on 127.0.0.1 with a certificate made for the test run. */
    static WireMockExtension httpsLoopbackServer() {
        TestKeys.KeyPair tls = TestKeys.tls();
        return WireMockExtension.newInstance()
                .options(WireMockConfiguration.options()
                        .bindAddress("127.0.0.1")
                        .httpDisabled(true)
                        .dynamicHttpsPort()
                        .keystoreType("PKCS12")
                        .keystorePath(tls.file().toString())
                        .keystorePassword(tls.password())
                        .keyManagerPassword(tls.password()))
                .build();
    }

    static String httpsUrl(WireMockExtension server) {
        return "https://127.0.0.1:" + server.getHttpsPort();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("signInTrust", TestKeys.tls().trustingIt());
        return context;
    }

    /** Stubs pages 1..n of /items; the last one has no next link. */
    static void stubPages(WireMockExtension api, int n) {
        for (int page = 1; page <= n; page++) {
            String next = page < n ? ",\"next\":\"" + Pages.baseUrl(api) + "/items?page=" + (page + 1) + "\"" : "";
            api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(Pages.json("{\"data\":[" + page + "]" + next + "}")));
        }
    }

    /** The adfrest: URI of a full-speed, single copy run of /items with these (authentication) options. */
    static String itemsUri(WireMockExtension api, String options) {
        return "adfrest:" + Pages.baseUrl(api) + "/items?page=1"
               + "&paginationRules=RAW({\"AbsoluteUrl\":\"$.next\"})&requestInterval=0&initialDelay=0&repeatCount=1&" + options;
    }

    /** Runs one copy and waits for its pages on mock:pages. */
    List<Exchange> copy(WireMockExtension api, String options, int pages) throws Exception {
        return copyFrom(itemsUri(api, options), pages);
    }

    /** Runs one copy from this endpoint URI and waits for its pages on mock:pages. */
    List<Exchange> copyFrom(String uri, int pages) throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:pages");
        mock.reset();
        mock.expectedMessageCount(pages);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:pages");
            }
        });
        mock.assertIsSatisfied();
        return mock.getReceivedExchanges();
    }

    /** Runs one copy that fails; returns the exception the run ended with. */
    Exception failedCopy(WireMockExtension api, String options) throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.reset();
        errors.expectedMessageCount(1);
        String uri = itemsUri(api, options + "&bridgeErrorHandler=true");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).to("mock:errors");
                from(uri).to("mock:pages");
            }
        });
        errors.assertIsSatisfied();
        return errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /** The Authorization header of each API request, in order. */
    static List<String> authorizationsSent(WireMockExtension api) {
        List<ServeEvent> events = new java.util.ArrayList<>(api.getAllServeEvents());
        java.util.Collections.reverse(events); // WireMock lists the latest first
        return events.stream().map(e -> e.getRequest().getHeader("Authorization")).collect(Collectors.toList());
    }
}
