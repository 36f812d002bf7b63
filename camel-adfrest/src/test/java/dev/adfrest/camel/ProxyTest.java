package dev.adfrest.camel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.ForwardProxy;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import dev.adfrest.camel.testsupport.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's requests through a corporate proxy (a recording forward proxy on 127.0.0.1): plain http in absolute form
 * with the proxy's credentials after its 407, https only as a CONNECT tunnel the proxy cannot read, nonProxyHosts
 * direct, the JVM's proxy properties only when asked; the proxy password never in a log or a URI.
 */
class ProxyTest {

    private static final String API_KEY = "api-k3y-for-the-api-only";
    private static final String PROXY_USER = "copy-job";
    private static final String PROXY_PASSWORD = "pr0xy-pa55word";

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension https = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                    .keystorePath(TestTls.keyStore().toString()).keystorePassword(TestTls.PASSWORD)
                    .keyManagerPassword(TestTls.PASSWORD).keystoreType("PKCS12"))
            .build();

    private final CamelContext context = new DefaultCamelContext();
    private ForwardProxy proxy;

    @BeforeEach
    void start() throws Exception {
        for (WireMockExtension server : List.of(api, https)) {
            server.resetAll();
            server.stubFor(get(urlPathEqualTo("/p/1")).willReturn(Pages.json("{\"next\":\"/p/2\",\"data\":[1]}")));
            server.stubFor(get(urlPathEqualTo("/p/2")).willReturn(Pages.json("{\"data\":[2]}")));
        }
        SSLContextParameters trust = new SSLContextParameters();
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + TestTls.trustStore());
        store.setPassword(TestTls.PASSWORD);
        TrustManagersParameters managers = new TrustManagersParameters();
        managers.setKeyStore(store);
        trust.setTrustManagers(managers);
        context.getRegistry().bind("tls", trust);
        context.start();
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        if (proxy != null) {
            proxy.close();
        }
    }

    private String uri(String baseUrl, String options) {
        return "adfrest:" + baseUrl + "/p/1?paginationRules.AbsoluteUrl=$.next&requestInterval=0&initialDelay=0"
               + "&repeatCount=1&authHeaders.X-Api-Key=" + API_KEY + "&sslContextParameters=#tls&" + options;
    }

    private String proxyOptions() {
        return "proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&proxyAuthUsername=" + PROXY_USER
               + "&proxyAuthPassword=" + PROXY_PASSWORD;
    }

    @Test
    void anHttpApiIsReachedThroughTheProxyWhichGetsItsCredentialsAfterAsking() throws Exception {
        proxy = new ForwardProxy(PROXY_USER, PROXY_PASSWORD);
        List<Exchange> pages;
        String logs;
        try (LogCapture log = LogCapture.open()) {
            pages = Runs.copyOnce(context, uri(Pages.baseUrl(api), proxyOptions()), 2);
            logs = log.all();
        }

        assertThat(pages).hasSize(2);
        List<ForwardProxy.Seen> seen = proxy.seen();
        assertThat(seen).allMatch(s -> s.method().equals("GET"));
        // each request first without credentials (the proxy answers 407), then with them: only those reach the API
        assertThat(seen).filteredOn(s -> !s.authenticated()).extracting(ForwardProxy.Seen::target)
                .containsExactly(Pages.baseUrl(api) + "/p/1", Pages.baseUrl(api) + "/p/2");
        assertThat(seen).filteredOn(ForwardProxy.Seen::authenticated).extracting(ForwardProxy.Seen::target)
                .containsExactly(Pages.baseUrl(api) + "/p/1", Pages.baseUrl(api) + "/p/2");
        assertThat(seen.get(0).headers()).doesNotContainKey("proxy-authorization");
        // the API got its key and never the proxy's credentials
        for (String page : List.of("/p/1", "/p/2")) {
            api.verify(1, getRequestedFor(urlPathEqualTo(page)).withHeader("X-Api-Key", equalTo(API_KEY))
                    .withHeader("Proxy-Authorization", absent()));
        }
        assertNoProxySecretIn(logs);
        assertNoProxySecretIn(context.getEndpoints().toString());
    }

    @Test
    void anHttpsApiIsOnlyATunnelToTheProxyWhichNeverSeesTheRequestsOrTheirCredentials() throws Exception {
        proxy = new ForwardProxy(PROXY_USER, PROXY_PASSWORD);
        String baseUrl = "https://127.0.0.1:" + https.getHttpsPort();
        String logs;
        try (LogCapture log = LogCapture.open()) {
            Runs.copyOnce(context, uri(baseUrl, proxyOptions()), 2);
            logs = log.all();
        }

        assertThat(proxy.seen()).isNotEmpty().allMatch(s -> s.method().equals("CONNECT")
                                                             && s.target().equals("127.0.0.1:" + https.getHttpsPort()));
        assertThat(proxy.seen()).anyMatch(ForwardProxy.Seen::authenticated);
        assertThat(proxy.seen().toString()).doesNotContain(API_KEY).doesNotContain("/p/1");
        String tunnelled = proxy.tunnelledBytes();
        assertThat(tunnelled).as("TLS records only").isNotEmpty().doesNotContain(API_KEY).doesNotContain("/p/")
                .doesNotContain("X-Api-Key");
        https.verify(1, getRequestedFor(urlPathEqualTo("/p/1")).withHeader("X-Api-Key", equalTo(API_KEY)));
        https.verify(1, getRequestedFor(urlPathEqualTo("/p/2")).withHeader("X-Api-Key", equalTo(API_KEY)));
        assertNoProxySecretIn(logs);
    }

    @Test
    void hostsInNonProxyHostsAreReachedDirectly() throws Exception {
        proxy = new ForwardProxy(null, null);

        Runs.copyOnce(context, uri(Pages.baseUrl(api), "proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                                                        + "&nonProxyHosts=localhost|127.0.0.*"), 2);

        assertThat(proxy.seen()).isEmpty();
        api.verify(1, getRequestedFor(urlPathEqualTo("/p/2")));
    }

    @Test
    void theJvmsProxyPropertiesApplyOnlyWithUseSystemProperties() throws Exception {
        proxy = new ForwardProxy(PROXY_USER, PROXY_PASSWORD);
        String[] properties = { "http.proxyHost", "http.proxyPort", "http.proxyUser", "http.proxyPassword",
                "http.nonProxyHosts" };
        String[] saved = new String[properties.length];
        for (int i = 0; i < properties.length; i++) {
            saved[i] = System.getProperty(properties[i]);
        }
        try {
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
            System.setProperty("http.proxyUser", PROXY_USER);
            System.setProperty("http.proxyPassword", PROXY_PASSWORD);
            System.setProperty("http.nonProxyHosts", ""); // empty: not even the JDK's default (localhost|127.*|...)

            Runs.copyOnce(context, uri(Pages.baseUrl(api), "useSystemProperties=false"), 2);
            assertThat(proxy.seen()).as("by default the JVM's proxy is not used").isEmpty();

            Runs.copyOnce(context, uri(Pages.baseUrl(api), "useSystemProperties=true"), 2);
            assertThat(proxy.seen()).extracting(ForwardProxy.Seen::target)
                    .contains(Pages.baseUrl(api) + "/p/1", Pages.baseUrl(api) + "/p/2");
            assertThat(proxy.seen()).filteredOn(ForwardProxy.Seen::authenticated).hasSize(2);
        } finally {
            for (int i = 0; i < properties.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(properties[i]);
                } else {
                    System.setProperty(properties[i], saved[i]);
                }
            }
        }
    }

    @Test
    void badProxyOptionsFailAtStartupNamingTheOption() {
        assertThat(creationError("proxyPort=3128")).contains("'proxyPort'", "'proxyHost'");
        assertThat(creationError("proxyHost=proxy.example.com")).contains("'proxyPort'");
        assertThat(creationError("proxyHost=http://proxy.example.com&proxyPort=3128")).contains("'proxyHost'",
                "without scheme");
        assertThat(creationError("proxyHost=proxy.example.com&proxyPort=3128&proxyAuthPassword=" + PROXY_PASSWORD))
                .contains("'proxyAuthPassword'", "'proxyAuthUsername'").doesNotContain(PROXY_PASSWORD);
        assertThat(creationError("nonProxyHosts=*.internal")).contains("'nonProxyHosts'", "'proxyHost'");
    }

    private String creationError(String options) {
        try {
            context.getEndpoint("adfrest:http://127.0.0.1:1/p?" + options);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + options);
    }

    private static void assertNoProxySecretIn(String text) {
        String basic = Base64.getEncoder().encodeToString((PROXY_USER + ":" + PROXY_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(PROXY_PASSWORD).doesNotContain(basic);
    }
}
