package dev.adfrest.camel.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.AdfRestConstants;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink signs in as the source does: each ADF authentication type once, against the same sign-in servers on
 * 127.0.0.1 as the source's tests, the records' requests carrying the credentials.
 */
class SinkAuthenticationTest extends SignInTestSupport {

    @RegisterExtension
    static WireMockExtension login = httpsLoopbackServer();

    @RegisterExtension
    static WireMockExtension identity = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension oauth = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    /** MSAL caches managed identity tokens per resource for the whole JVM: each test asks for its own. */
    String resource;

    @BeforeEach
    void apiTakesWrites(TestInfo test) {
        resource = "https://api.example.org/sink-" + test.getTestMethod().orElseThrow().getName();
        api.stubFor(post(urlPathEqualTo("/import")).willReturn(aResponse().withStatus(201)));
    }

    /** Writes three records in two batches; returns the Authorization header of each request. */
    List<String> write(String options) {
        Exchange done = template.send("adfrest:" + Pages.baseUrl(api) + "/import?requestInterval=0&writeBatchSize=2&"
                                      + options,
                e -> e.getMessage().setBody(List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3))));
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN)).isEqualTo(3L);
        return authorizationsSent(api);
    }

    @Test
    void anonymousSendsNoAuthorization() {
        assertThat(write("authenticationType=Anonymous")).containsExactly(null, null);
    }

    @Test
    void basic() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("copy:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(write("authenticationType=Basic&userName=copy&password=s3cret")).containsExactly(basic, basic);
    }

    @Test
    void authHeadersCarryAnApiKey() {
        write("authHeaders.x-api-key=K-123");
        api.verify(2, postRequestedFor(urlPathEqualTo("/import")).withHeader("x-api-key", equalTo("K-123")));
    }

    @Test
    void aadServicePrincipal() {
        login.stubFor(post(urlPathEqualTo(AadServicePrincipalTest.TOKEN_PATH))
                .willReturn(okJson(AadServicePrincipalTest.token("sp-token", 3599))));
        String options = "authenticationType=AadServicePrincipal&servicePrincipalId=" + AadServicePrincipalTest.CLIENT_ID
                         + "&servicePrincipalKey=RAW(" + AadServicePrincipalTest.KEY + ")&tenant="
                         + AadServicePrincipalTest.TENANT + "&aadResourceId=" + resource + "&authorityHost="
                         + httpsUrl(login) + "&" + SIGN_IN_TRUST;

        assertThat(write(options)).containsExactly("Bearer sp-token", "Bearer sp-token");
    }

    @Test
    void managedServiceIdentity() {
        identity.stubFor(get(urlPathEqualTo(ManagedIdentityTest.TOKEN_PATH))
                .willReturn(okJson(ManagedIdentityTest.imdsToken("msi-token", resource, 3600))));
        String options = "authenticationType=ManagedServiceIdentity&aadResourceId=" + resource
                         + "&managedIdentityEndpoint=" + Pages.baseUrl(identity) + ManagedIdentityTest.TOKEN_PATH;

        assertThat(write(options)).containsExactly("Bearer msi-token", "Bearer msi-token");
    }

    @Test
    void oauth2ClientCredential() {
        oauth.stubFor(post(urlPathEqualTo(OAuth2ClientCredentialTest.TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"oauth-token\",\"expires_in\":3600}")));
        String options = "authenticationType=OAuth2ClientCredential&tokenEndpoint=" + Pages.baseUrl(oauth)
                         + OAuth2ClientCredentialTest.TOKEN_PATH + "&clientId=copy-job&clientSecret=RAW(s e+c)";

        assertThat(write(options)).containsExactly("Bearer oauth-token", "Bearer oauth-token");
    }

    @Test
    void a401OnAWriteGetsOneFreshTokenAndTheSameBatchAgain() {
        oauth.stubFor(post(urlPathEqualTo(OAuth2ClientCredentialTest.TOKEN_PATH)).inScenario("t")
                .whenScenarioStateIs("Started").willReturn(okJson("{\"access_token\":\"old\"}")).willSetStateTo("new"));
        oauth.stubFor(post(urlPathEqualTo(OAuth2ClientCredentialTest.TOKEN_PATH)).inScenario("t")
                .whenScenarioStateIs("new").willReturn(okJson("{\"access_token\":\"new\"}")));
        api.stubFor(post(urlPathEqualTo("/import")).withHeader("Authorization", equalTo("Bearer old")).atPriority(1)
                .willReturn(aResponse().withStatus(401)));
        String options = "authenticationType=OAuth2ClientCredential&tokenEndpoint=" + Pages.baseUrl(oauth)
                         + OAuth2ClientCredentialTest.TOKEN_PATH + "&clientId=copy-job&clientSecret=x";

        assertThat(write(options)).containsExactly("Bearer old", "Bearer new", "Bearer new");
        List<String> bodies = api.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString()).toList();
        assertThat(bodies.get(2)).isEqualTo(bodies.get(1)).isEqualTo("[{\"id\":1},{\"id\":2}]"); // latest first
    }
}
