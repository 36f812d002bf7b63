package dev.adfrest.camel.auth;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.AdfRestAuthenticationException;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** tokenCredential=#bean: a TokenCredential the user built stands in for the one the options would build. */
class TokenCredentialBeanTest extends SignInTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    final AtomicInteger calls = new AtomicInteger();
    final List<List<String>> scopes = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("workloadIdentity", (TokenCredential) request -> {
            scopes.add(request.getScopes());
            int n = calls.incrementAndGet();
            return Mono.just(new AccessToken("bean-" + n, OffsetDateTime.now().plusHours(1)));
        });
        registry.bind("refusing", (TokenCredential) request -> Mono.error(
                new ClientAuthenticationException("AADSTS700016: Application with identifier 'x' was not found", null)));
    }

    @Test
    void theBeanIsAskedForTheResourcesDefaultScopeOncePerToken() throws Exception {
        stubPages(api, 3);

        copy(api, "authenticationType=ManagedServiceIdentity&tokenCredential=#workloadIdentity"
                  + "&aadResourceId=https://api.example.org/", 3);

        assertThat(authorizationsSent(api)).containsExactly("Bearer bean-1", "Bearer bean-1", "Bearer bean-1");
        assertThat(scopes).containsExactly(List.of("https://api.example.org//.default"));
    }

    @Test
    void a401AsksTheBeanAgainOnce() throws Exception {
        stubPages(api, 1);
        api.stubFor(any(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer bean-1")).atPriority(1)
                .willReturn(aResponse().withStatus(401)));

        copy(api, "authenticationType=AadServicePrincipal&tokenCredential=#workloadIdentity"
                  + "&aadResourceId=api://copy-target", 1);

        assertThat(authorizationsSent(api)).containsExactly("Bearer bean-1", "Bearer bean-2");
        assertThat(scopes).hasSize(2).allSatisfy(s -> assertThat(s).containsExactly("api://copy-target/.default"));
    }

    @Test
    void aFailingBeanFailsTheRunWithItsErrorCode() throws Exception {
        stubPages(api, 1);

        Exception failure = failedCopy(api, "authenticationType=AadServicePrincipal&tokenCredential=#refusing"
                                            + "&aadResourceId=https://api.example.org");

        assertThat(failure).isInstanceOf(AdfRestAuthenticationException.class)
                .hasMessageStartingWith("Sign-in failed for AadServicePrincipal tokenCredential")
                .hasMessageContaining("error AADSTS700016");
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
