package dev.adfrest.camel.auth;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.AdfRestAuthenticationException;
import dev.adfrest.camel.testsupport.InFlight;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in is as robust as paging: a token endpoint's bad moment is retried within maxRetries; requests in flight
 * together that are all answered 401 make one refresh; credentials never go over plain http or into URLs; a misspelt
 * option is not sent to the API.
 */
class SignInRobustnessTest extends SignInTestSupport {

    static final InFlight GATES = new InFlight();

    @RegisterExtension
    static WireMockExtension auth = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension login = httpsLoopbackServer();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer(GATES);

    @BeforeEach
    void reset() {
        GATES.reset();
    }

    static String oauth() {
        return "authenticationType=OAuth2ClientCredential&tokenEndpoint=" + Pages.baseUrl(auth) + "/token"
               + "&clientId=job&clientSecret=cs-9f8e7d6c5b4a&retryDelay=10ms";
    }

    private static String token(String value) {
        return "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    }

    /** The token endpoint answers each request with the next of these, then the last one for good. */
    private static void tokenAnswers(WireMockExtension server, String path,
                                     com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            server.stubFor(post(urlPathEqualTo(path)).inScenario("token").whenScenarioStateIs(i == 0 ? "Started" : "s" + i)
                    .willReturn(answers[i]).willSetStateTo(i == answers.length - 1 ? "s" + i : "s" + (i + 1)));
        }
    }

    @Test
    void aTokenEndpointsBadMomentIsRetried() throws Exception {
        tokenAnswers(auth, "/token", aResponse().withStatus(503), aResponse().withStatus(429).withHeader("Retry-After", "0"),
                okJson(token("t-1")));
        stubPages(api, 2);

        copy(api, oauth(), 2);

        auth.verify(3, postRequestedFor(urlPathEqualTo("/token")));
        assertThat(authorizationsSent(api)).containsExactly("Bearer t-1", "Bearer t-1");
    }

    @Test
    void maxRetriesBoundsTheTokenRequestsToo() throws Exception {
        auth.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(503)));
        stubPages(api, 1);

        Exception failure = failedCopy(api, oauth() + "&maxRetries=2");

        assertThat(failure).isInstanceOf(AdfRestAuthenticationException.class).hasMessageContaining("HTTP 503");
        auth.verify(3, postRequestedFor(urlPathEqualTo("/token")));
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anAzureSignInHostsBadMomentIsRetried() throws Exception {
        String tenant = "9b2d3c1e-5f4a-4e8b-a1c7-2d6e0f3b8a94";
        String path = "/" + tenant + "/oauth2/v2.0/token";
        tokenAnswers(login, path, aResponse().withStatus(503), okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                                                                      + "\"access_token\":\"sp-1\"}"));
        stubPages(api, 1);

        copy(api, "authenticationType=AadServicePrincipal&servicePrincipalId=app&servicePrincipalKey=k3y&tenant=" + tenant
                  + "&aadResourceId=https://api.example.org&authorityHost=" + httpsUrl(login) + "&" + SIGN_IN_TRUST
                  + "&retryDelay=10ms", 1);

        login.verify(2, postRequestedFor(urlPathEqualTo(path)));
        assertThat(authorizationsSent(api)).containsExactly("Bearer sp-1");
    }

    @Test
    void requestsInFlightTogetherThatAreAllRejectedMakeOneRefresh() throws Exception {
        tokenAnswers(auth, "/token", okJson(token("stale")), okJson(token("fresh")), okJson(token("third")));
        api.stubFor(get(urlPathEqualTo("/r")).withHeader("Authorization", equalTo("Bearer stale"))
                .willReturn(aResponse().withStatus(401)));
        api.stubFor(get(urlPathEqualTo("/r")).withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(Pages.json("{\"data\":[1]}")));
        GATES.firstTogether(4); // all four carry the stale token and are answered 401 together

        var pages = copyFrom("adfrest:" + Pages.baseUrl(api) + "/r?page={p}&paginationRules=RAW({\"QueryParameters.{p}\":"
                             + "\"RANGE:1:4:1\"})&parallelRequests=4&requestInterval=0&initialDelay=0&repeatCount=1&"
                             + oauth(), 4);

        assertThat(pages).hasSize(4);
        auth.verify(2, postRequestedFor(urlPathEqualTo("/token"))); // the first token, and one refresh
        api.verify(4, getRequestedFor(urlPathEqualTo("/r")).withHeader("Authorization", equalTo("Bearer fresh")));
        assertThat(GATES.gatesTimedOut()).isEmpty();
    }

    @Test
    void aPlainHttpTokenEndpointIsRefusedUnlessOnLoopback() {
        assertThatThrownBy(() -> context.getEndpoint(itemsUri(api, "authenticationType=OAuth2ClientCredential"
                                                                   + "&tokenEndpoint=http://auth.example.org/token"
                                                                   + "&clientId=job&clientSecret=cs-9f8e7d6c5b4a")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Option 'tokenEndpoint' must be an https URL")
                .hasMessageContaining("loopback")
                .hasMessageNotContaining("cs-9f8e7d6c5b4a");
        assertThatThrownBy(() -> context.getEndpoint(itemsUri(api, "authenticationType=ManagedServiceIdentity"
                                                                   + "&aadResourceId=r&managedIdentityEndpoint="
                                                                   + "http://identity.example.org/token")))
                .hasMessageContaining("Option 'managedIdentityEndpoint' must be an https URL");
        assertThat(context.getEndpoint(itemsUri(api, oauth()))).isNotNull(); // http on 127.0.0.1: a sidecar, a test
    }

    @Test
    void userInfoInTheBaseUrlIsRefusedPointingAtUserNameAndPassword() {
        assertThatThrownBy(() -> context.getEndpoint("adfrest:https://bob:hunter2@api.example.com/items"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Option 'baseUrl'")
                .hasMessageContaining("userName and password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aNearMissOfAnOptionIsRefusedInsteadOfSentToTheApi() throws Exception {
        assertThatThrownBy(() -> context.getEndpoint(itemsUri(api, oauth().replace("clientSecret=", "clientSecrte="))))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Unknown option 'clientSecrte': did you mean 'clientSecret'?")
                .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("cs-9f8e7d6c5b4a")); // ours; Camel's
                                                                                      // own wrapper quotes the URI
        assertThatThrownBy(() -> context.getEndpoint(itemsUri(api, "additionalHeader.x-trace=t")))
                .hasMessageContaining("did you mean 'additionalHeaders'?");
        api.verify(0, anyRequestedFor(anyUrl()));

        // an API's own parameter, even one that contains an option's name, still goes to the API
        stubPages(api, 1);
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(Pages.json("{\"data\":[1]}")));
        copy(api, "tenantId=abc&source=feed", 1);
        api.verify(getRequestedFor(urlPathEqualTo("/items")).withQueryParam("tenantId", equalTo("abc"))
                .withQueryParam("source", equalTo("feed")));
    }
}
