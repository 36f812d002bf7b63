package dev.adfrest.camel;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.ForwardProxy;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where requests may go, against APIs that try to send them elsewhere: next links, RFC 5988 links and redirects to
 * another host or port, from https to http, to internal addresses, and redirects without end. Each test asserts which
 * server got what.
 */
class AllowedHostsTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    /** Another origin: same host, another port. What a hostile API would point at (an internal service). */
    @RegisterExtension
    static WireMockExtension elsewhere = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension https = Pages.loopbackHttpAndHttpsServer();

    @BeforeEach
    void nothingElsewhereYet() {
        elsewhere.stubFor(get(anyUrl()).willReturn(Pages.json("{\"secret\":\"internal data\"}")));
    }

    private static String elsewhereUrl(String path) {
        return Pages.baseUrl(elsewhere) + path;
    }

    private Exception failure(String uri) throws Exception {
        Exchange error = Runs.firstError(context, uri + (uri.contains("?") ? "&" : "?")
                                                  + "requestInterval=0&repeatCount=1&initialDelay=0&maxRetries=0");
        return error.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    @Test
    void aNextLinkToAnotherPortOfTheSameHostFailsNamingTargetAndOption() throws Exception {
        api.stubFor(get(urlEqualTo("/port")).willReturn(Pages.json("{\"next\":\"" + elsewhereUrl("/admin") + "\"}")));

        Exception e = failure("adfrest:" + Pages.baseUrl(api) + "/port?paginationRules.AbsoluteUrl=$.next");

        assertThat(e).isInstanceOf(AdfRestRequestRefusedException.class)
                .hasMessageContaining("Page 2")
                .hasMessageContaining(elsewhereUrl("/admin"))
                .hasMessageContaining("allowedHosts");
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void listingTheHostAndPortAllowsIt() throws Exception {
        api.stubFor(get(urlEqualTo("/listed")).willReturn(Pages.json("{\"next\":\"" + elsewhereUrl("/more") + "\"}")));
        elsewhere.stubFor(get(urlEqualTo("/more")).willReturn(Pages.json("{}")));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/listed?paginationRules.AbsoluteUrl=$.next"
                + "&allowedHosts=127.0.0.1:" + elsewhere.getPort() + "&requestInterval=0&repeatCount=1&initialDelay=0", 2);

        elsewhere.verify(1, getRequestedFor(urlEqualTo("/more")));
    }

    @Test
    void anRfc5988LinkElsewhereIsRefused() throws Exception {
        api.stubFor(get(urlEqualTo("/linked")).willReturn(Pages.json("{}")
                .withHeader("Link", "<" + elsewhereUrl("/steal") + ">; rel=\"next\"")));

        Exception e = failure("adfrest:" + Pages.baseUrl(api) + "/linked");

        assertThat(e).isInstanceOf(AdfRestRequestRefusedException.class).hasMessageContaining(elsewhereUrl("/steal"));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRedirectElsewhereIsRefusedAndCredentialsNeverLeave() throws Exception {
        api.stubFor(get(urlEqualTo("/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhereUrl("/collect"))));

        Exception e = failure("adfrest:" + Pages.baseUrl(api) + "/moved?authHeaders.x-api-key=k-1234567");

        assertThat(e).isInstanceOf(AdfRestRequestRefusedException.class)
                .hasMessageContaining(elsewhereUrl("/collect")).hasMessageContaining("allowedHosts");
        api.verify(1, getRequestedFor(urlEqualTo("/moved")).withHeader("x-api-key", equalTo("k-1234567")));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void redirectsWithoutEndStopAfterAHandful() throws Exception {
        api.stubFor(get(urlEqualTo("/loop")).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        Exception e = failure("adfrest:" + Pages.baseUrl(api) + "/loop");

        assertThat(e).isInstanceOf(AdfRestRequestRefusedException.class).hasMessageContaining("more than 5 redirects");
        api.verify(6, getRequestedFor(urlEqualTo("/loop"))); // the request and five redirects, then no more
    }

    @Test
    void aRedirectWithinTheOriginIsFollowedWithCredentialsOnEveryHop() throws Exception {
        api.stubFor(get(urlEqualTo("/old")).willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        api.stubFor(get(urlEqualTo("/new")).willReturn(Pages.json("{\"ok\":true}")));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/old?authHeaders.x-api-key=k-1234567"
                + "&requestInterval=0&repeatCount=1&initialDelay=0", 1);

        api.verify(1, getRequestedFor(urlEqualTo("/new")).withHeader("x-api-key", equalTo("k-1234567")));
    }

    @Test
    void a307ResendsThePostBodyOnlyWithinTheOrigin() throws Exception {
        api.stubFor(post(urlEqualTo("/search")).willReturn(aResponse().withStatus(307).withHeader("Location", "/search2")));
        api.stubFor(post(urlEqualTo("/search2")).willReturn(Pages.json("{}")));
        api.stubFor(post(urlEqualTo("/leak")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", elsewhereUrl("/collect"))));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/search?requestMethod=POST"
                + "&requestBody=RAW({\"q\":\"orders\"})&requestInterval=0&repeatCount=1&initialDelay=0", 1);
        Exception e = failure("adfrest:" + Pages.baseUrl(api) + "/leak?requestMethod=POST&requestBody=RAW({\"q\":\"x\"})"
                              + "&allowedHosts=127.0.0.1:" + elsewhere.getPort());

        api.verify(postRequestedFor(urlEqualTo("/search2")).withRequestBody(equalToJson("{\"q\":\"orders\"}")));
        assertThat(e).isInstanceOf(AdfRestRequestRefusedException.class).hasMessageContaining("request body");
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a303AfterAPostIsAGetWithoutBody() throws Exception {
        api.stubFor(post(urlEqualTo("/jobs")).willReturn(aResponse().withStatus(303).withHeader("Location", "/jobs/7")));
        api.stubFor(get(urlEqualTo("/jobs/7")).willReturn(Pages.json("{\"done\":true}")));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/jobs?requestMethod=POST&requestBody=RAW({\"a\":1})"
                + "&requestInterval=0&repeatCount=1&initialDelay=0", 1);

        api.verify(getRequestedFor(urlEqualTo("/jobs/7")).withHeader("Content-Type", absent()));
    }

    @Test
    void fromHttpsToHttpIsRefusedUnlessAnEntrySaysHttp() throws Exception {
        String plain = "http://127.0.0.1:" + https.getPort();
        https.stubFor(get(urlEqualTo("/secure")).willReturn(Pages.json("{\"next\":\"" + plain + "/plain\"}")));
        https.stubFor(get(urlEqualTo("/plain")).willReturn(Pages.json("{}")));
        String uri = "adfrest:https://127.0.0.1:" + https.getHttpsPort() + "/secure?enableServerCertificateValidation=false"
                     + "&paginationRules.AbsoluteUrl=$.next";

        Exception e = failure(uri + "&allowedHosts=127.0.0.1:" + https.getPort());
        assertThat(e).isInstanceOf(AdfRestRequestRefusedException.class)
                .hasMessageContaining(plain + "/plain").hasMessageContaining("from https to plain http");
        https.verify(0, getRequestedFor(urlEqualTo("/plain")));

        Runs.copyOnce(context, uri + "&allowedHosts=http://127.0.0.1:" + https.getPort()
                + "&requestInterval=0&repeatCount=1&initialDelay=0", 2);
        https.verify(1, getRequestedFor(urlEqualTo("/plain")));
    }

    @Test
    void aNameThatResolvesToLoopbackIsCaughtAfterDnsEvenWithStar() throws Exception {
        // localhost is another host than the base URL's 127.0.0.1, and resolves to a loopback address
        api.stubFor(get(urlEqualTo("/dns")).willReturn(Pages.json("{\"next\":\"http://localhost:" + elsewhere.getPort()
                                                                  + "/admin\"}")));

        Exception e = failure("adfrest:" + Pages.baseUrl(api) + "/dns?paginationRules.AbsoluteUrl=$.next&allowedHosts=*");

        assertThat(e).isInstanceOf(AdfRestRequestRefusedException.class)
                .hasMessageContaining("http://localhost:" + elsewhere.getPort() + "/admin")
                .hasMessageContaining("'localhost' resolves to")
                .hasMessageContaining("loopback");
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anInternalHostNamedInAllowedHostsIsReached() throws Exception {
        api.stubFor(get(urlEqualTo("/named")).willReturn(Pages.json("{\"next\":\"http://localhost:" + elsewhere.getPort()
                                                                    + "/ok\"}")));
        elsewhere.stubFor(get(urlEqualTo("/ok")).willReturn(Pages.json("{}")));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/named?paginationRules.AbsoluteUrl=$.next"
                + "&allowedHosts=localhost:" + elsewhere.getPort() + "&requestInterval=0&repeatCount=1&initialDelay=0", 2);

        elsewhere.verify(1, getRequestedFor(urlEqualTo("/ok")));
    }

    @Test
    void theCloudMetadataAddressIsRefusedBeforeAnyConnectionEvenWithStar() throws Exception {
        api.stubFor(get(urlEqualTo("/imds")).willReturn(Pages.json(
                "{\"next\":\"http://169.254.169.254/metadata/identity/oauth2/token?resource=x\"}")));
        // every request of this test goes through a loopback proxy that relays only to loopback: should the guard
        // ever let the link through, the proxy records it and refuses it, and nothing leaves this machine
        try (ForwardProxy net = new ForwardProxy(null, null)) {
            String viaLoopback = "&proxyHost=127.0.0.1&proxyPort=" + net.port();
            Exception byDefault = failure("adfrest:" + Pages.baseUrl(api) + "/imds?paginationRules.AbsoluteUrl=$.next"
                                          + viaLoopback);
            Exception withStar = failure("adfrest:" + Pages.baseUrl(api) + "/imds?paginationRules.AbsoluteUrl=$.next"
                                         + "&allowedHosts=*" + viaLoopback);

            assertThat(byDefault).isInstanceOf(AdfRestRequestRefusedException.class)
                    .hasMessageContaining("allowedHosts");
            assertThat(withStar).isInstanceOf(AdfRestRequestRefusedException.class)
                    .hasMessageContaining("169.254.169.254").hasMessageContaining("link-local");
            assertThat(net.seen()).extracting(ForwardProxy.Seen::target)
                    .hasSize(2).allSatisfy(target -> assertThat(target).startsWith(Pages.baseUrl(api) + "/imds"));
        }
    }

    @Test
    void anAbsoluteRelativeUrlElsewhereIsRefusedAtStartup() {
        assertThatThrownBy(() -> context.getEndpoint("adfrest:" + Pages.baseUrl(api) + "?relativeUrl="
                                                     + elsewhereUrl("/x")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Option 'relativeUrl'")
                .hasMessageContaining(elsewhereUrl("/x"))
                .hasMessageContaining("allowedHosts");
    }
}
