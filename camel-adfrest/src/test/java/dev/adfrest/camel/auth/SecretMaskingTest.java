package dev.adfrest.camel.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys, client secrets, certificate passwords, certificates and the tokens they buy appear nowhere a user can see:
 * not in logs at DEBUG, exception messages, the endpoint URI (JMX, route dumps) or toString.
 */
class SecretMaskingTest extends SignInTestSupport {

    static final String TENANT = "tenant-1";
    static final String SP_KEY = "sp-Key~0123456789abcdef";
    static final String CLIENT_SECRET = "oauth-Secret-fedcba9876543210";
    static final String API_KEY = "api-key-5a5a5a5a5a5a";
    static final String SP_TOKEN = "eyJ0eXAi.sp-access-token.sig";
    static final String OAUTH_TOKEN = "eyJ0eXAi.oauth-access-token.sig";

    @RegisterExtension
    static WireMockExtension login = httpsLoopbackServer();

    @RegisterExtension
    static WireMockExtension auth = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    private final List<String> seen = new ArrayList<>();
    private List<String> logged;

    @Test
    void noSecretOfAnyTokenTypeIsShownWhetherSignInWorksOrFails() throws Exception {
        TestKeys.KeyPair app = TestKeys.application();
        List<String> signInSecrets = List.of(SP_KEY, CLIENT_SECRET, app.password(), app.pfxBase64().substring(100, 160),
                form(SP_KEY), form(CLIENT_SECRET));
        List<String> apiCredentials = List.of(API_KEY, SP_TOKEN, OAUTH_TOKEN);
        String servicePrincipal = "authenticationType=AadServicePrincipal&servicePrincipalId=app&tenant=" + TENANT
                                  + "&aadResourceId=https://api.example.org&authorityHost=" + httpsUrl(login) + "&"
                                  + SIGN_IN_TRUST;
        String oauth = "authenticationType=OAuth2ClientCredential&tokenEndpoint=" + Pages.baseUrl(auth) + "/token"
                       + "&clientId=job&clientSecret=" + CLIENT_SECRET + "&authHeaders.x-api-key=" + API_KEY;
        String certificate = servicePrincipal + "&servicePrincipalCredentialType=ServicePrincipalCert"
                             + "&servicePrincipalEmbeddedCert=RAW(" + app.pfxBase64() + ")"
                             + "&servicePrincipalEmbeddedCertPassword=RAW(" + app.password() + ")";
        stubPages(api, 2);

        try (LogCapture log = LogCapture.open()) {
            login.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                    .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + SP_TOKEN
                                       + "\"}")));
            auth.stubFor(post(urlPathEqualTo("/token"))
                    .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + OAUTH_TOKEN
                                       + "\"}")));
            shown(copy(api, servicePrincipal + "&servicePrincipalKey=" + SP_KEY, 2));
            shown(copy(api, certificate, 2));
            shown(copy(api, oauth, 2));

            login.resetAll();
            auth.resetAll();
            String refusal = "{\"error\":\"invalid_client\",\"error_description\":\"bad credentials\"}";
            login.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                    .willReturn(aResponse().withStatus(401).withBody(refusal)));
            auth.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(401).withBody(refusal)));
            // new endpoints (another query parameter), so that no token is cached
            shown(failedCopy(api, servicePrincipal + "&servicePrincipalKey=" + SP_KEY + "&attempt=2"));
            shown(failedCopy(api, certificate + "&attempt=2"));
            shown(failedCopy(api, oauth + "&attempt=2"));

            for (Endpoint endpoint : context.getEndpoints()) {
                seen.add(endpoint.getEndpointUri());
                seen.add(endpoint.toString());
            }
            logged = log.lines();
        }

        assertThat(seen).isNotEmpty();
        for (String text : seen) {
            assertThat(text).doesNotContain(signInSecrets).doesNotContain(apiCredentials);
        }
        assertThat(logged).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(signInSecrets)
                .doesNotContain(apiCredentials));
        assertThat(String.join("\n", seen)).contains("Sign-in failed for AadServicePrincipal servicePrincipalId 'app'")
                .contains("Sign-in failed for OAuth2ClientCredential clientId 'job'");
    }

    private void shown(List<Exchange> pages) {
        pages.forEach(e -> seen.add(e.getMessage().getHeaders().toString()));
    }

    private void shown(Exception failure) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        seen.add(trace.toString());
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
