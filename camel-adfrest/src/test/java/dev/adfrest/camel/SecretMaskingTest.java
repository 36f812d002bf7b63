package dev.adfrest.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password and authHeaders values never appear in a log line (every logger at DEBUG, HttpClient's included), an
 * exception message, an endpoint URI or toString.
 */
class SecretMaskingTest extends CamelTestSupport {

    private static final String PASSWORD = "pw-Zq81-never-log";
    private static final String API_KEY = "key-Hx77-never-log";
    private static final String HEADER_TOKEN = "tok-Lm03-never-log";
    private static final List<String> SECRETS = List.of(PASSWORD, API_KEY, HEADER_TOKEN);

    /**
     * Camel core logs endpoint URIs at DEBUG while resolving them, masking only option names it knows as secret
     * (password, token, ...). It does not know ADF's authHeaders; docs/adfrest-component.md says so and shows how to keep
     * such values out of URIs (component options).
     */
    private static final List<String> CAMEL_URI_RESOLUTION_LOGGERS = List.of(
            "org.apache.camel.support.DefaultComponent", "org.apache.camel.impl.engine.AbstractCamelContext");

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @BeforeEach
    void failingApi() {
        String base = Pages.baseUrl(api);
        api.stubFor(get(urlPathEqualTo("/s1")).willReturn(Pages.json("{\"next\":\"" + base + "/s2\"}")));
        api.stubFor(get(urlPathEqualTo("/s2")).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":\"denied for " + PASSWORD + "\"}")));
    }

    @Test
    void secretsInTheUriNeverReachOurLogsExceptionsOrEndpointUris() throws Exception {
        String uri = "adfrest:" + Pages.baseUrl(api) + "/s1?authenticationType=Basic&userName=bob&password=" + PASSWORD
                     + "&authHeaders.x-api-key=" + API_KEY
                     + "&authHeaders=RAW({\"x-token\":\"" + HEADER_TOKEN + "\"})"
                     + "&paginationRules.AbsoluteUrl=$.next&requestInterval=0&repeatCount=1&initialDelay=0";
        List<String> seen = new ArrayList<>();

        try (LogCapture log = LogCapture.open()) {
            seen.addAll(runAndCollect(uri));
            // a bad option on an endpoint carrying secrets: our reason must not repeat them (Camel wraps it in a
            // message of its own quoting the URI, like the DEBUG lines above)
            try {
                context.getEndpoint(uri.replace("requestInterval=0", "requestInterval=never"));
            } catch (Exception bad) {
                seen.add(bad.getCause().getMessage());
                assertThat(bad.getCause().getMessage()).contains("requestInterval");
            }
            context.getRouteController().stopAllRoutes();
            log.lines().stream()
                    .filter(line -> CAMEL_URI_RESOLUTION_LOGGERS.stream().noneMatch(l -> line.startsWith("DEBUG " + l + " ")))
                    .forEach(seen::add);
        }

        assertNoSecretIn(seen);
    }

    @Test
    void secretsOnTheComponentAppearInNoLogLineAtAll() throws Exception {
        AdfRestConfiguration shared = context.getComponent("adfrest", AdfRestComponent.class).getConfiguration();
        shared.setAuthenticationType("Basic");
        shared.setUserName("bob");
        shared.setPassword(PASSWORD);
        shared.setAuthHeaders(Map.of("x-api-key", API_KEY, "x-token", HEADER_TOKEN));
        String uri = "adfrest:" + Pages.baseUrl(api) + "/s1?paginationRules.AbsoluteUrl=$.next"
                     + "&requestInterval=0&repeatCount=1&initialDelay=0";
        List<String> seen = new ArrayList<>();

        try (LogCapture log = LogCapture.open()) {
            seen.addAll(runAndCollect(uri));
            context.getRouteController().stopAllRoutes();
            seen.addAll(log.lines());
        }

        assertNoSecretIn(seen);
    }

    /** Runs to the 403 and returns the exception texts and every endpoint's URI forms. */
    private List<String> runAndCollect(String uri) throws Exception {
        List<String> seen = new ArrayList<>();
        Exchange error = Runs.firstError(context, uri);
        Throwable e = error.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(e).isInstanceOf(AdfRestHttpException.class);
        for (Throwable t = e; t != null; t = t.getCause()) {
            seen.add(String.valueOf(t.getMessage()));
            seen.add(t.toString());
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            seen.add(endpoint.getEndpointUri());
            seen.add(endpoint.toString());
            seen.add(endpoint.getEndpointBaseUri());
        }
        seen.add(context.getRoutes().toString());
        return seen;
    }

    private static void assertNoSecretIn(List<String> seen) {
        assertThat(seen).hasSizeGreaterThan(10);
        List<String> leaks = seen.stream().filter(text -> SECRETS.stream().anyMatch(text::contains)).toList();
        assertThat(leaks).as("log lines, exception messages and URIs showing a secret").isEmpty();
        assertThat(String.join("\n", seen)).contains("xxxxxx"); // masked, not merely absent
    }
}
