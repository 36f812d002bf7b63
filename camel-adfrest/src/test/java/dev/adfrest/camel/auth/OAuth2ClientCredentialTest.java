package dev.adfrest.camel.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.AdfRestAuthenticationException;
import dev.adfrest.camel.AdfRestComponent;
import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.AdfRestHttpException;
import dev.adfrest.camel.testsupport.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADF's OAuth2ClientCredential linked service: { "authenticationType": "OAuth2ClientCredential", "tokenEndpoint": ...,
 * "clientId": ..., "clientSecret": ..., "scope": ..., "resource": ... } against token endpoints on 127.0.0.1 that
 * behave as real authorization servers do (RFC 6749 section 4.4).
 */
class OAuth2ClientCredentialTest extends SignInTestSupport {

    static final String TOKEN_PATH = "/oauth2/token";
    static final String CLIENT_ID = "copy-job";
    static final String SECRET = "pa ss+w/rd&=%";

    @RegisterExtension
    static WireMockExtension auth = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension secureAuth = httpsLoopbackServer();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    static String options(String tokenEndpoint) {
        return "authenticationType=OAuth2ClientCredential&tokenEndpoint=" + tokenEndpoint + "&clientId=" + CLIENT_ID
               + "&clientSecret=RAW(" + SECRET + ")&scope=RAW(read:items write:none)&resource=https://api.example.org";
    }

