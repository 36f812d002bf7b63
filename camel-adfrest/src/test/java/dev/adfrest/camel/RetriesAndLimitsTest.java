package dev.adfrest.camel;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults real APIs produce, injected on a loopback server: each transient one is survived (the page arrives once),
 * each permanent one fails clearly.
 */
class RetriesAndLimitsTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    private String uri(String path, String options) {
        String retries = options.contains("maxRetries=") ? "" : "&maxRetries=3";
        return "adfrest:" + Pages.baseUrl(api) + path + (path.contains("?") ? "&" : "?")
               + "requestInterval=0&repeatCount=1&initialDelay=0&retryDelay=10" + retries + options;
    }

    /** The first {@code failures} answers to {@code path} are {@code fault}, then the page. */
    private void flaky(String path, int failures, ResponseDefinitionBuilder fault) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            api.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(state)
                    .willReturn(fault).willSetStateTo("after-" + i));
            state = "after-" + i;
        }
        api.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(state)
                .willReturn(Pages.json("{\"data\":[\"" + path + "\"]}")));
    }

    private void survives(String path, int failures, ResponseDefinitionBuilder fault, String options) throws Exception {
        flaky(path, failures, fault);
        List<Exchange> pages = Runs.copyOnce(context, uri(path, options), 1);
        assertThat(pages.get(0).getMessage().getBody(String.class)).contains(path);
        api.verify(failures + 1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void a503WithRetryAfterSecondsIsRetriedAndLoggedOnceWithTheMaskedUrl() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            survives("/r503?api_key=K-7", 1, aResponse().withStatus(503).withHeader("Retry-After", "0"), "");
            List<String> warnings = log.lines().stream().filter(l -> l.startsWith("WARN ") && l.contains("retry")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("/r503?api_key=xxxxxx", "HTTP 503", "Retry-After", "retry 1 of 3")
                    .doesNotContain("K-7");
        }
    }

    @Test
    void a429WithRetryAfterAsHttpDateIsRetried() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(5));
        survives("/r429", 1, aResponse().withStatus(429).withHeader("Retry-After", date), "");
    }

    @Test
    void a429WithoutRetryAfterBacksOff() throws Exception {
        survives("/r429b", 2, aResponse().withStatus(429), "");
    }

    /** GitHub's rate limits are 403s that say so: waited out like a 429, until X-RateLimit-Reset. */
    @Test
    void aGitHubRateLimit403IsWaitedOut() throws Exception {
        String now = Long.toString(java.time.Instant.now().getEpochSecond());
        survives("/repos/o/r/issues", 1, aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", now).withBody("{\"message\":\"API rate limit exceeded\"}"), "");
        survives("/repos/o/r/pulls", 1, aResponse().withStatus(403).withHeader("Retry-After", "0")
                .withBody("{\"message\":\"You have exceeded a secondary rate limit\"}"), "");
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        survives("/r500", 2, aResponse().withStatus(500), "");
        survives("/r502", 1, aResponse().withStatus(502), "");
        survives("/r504", 1, aResponse().withStatus(504), "");
    }

    @Test
    void connectionResetIsRetried() throws Exception {
        survives("/reset", 1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "");
    }

    @Test
    void garbageInsteadOfAResponseIsRetried() throws Exception {
        survives("/garbage", 1, aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), "");
    }

    @Test
    void anEmptyResponseIsRetried() throws Exception {
        survives("/noresponse", 1, aResponse().withFault(Fault.EMPTY_RESPONSE), "");
        survives("/emptybody", 1, aResponse().withStatus(200), "");
    }

    @Test
    void aTruncatedResponseIsRetried() throws Exception {
        survives("/chunk", 1, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), "");
        survives("/cutjson", 1, Pages.json("{\"data\":[1,2"), "");
    }

    @Test
    void aResponseSlowerThanHttpRequestTimeoutIsRetried() throws Exception {
        survives("/slow", 1, Pages.json("{}").withFixedDelay(3000), "&httpRequestTimeout=300");
    }

    @Test
    void aStalledBodyHitsTheReadTimeout() throws Exception {
        api.stubFor(get(urlEqualTo("/stall")).willReturn(Pages.json("{\"data\":[" + "1,".repeat(500) + "1]}")
                .withChunkedDribbleDelay(5, 5000)));

        Exchange error = Runs.firstError(context, uri("/stall", "&readTimeout=300&maxRetries=0"));

        AdfRestException e = error.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestException.class);
        assertThat(e.getMessage()).contains("Page 1", "/stall").containsIgnoringCase("timed out");
    }

    @Test
    void aRetryAfterLongerThanMaxRetryWaitFailsAtOnce() throws Exception {
        api.stubFor(get(urlEqualTo("/later")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        try (LogCapture log = LogCapture.open()) {
            Exchange error = Runs.firstError(context, uri("/later", "&maxRetryWait=00:01:00"));

            AdfRestHttpException e = error.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestHttpException.class);
            assertThat(e.getStatusCode()).isEqualTo(429);
            assertThat(log.all()).contains("Retry-After 3600 s, longer than maxRetryWait (60 s)");
        }
        api.verify(1, getRequestedFor(urlEqualTo("/later")));
    }

    @Test
    void retriesAreBoundedByMaxRetries() throws Exception {
        api.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(503)));

        Exchange error = Runs.firstError(context, uri("/down", "&maxRetries=2"));

        assertThat(error.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestHttpException.class).getStatusCode()).isEqualTo(503);
        api.verify(3, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        api.stubFor(get(urlEqualTo("/bad")).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad\"}")));

        Runs.firstError(context, uri("/bad", ""));

        api.verify(1, getRequestedFor(urlEqualTo("/bad")));
    }

    @Test
    void postIsRetriedOnlyWhenTheUserSaysItIsSafe() throws Exception {
        api.stubFor(post(urlEqualTo("/search")).inScenario("post").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        api.stubFor(post(urlEqualTo("/search")).inScenario("post").whenScenarioStateIs("ok")
                .willReturn(Pages.json("{\"hits\":[]}")));

        Runs.firstError(context, uri("/search", "&requestMethod=POST&requestBody=RAW({})"));
        api.verify(1, postRequestedFor(urlEqualTo("/search")));

        api.resetScenarios();
        Runs.copyOnce(context, uri("/search", "&requestMethod=POST&requestBody=RAW({})&retryPost=true"), 1);
        api.verify(3, postRequestedFor(urlEqualTo("/search"))); // 1 earlier + the retried 500 + its success
    }

    /** A search API paged by POST (Notion, Elasticsearch) says 429 or 503: it did not take the request, so it is sent again. */
    @Test
    void aPostAnsweredTooManyRequestsIsRetried() throws Exception {
        api.stubFor(post(urlEqualTo("/query")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("503"));
        api.stubFor(post(urlEqualTo("/query")).inScenario("busy").whenScenarioStateIs("503")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        api.stubFor(post(urlEqualTo("/query")).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(Pages.json("{\"results\":[1]}")));

        List<Exchange> pages = Runs.copyOnce(context, uri("/query", "&requestMethod=POST&requestBody=RAW({})"), 1);

        assertThat(pages.get(0).getMessage().getBody(String.class)).contains("results");
        api.verify(3, postRequestedFor(urlEqualTo("/query")));
    }

    @Test
    void aPageLargerThanMaxResponseSizeFailsClearly() throws Exception {
        api.stubFor(get(urlPathEqualTo("/big")).willReturn(Pages.json("{\"data\":\"" + "x".repeat(5000) + "\"}")));

        Exchange error = Runs.firstError(context, uri("/big", "&maxResponseSize=1000"));

        AdfRestException e = error.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestException.class);
        assertThat(e.getMessage()).contains("Page 1", "/big", "maxResponseSize", "1000");
        api.verify(1, getRequestedFor(urlPathEqualTo("/big")));
    }
}
