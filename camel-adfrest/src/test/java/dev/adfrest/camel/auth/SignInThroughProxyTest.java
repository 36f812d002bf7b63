package dev.adfrest.camel.auth;


import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.ForwardProxy;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in goes the way the API's requests go: through the endpoint's proxy (OAuth2 token endpoints, Microsoft Entra
 * ID over a CONNECT tunnel), except the managed identity endpoint, which is local to the Azure host.
 */
class SignInThroughProxyTest extends SignInTestSupport {

    private static final String PROXY_USER = "copy-job";
    private static final String PROXY_PASSWORD = "pr0xy-pa55word";

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension tokens = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension login = httpsLoopbackServer();

    private ForwardProxy proxy;

    @AfterEach
    void closeProxy() throws Exception {
        proxy.close();
    }

    private String proxyOptions(boolean credentials) {
        return "&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
               + (credentials ? "&proxyAuthUsername=" + PROXY_USER + "&proxyAuthPassword=" + PROXY_PASSWORD : "");
    }

    @Test
    void theOAuth2TokenRequestGoesThroughTheProxyWithTheProxysCredentialsOnlyForIt() throws Exception {
        proxy = new ForwardProxy(PROXY_USER, PROXY_PASSWORD);
        tokens.stubFor(post(urlPathEqualTo(OAuth2ClientCredentialTest.TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\":\"oauth-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        stubPages(api, 2);
        String logs;
        try (LogCapture log = LogCapture.open()) {
            copy(api, OAuth2ClientCredentialTest.options(Pages.baseUrl(tokens) + OAuth2ClientCredentialTest.TOKEN_PATH)
                      + proxyOptions(true), 2);
            logs = log.all();
        }

        String tokenUrl = Pages.baseUrl(tokens) + OAuth2ClientCredentialTest.TOKEN_PATH;
        assertThat(proxy.seen()).filteredOn(s -> s.target().equals(tokenUrl))
                .extracting(ForwardProxy.Seen::method, ForwardProxy.Seen::authenticated)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", false),
                        org.assertj.core.groups.Tuple.tuple("POST", true));
        assertThat(proxy.seen()).filteredOn(ForwardProxy.Seen::authenticated).extracting(ForwardProxy.Seen::target)
                .contains(Pages.baseUrl(api) + "/items?page=1", Pages.baseUrl(api) + "/items?page=2");
        tokens.verify(1, postRequestedFor(urlPathEqualTo(OAuth2ClientCredentialTest.TOKEN_PATH))
                .withoutHeader("Proxy-Authorization"));
        assertThat(authorizationsSent(api)).containsOnly("Bearer oauth-1");
        assertThat(logs).doesNotContain(PROXY_PASSWORD);
    }

    @Test
    void microsoftEntraIdSignInIsATunnelThroughTheProxy() throws Exception {
        proxy = new ForwardProxy(null, null);
        login.stubFor(post(urlPathEqualTo(AadServicePrincipalTest.TOKEN_PATH))
                .willReturn(okJson(AadServicePrincipalTest.token("entra-1", 3599))));
        stubPages(api, 2);

        copy(api, "authenticationType=AadServicePrincipal&servicePrincipalId=" + AadServicePrincipalTest.CLIENT_ID
                  + "&servicePrincipalKey=RAW(" + AadServicePrincipalTest.KEY + ")&tenant="
                  + AadServicePrincipalTest.TENANT + "&aadResourceId=https://api.example.org&authorityHost="
                  + httpsUrl(login) + "&" + SIGN_IN_TRUST + proxyOptions(false), 2);

        assertThat(proxy.seen()).extracting(ForwardProxy.Seen::method, ForwardProxy.Seen::target)
                .contains(org.assertj.core.groups.Tuple.tuple("CONNECT", "127.0.0.1:" + login.getHttpsPort()));
        assertThat(proxy.tunnelledBytes()).doesNotContain(AadServicePrincipalTest.KEY).doesNotContain("oauth2");
        assertThat(authorizationsSent(api)).containsOnly("Bearer entra-1");
    }

    @Test
    void theManagedIdentityEndpointIsReachedDirectly() throws Exception {
        proxy = new ForwardProxy(null, null);
        tokens.stubFor(get(urlPathEqualTo(ManagedIdentityTest.TOKEN_PATH)).willReturn(okJson(
                ManagedIdentityTest.imdsToken("mi-1", "https://api.example.org/proxy", 3600))));
        stubPages(api, 2);

        copy(api, "authenticationType=ManagedServiceIdentity&aadResourceId=https://api.example.org/proxy"
                  + "&managedIdentityEndpoint=" + Pages.baseUrl(tokens) + ManagedIdentityTest.TOKEN_PATH
                  + proxyOptions(false), 2);

        assertThat(proxy.seen()).extracting(ForwardProxy.Seen::target)
                .containsExactly(Pages.baseUrl(api) + "/items?page=1", Pages.baseUrl(api) + "/items?page=2");
        assertThat(authorizationsSent(api)).containsOnly("Bearer mi-1");
        assertThat(tokens.getAllServeEvents()).hasSize(1); // straight to the identity endpoint
    }
}