    static String options() {
        return options(Pages.baseUrl(auth) + TOKEN_PATH);
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (form(user) + ":" + form(password)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void postsTheClientCredentialsGrantAndSendsTheToken() throws Exception {
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\":\"oauth-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        stubPages(api, 3);

        copy(api, options(), 3);

        assertThat(authorizationsSent(api)).containsOnly("Bearer oauth-1").hasSize(3);
        auth.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + form(SECRET)))
                .withRequestBody(containing("scope=" + form("read:items write:none")))
                .withRequestBody(containing("resource=" + form("https://api.example.org"))));
    }

    @Test
    void aLinkedServiceOnTheComponentSignsInForEndpointsWhoseUrisHoldNoSecret() throws Exception {
        AdfRestConfiguration linkedService = context.getComponent("adfrest", AdfRestComponent.class).getConfiguration();
        linkedService.setAuthenticationType("OAuth2ClientCredential");
        linkedService.setTokenEndpoint(Pages.baseUrl(auth) + TOKEN_PATH);
        linkedService.setClientId(CLIENT_ID);
        linkedService.setClientSecret(SECRET);
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"access_token\":\"shared\",\"expires_in\":3600}")));
        stubPages(api, 2);

        copy(api, "scope=items:read", 2);

        assertThat(authorizationsSent(api)).containsExactly("Bearer shared", "Bearer shared");
        auth.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("scope=items%3Aread")));
    }

    @Test
    void switchesToHttpBasicWhenTheServerRefusesCredentialsInTheBody() throws Exception {
        // a server that accepts client_secret_basic only, as RFC 6749 requires every server to
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"token\"")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}")));
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withHeader("Authorization", equalTo(basic(CLIENT_ID, SECRET)))
                .atPriority(1)
                .willReturn(okJson("{\"access_token\":\"basic-token\",\"token_type\":\"bearer\",\"expires_in\":60}")));
        stubPages(api, 3);

        copy(api, options(), 3);

        assertThat(authorizationsSent(api)).containsOnly("Bearer basic-token").hasSize(3);
        // the first sign-in tried the body once; every later one (short-lived tokens) goes straight to Basic
        auth.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withHeader("Authorization", absent()));
        auth.verify(3, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo(basic(CLIENT_ID, SECRET)))
                .withRequestBody(notContaining("client_secret")));
    }

    @Test
    void honoursExpiresInGivenAsAString() throws Exception {
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"access_token\":\"short\",\"expires_in\":\"120\"}")).willSetStateTo("long"));
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("long")
                .willReturn(okJson("{\"access_token\":\"long\",\"expires_in\":\"3600\"}")));
        stubPages(api, 4);

        copy(api, options(), 4);

        // the 2-minute token is due for refresh at once; the 1-hour one lasts the run
        assertThat(authorizationsSent(api)).containsExactly("Bearer short", "Bearer long", "Bearer long", "Bearer long");
        auth.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void aTokenWithoutExpiryIsKeptUntilTheApiRejectsIt() throws Exception {
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"access_token\":\"first\"}")).willSetStateTo("second"));
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"second\"}")));
        stubPages(api, 3);
        api.stubFor(any(urlPathEqualTo("/items")).withQueryParam("page", equalTo("3"))
                .withHeader("Authorization", equalTo("Bearer first")).atPriority(1)
                .willReturn(aResponse().withStatus(401)));

        copy(api, options(), 3);

        assertThat(authorizationsSent(api)).containsExactly("Bearer first", "Bearer first", "Bearer first",
                "Bearer second");
    }

    @Test
    void signsInOverHttpsTrustingSslContextParameters() throws Exception {
        secureAuth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\":\"tls-token\",\"expires_in\":3600}")));
        stubPages(api, 1);

        copy(api, options(httpsUrl(secureAuth) + TOKEN_PATH) + "&" + SIGN_IN_TRUST, 1);

        assertThat(authorizationsSent(api)).containsExactly("Bearer tls-token");
    }

    @Test
    void anUntrustedTokenEndpointCertificateFailsTheSignIn() throws Exception {
        stubPages(api, 1);

        // enableServerCertificateValidation=false is for the REST API; the secret never goes to an unverified host
        Exception failure = failedCopy(api, options(httpsUrl(secureAuth) + TOKEN_PATH)
                                            + "&enableServerCertificateValidation=false");

        assertThat(failure).isInstanceOf(AdfRestAuthenticationException.class)
                .hasMessageContaining("clientId '" + CLIENT_ID + "'")
                .hasMessageContaining("could not be reached")
                .hasMessageContaining("SSL");
        assertThat(secureAuth.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedClientFailsWithTheErrorCodeAndWithoutTheSecret() throws Exception {
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client"
                          + " credentials\"}")));
        stubPages(api, 1);

        Exception failure = failedCopy(api, options());

        assertThat(failure).isInstanceOf(AdfRestAuthenticationException.class)
                .hasMessageStartingWith("Sign-in failed for OAuth2ClientCredential clientId '" + CLIENT_ID + "' at "
                                        + Pages.baseUrl(auth) + TOKEN_PATH)
                .hasMessageContaining("error invalid_client - HTTP 401: Invalid client or Invalid client credentials")
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining(form(SECRET));
        assertThat(((AdfRestAuthenticationException) failure).getErrorCode()).isEqualTo("invalid_client");
        auth.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH))); // body, then Basic
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedScopeIsNotRetriedWithAnotherClientAuthentication() throws Exception {
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"error\":\"invalid_scope\",\"error_description\":\"Invalid scopes: read:items\"}")));
        stubPages(api, 1);

        Exception failure = failedCopy(api, options());

        assertThat(failure).isInstanceOf(AdfRestAuthenticationException.class)
                .hasMessageContaining("error invalid_scope - HTTP 400: Invalid scopes: read:items");
        auth.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void aSuccessWithoutAnAccessTokenFails() throws Exception {
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"token_type\":\"Bearer\"}")));
        stubPages(api, 1);

        Exception failure = failedCopy(api, options());

        assertThat(failure).isInstanceOf(AdfRestAuthenticationException.class)
                .hasMessageContaining("HTTP 200: the response has no access_token");
    }

    @Test
    void aServerErrorPageIsQuotedBriefly() throws Exception {
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Internal Server Error</body></html>")));
        stubPages(api, 1);

        Exception failure = failedCopy(api, options() + "&maxRetries=0");

        assertThat(failure).isInstanceOf(AdfRestAuthenticationException.class)
                .hasMessageContaining("HTTP 500: <html><body>Internal Server Error</body></html>");
        assertThat(((AdfRestAuthenticationException) failure).getErrorCode()).isNull();
        auth.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))); // maxRetries=0: asked once
    }

    @Test
    void aSecond401FromTheApiFailsTheRun() throws Exception {
        auth.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":3600}")));
        api.stubFor(any(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)));

        Exception failure = failedCopy(api, options());

        assertThat(failure).isInstanceOf(AdfRestHttpException.class);
        assertThat(((AdfRestHttpException) failure).getStatusCode()).isEqualTo(401);
        assertThat(api.getAllServeEvents()).hasSize(2);
        auth.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }
}
