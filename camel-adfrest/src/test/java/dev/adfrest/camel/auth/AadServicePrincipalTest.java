package dev.adfrest.camel.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.adfrest.camel.AdfRestAuthenticationException;
import dev.adfrest.camel.testsupport.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADF's AadServicePrincipal linked service against a Microsoft Entra ID sign-in host on 127.0.0.1 (authorityHost):
 * { "authenticationType": "AadServicePrincipal", "servicePrincipalId": "...", "servicePrincipalKey": "...",
 *   "tenant": "<tenant id>", "aadResourceId": "https://api.example.org" }.
 */
class AadServicePrincipalTest extends SignInTestSupport {

    static final String TENANT = "9b2d3c1e-5f4a-4e8b-a1c7-2d6e0f3b8a94";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    static final String KEY = "Kq8~s3cr3t+key/with=signs";

    @RegisterExtension
    static WireMockExtension login = httpsLoopbackServer();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    static String token(String value, int expiresIn) {
        return "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
               + ",\"access_token\":\"" + value + "\"}";
    }

    static String keyOptions() {
        return "authenticationType=AadServicePrincipal&servicePrincipalId=" + CLIENT_ID
               + "&servicePrincipalKey=RAW(" + KEY + ")&tenant=" + TENANT
               + "&aadResourceId=https://api.example.org&authorityHost=" + httpsUrl(login) + "&" + SIGN_IN_TRUST;
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void signsInWithTheKeyOnceAndSendsTheTokenWithEveryPage() throws Exception {
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(token("token-1", 3599))));
        stubPages(api, 3);

        copy(api, keyOptions(), 3);

        assertThat(authorizationsSent(api)).containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-1");
        login.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + form(KEY)))
                .withRequestBody(containing(form("https://api.example.org/.default"))));
        assertThat(login.getAllServeEvents()).hasSize(1); // no instance discovery, no metadata requests
    }

    @Test
    void fetchesAFreshTokenForEachPageWhenTokensExpireWithinTheRefreshMargin() throws Exception {
        // tokens living less than five minutes are due for refresh as soon as they are issued (MSAL's rule too)
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("Started")
                .willReturn(okJson(token("short-1", 60))).willSetStateTo("2"));
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("2")
                .willReturn(okJson(token("short-2", 60))).willSetStateTo("3"));
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("3")
                .willReturn(okJson(token("short-3", 60))).willSetStateTo("4"));
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("4")
                .willReturn(okJson(token("short-4", 60))));
        stubPages(api, 4);

        copy(api, keyOptions(), 4);

        assertThat(authorizationsSent(api)).containsExactly("Bearer short-1", "Bearer short-2", "Bearer short-3",
                "Bearer short-4");
        login.verify(4, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void signsInWithAnInlinePfxCertificate() throws Exception {
        TestKeys.KeyPair app = TestKeys.application();
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(token("cert-token", 3599))));
        stubPages(api, 2);

        copy(api, certOptions("RAW(" + app.pfxBase64() + ")", app.password()), 2);

        assertThat(authorizationsSent(api)).containsExactly("Bearer cert-token", "Bearer cert-token");
        assertSignedWith(app);
    }

    @Test
    void signsInWithAPemCertificateFromAFile() throws Exception {
        TestKeys.KeyPair app = TestKeys.application();
        java.nio.file.Path pem = java.nio.file.Files.createTempFile("app", ".pem");
        java.nio.file.Files.writeString(pem, app.pem());
        pem.toFile().deleteOnExit();
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(token("pem-token", 3599))));
        stubPages(api, 1);

        copy(api, certOptions("file:" + pem.toAbsolutePath(), null), 1);

        assertThat(authorizationsSent(api)).containsExactly("Bearer pem-token");
        assertSignedWith(app);
    }

    private static String certOptions(String cert, String password) {
        return "authenticationType=AadServicePrincipal&servicePrincipalCredentialType=ServicePrincipalCert"
               + "&servicePrincipalId=" + CLIENT_ID + "&servicePrincipalEmbeddedCert=" + cert
               + (password == null ? "" : "&servicePrincipalEmbeddedCertPassword=RAW(" + password + ")")
               + "&tenant=" + TENANT + "&aadResourceId=https://api.example.org&authorityHost=" + httpsUrl(login)
               + "&" + SIGN_IN_TRUST;
    }

    /** The client assertion is a JWT for this client, signed with the application certificate's key. */
    private static void assertSignedWith(TestKeys.KeyPair app) throws Exception {
        List<LoggedRequest> requests = login.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(requests).hasSize(1);
        String body = requests.get(0).getBodyAsString();
        assertThat(body).contains("client_assertion_type=" + form("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
                .doesNotContain("client_secret");
        String assertion = java.net.URLDecoder.decode(
                body.replaceAll(".*client_assertion=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        String[] jwt = assertion.split("\\.");
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.path("x5t#S256").asText()).isEqualTo(app.sha256Thumbprint());
        assertThat(app.signed(jwt[0] + "." + jwt[1], Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
        assertThat(claims.path("iss").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.path("aud").asText()).contains("/" + TENANT + "/oauth2/v2.0/token");
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndTheRequestRetried() throws Exception {
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("Started")
                .willReturn(okJson(token("revoked", 3599))).willSetStateTo("renewed"));
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(okJson(token("renewed", 3599))));
        stubPages(api, 2);
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathEqualTo("/items"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer revoked"))
                .atPriority(1).willReturn(aResponse().withStatus(401)));

        copy(api, keyOptions(), 2);

        assertThat(authorizationsSent(api)).containsExactly("Bearer revoked", "Bearer renewed", "Bearer renewed");
        login.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void aSecond401FailsTheRunInsteadOfLooping() throws Exception {
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(token("never-good", 3599))));
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathEqualTo("/items"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"InvalidAuthenticationToken\"}")));

        Exception failure = failedCopy(api, keyOptions());

        assertThat(failure).isInstanceOf(dev.adfrest.camel.AdfRestHttpException.class).hasMessageContaining("401");
        assertThat(authorizationsSent(api)).hasSize(2);
        login.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void aRefusedKeyFailsNamingThePrincipalAndTheErrorCodeButNotTheKey() throws Exception {
        login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret"
                          + " provided. Ensure the secret being sent in the request is the client secret value, not"
                          + " the client secret ID.\",\"error_codes\":[7000215],\"trace_id\":\"t\","
                          + "\"correlation_id\":\"c\"}")));
        stubPages(api, 1);

        Exception failure = failedCopy(api, keyOptions());

        assertThat(failure).isInstanceOf(AdfRestAuthenticationException.class)
                .hasMessageStartingWith("Sign-in failed for AadServicePrincipal servicePrincipalId '" + CLIENT_ID + "'")
                .hasMessageContaining("invalid_client")
                .hasMessageContaining("AADSTS7000215")
                .hasMessageNotContaining(KEY);
        assertThat(((AdfRestAuthenticationException) failure).getErrorCode()).isEqualTo("invalid_client");
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
