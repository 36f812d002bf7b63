package dev.adfrest.camel;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * additionalHeaders and query parameters whose names look like credentials are credentials: they go only to the base
 * URL's origin, even to a host allowedHosts lets next links reach, and are masked wherever they could be shown.
 */
class CredentialLikeValuesTest extends CamelTestSupport {

    private static final String KEY = "k3y-0f-th3-ap1";
    private static final String SUBSCRIPTION = "sub5cr1pt10n-k3y";

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    /** A host the user allowed next links to go to (a CDN, a second API host), which gets no credential. */
    @RegisterExtension
    static WireMockExtension cdn = Pages.loopbackServer();

    private static String allowCdn() {
        return "&allowedHosts=127.0.0.1:" + cdn.getPort();
    }

    @Test
    void credentialLikeAdditionalHeadersGoOnlyToTheBaseOrigin() throws Exception {
        api.stubFor(get(urlEqualTo("/h")).willReturn(Pages.json("{\"next\":\"" + Pages.baseUrl(cdn) + "/h2\"}")));
        cdn.stubFor(get(urlEqualTo("/h2")).willReturn(Pages.json("{}")));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/h?additionalHeaders.x-api-key=" + KEY
                + "&additionalHeaders=RAW({\"Ocp-Apim-Subscription-Key\":\"" + SUBSCRIPTION + "\",\"X-Trace\":\"t1\"})"
                + "&paginationRules.AbsoluteUrl=$.next&requestInterval=0&repeatCount=1&initialDelay=0" + allowCdn(), 2);

        api.verify(getRequestedFor(urlEqualTo("/h")).withHeader("x-api-key", equalTo(KEY))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(SUBSCRIPTION)).withHeader("X-Trace", equalTo("t1")));
        cdn.verify(getRequestedFor(urlEqualTo("/h2")).withHeader("x-api-key", absent())
                .withHeader("Ocp-Apim-Subscription-Key", absent()).withHeader("X-Trace", equalTo("t1")));
    }

    @Test
    void keepQueryParametersReAddsTheFirstRequestsParametersOnlyOnTheSameOrigin() throws Exception {
        api.stubFor(get(urlPathEqualTo("/q")).willReturn(Pages.json("{\"next\":\"/q2\"}")));
        api.stubFor(get(urlPathEqualTo("/q2")).willReturn(Pages.json("{\"next\":\"" + Pages.baseUrl(cdn) + "/q3\"}")));
        cdn.stubFor(get(urlPathEqualTo("/q3")).willReturn(Pages.json("{}")));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/q?api_key=" + KEY + "&limit=5&keepQueryParameters=true"
                + "&paginationRules.AbsoluteUrl=$.next&requestInterval=0&repeatCount=1&initialDelay=0" + allowCdn(), 3);

        api.verify(getRequestedFor(urlEqualTo("/q2?api_key=" + KEY + "&limit=5")));
        cdn.verify(getRequestedFor(urlEqualTo("/q3"))); // nothing re-added on another origin: no key, no limit
    }

    @Test
    void theyAreMaskedInUrisLogsAndErrors() throws Exception {
        // a hostile or careless API echoes the key it was sent in its error page
        api.stubFor(get(urlPathEqualTo("/m")).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":\"key " + KEY + " / " + SUBSCRIPTION + " is not allowed\"}")));
        String uri = "adfrest:" + Pages.baseUrl(api) + "/m?api_key=" + KEY
                     + "&additionalHeaders=RAW({\"Ocp-Apim-Subscription-Key\":\"" + SUBSCRIPTION + "\"})"
                     + "&maxRetries=0&requestInterval=0&repeatCount=1&initialDelay=0";

        Exception e;
        try (LogCapture log = LogCapture.open()) {
            Exchange error = Runs.firstError(context, uri);
            e = error.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            // (HttpClient's own DEBUG line "executing GET /m?api_key=..." quotes the request line as sent: a key in
            // the query shows there when org.apache.hc logs at DEBUG; docs/security.md says so and advises authHeaders)
            assertThat(log.lines()).filteredOn(line -> !line.startsWith("DEBUG org.apache.hc."))
                    .noneMatch(line -> line.contains(KEY) || line.contains(SUBSCRIPTION));
        }

        assertThat(e).isInstanceOf(AdfRestHttpException.class).hasMessageContaining("403")
                .hasMessageNotContaining(KEY).hasMessageNotContaining(SUBSCRIPTION);
        assertThat(context.getEndpoints()).allSatisfy(endpoint -> assertThat(endpoint.getEndpointUri())
                .doesNotContain(KEY).doesNotContain(SUBSCRIPTION));
        api.verify(getRequestedFor(urlPathEqualTo("/m")).withHeader("Ocp-Apim-Subscription-Key", equalTo(SUBSCRIPTION)));
    }

    @Test
    void aCredentialInAdditionalHeadersGetsAWarningSuggestingAuthHeaders() throws Exception {
        api.stubFor(get(urlEqualTo("/w")).willReturn(Pages.json("{}")));

        try (LogCapture log = LogCapture.open()) {
            Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/w?additionalHeaders.X-Api-Key=" + KEY
                    + "&additionalHeaders.X-Trace=t&requestInterval=0&repeatCount=1&initialDelay=0", 1);

            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("additionalHeaders [X-Api-Key]").contains("authHeaders").doesNotContain(KEY));
        }
    }
}
