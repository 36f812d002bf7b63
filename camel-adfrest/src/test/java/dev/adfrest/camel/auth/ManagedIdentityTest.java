package dev.adfrest.camel.auth;

import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.AdfRestAuthenticationException;
import dev.adfrest.camel.testsupport.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADF's ManagedServiceIdentity linked service, { "authenticationType": "ManagedServiceIdentity", "aadResourceId": ... }
 * (system-assigned) or with a user-assigned identity's client ID, against an identity endpoint on 127.0.0.1 that
 * answers as the Azure Instance Metadata Service does.
 */
class ManagedIdentityTest extends SignInTestSupport {

    static final String TOKEN_PATH = "/metadata/identity/oauth2/token";
    static final String USER_ASSIGNED = "f2d9c3a4-81b5-4c1e-9d7a-3e6f0b2a7c11";

    @RegisterExtension
    static WireMockExtension identity = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    /** MSAL caches managed identity tokens per resource for the whole JVM: each test asks for its own resource. */
    private String resource;

    @org.junit.jupiter.api.BeforeEach
    void resourceOfThisTest(TestInfo test) {
        resource = "https://api.example.org/" + test.getTestMethod().orElseThrow().getName();
    }

    /** IMDS's answer: expires_in and expires_on are strings. */
    static String imdsToken(String value, String resource, long lifetimeSeconds) {
        long expiresOn = Instant.now().getEpochSecond() + lifetimeSeconds;
        return "{\"access_token\":\"" + value + "\",\"client_id\":\"c\",\"expires_in\":\"" + lifetimeSeconds
               + "\",\"expires_on\":\"" + expiresOn + "\",\"ext_expires_in\":\"" + lifetimeSeconds
               + "\",\"not_before\":\"" + (expiresOn - lifetimeSeconds) + "\",\"resource\":\"" + resource
               + "\",\"token_type\":\"Bearer\"}";
    }

    String options(String more) {
        return "authenticationType=ManagedServiceIdentity&aadResourceId=" + resource
               + "&managedIdentityEndpoint=" + Pages.baseUrl(identity) + TOKEN_PATH + more;
    }

    @Test
    void systemAssignedIdentityAsksTheIdentityEndpointWithoutAClientId() throws Exception {
        identity.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(imdsToken("system-token", resource, 3600))));
        stubPages(api, 2);

        copy(api, options(""), 2);

        assertThat(authorizationsSent(api)).containsExactly("Bearer system-token", "Bearer system-token");
        identity.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Metadata", equalTo("true"))
                .withQueryParam("api-version", equalTo("2018-02-01"))
                .withQueryParam("resource", equalTo(resource))
                .withQueryParam("client_id", absent()));
    }

    @Test
    void userAssignedIdentityNamesItsClientId() throws Exception {
        identity.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(imdsToken("user-token", resource, 3600))));
        stubPages(api, 2);

        copy(api, options("&managedIdentityClientId=" + USER_ASSIGNED), 2);

        assertThat(authorizationsSent(api)).containsExactly("Bearer user-token", "Bearer user-token");
        identity.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Metadata", equalTo("true"))
                .withQueryParam("api-version", equalTo("2018-02-01"))
                .withQueryParam("resource", equalTo(resource))
                .withQueryParam("client_id", equalTo(USER_ASSIGNED)));
    }

    @Test
    void shortLivedTokensAreFetchedAgainDuringTheRun() throws Exception {
        identity.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("Started")
                .willReturn(okJson(imdsToken("mi-1", resource, 120))).willSetStateTo("2"));
        identity.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("2")
                .willReturn(okJson(imdsToken("mi-2", resource, 120))).willSetStateTo("3"));
        identity.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("3")
                .willReturn(okJson(imdsToken("mi-3", resource, 120))));
        stubPages(api, 3);

        copy(api, options(""), 3);

        assertThat(authorizationsSent(api)).containsExactly("Bearer mi-1", "Bearer mi-2", "Bearer mi-3");
        identity.verify(3, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void a401GetsOneFreshTokenAndOneRetry() throws Exception {
        identity.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("Started")
                .willReturn(okJson(imdsToken("stale", resource, 120))).willSetStateTo("2"));
        identity.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("2")
                .willReturn(okJson(imdsToken("fresh", resource, 120))));
        stubPages(api, 1);
        api.stubFor(any(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer stale"))
                .atPriority(1).willReturn(aResponse().withStatus(401)));

        copy(api, options(""), 1);

        assertThat(authorizationsSent(api)).containsExactly("Bearer stale", "Bearer fresh");
    }

    @Test
    void anUnknownIdentityFailsNamingItAndTheEndpointsErrorCode() throws Exception {
        identity.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}")));
        stubPages(api, 1);

        Exception failure = failedCopy(api, options("&managedIdentityClientId=" + USER_ASSIGNED));

        assertThat(failure).isInstanceOf(AdfRestAuthenticationException.class)
                .hasMessageStartingWith("Sign-in failed for ManagedServiceIdentity managedIdentityClientId '"
                                        + USER_ASSIGNED + "'")
                .hasMessageContaining("error invalid_request")
                .hasMessageContaining("Identity not found");
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
