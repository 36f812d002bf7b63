package dev.adfrest.camel;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Each ADF source and linked-service option of the foundation, checked on the request the API receives. */
class EndpointOptionsTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    private String url(String path) {
        return "adfrest:" + Pages.baseUrl(api) + path;
    }

    private List<Exchange> copy(String uri, int pages) throws Exception {
        return Runs.copyOnce(context, uri + (uri.contains("?") ? "&" : "?") + "requestInterval=0&repeatCount=1&initialDelay=0", pages);
    }

    @Test
    void relativeUrlIsJoinedToTheBaseUrl() throws Exception {
        api.stubFor(get(urlEqualTo("/api/v2/items?limit=5")).willReturn(Pages.json("{\"items\":[]}")));

        copy(url("/api/v2?relativeUrl=RAW(/items?limit=5)"), 1);

        api.verify(getRequestedFor(urlEqualTo("/api/v2/items?limit=5")));
    }

    @Test
    void unknownQueryParametersAreForwardedToTheApiInOrder() throws Exception {
        api.stubFor(get(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/items?sysparm_limit=1000&relativeUrl=/x&sysparm_query=active%3Dtrue"), 1);

        api.verify(getRequestedFor(urlEqualTo("/items/x?sysparm_limit=1000&sysparm_query=active%3Dtrue")));
    }

    @Test
    void additionalHeadersAsJsonObjectCopiedFromAdf() throws Exception {
        api.stubFor(get(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/h1?additionalHeaders=RAW({\"x-user-defined\":\"helloworld\",\"x-other\":\"2\"})"), 1);

        api.verify(getRequestedFor(urlEqualTo("/h1"))
                .withHeader("x-user-defined", equalTo("helloworld")).withHeader("x-other", equalTo("2")));
    }

    @Test
    void additionalHeadersAsPrefixedEntries() throws Exception {
        api.stubFor(get(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/h2?additionalHeaders.x-user-defined=helloworld&additionalHeaders.x-tenant=acme"), 1);

        api.verify(getRequestedFor(urlEqualTo("/h2"))
                .withHeader("x-user-defined", equalTo("helloworld")).withHeader("x-tenant", equalTo("acme")));
    }

    @Test
    void additionalHeadersAsMapBean() throws Exception {
        context.getRegistry().bind("myHeaders", Map.of("x-from-bean", "yes"));
        api.stubFor(get(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/h3?additionalHeaders=#myHeaders"), 1);

        api.verify(getRequestedFor(urlEqualTo("/h3")).withHeader("x-from-bean", equalTo("yes")));
    }

    @Test
    void anAcceptHeaderInAdditionalHeadersIsIgnored() throws Exception {
        api.stubFor(get(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/accept?additionalHeaders.Accept=text/xml"), 1);

        api.verify(getRequestedFor(urlEqualTo("/accept")).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void postSendsTheRequestBodyAsJson() throws Exception {
        api.stubFor(post(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/search?requestMethod=Post&requestBody=RAW({\"query\":\"*\"})"), 1);

        api.verify(postRequestedFor(urlEqualTo("/search"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("{\"query\":\"*\"}")));
    }

    @Test
    void postKeepsAContentTypeGivenInAdditionalHeaders() throws Exception {
        api.stubFor(post(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/graphql?requestMethod=POST&requestBody=RAW({\"q\":1})"
                 + "&additionalHeaders.Content-Type=RAW(application/vnd.api+json)"), 1);

        api.verify(postRequestedFor(urlEqualTo("/graphql"))
                .withHeader("Content-Type", equalTo("application/vnd.api+json")));
    }

    @Test
    void basicAuthenticationSendsTheCredentials() throws Exception {
        api.stubFor(get(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/basic?authenticationType=Basic&userName=alice&password=s3cr3t"), 1);

        api.verify(getRequestedFor(urlEqualTo("/basic"))
                .withHeader("Authorization", equalTo("Basic YWxpY2U6czNjcjN0")));
    }

    @Test
    void anonymousSendsNoAuthorizationButAuthHeaders() throws Exception {
        api.stubFor(get(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/key?authHeaders=RAW({\"x-api-key\":{\"type\":\"SecureString\",\"value\":\"k-123\"}})"), 1);

        api.verify(getRequestedFor(urlEqualTo("/key"))
                .withHeader("x-api-key", equalTo("k-123")).withHeader("Authorization", absent()));
    }

    @Test
    void componentOptionsAreDefaultsThatEndpointsOverride() throws Exception {
        AdfRestComponent component = context.getComponent("adfrest", AdfRestComponent.class);
        component.getConfiguration().setAuthenticationType("Basic");
        component.getConfiguration().setUserName("shared");
        component.getConfiguration().setPassword("shared-pw");
        component.getConfiguration().setAdditionalHeaders(Map.of("x-shared", "1"));
        api.stubFor(get(anyUrl()).willReturn(Pages.json("{}")));

        copy(url("/shared"), 1);
        copy(url("/own?userName=own&password=own-pw"), 1);

        api.verify(getRequestedFor(urlEqualTo("/shared"))
                .withHeader("Authorization", equalTo("Basic c2hhcmVkOnNoYXJlZC1wdw==")) // shared:shared-pw
                .withHeader("x-shared", equalTo("1")));
        api.verify(getRequestedFor(urlEqualTo("/own"))
                .withHeader("Authorization", equalTo("Basic b3duOm93bi1wdw==")) // own:own-pw
                .withHeader("x-shared", equalTo("1")));
    }

    @Test
    void thePageConvertsToStringBytesStreamAndJsonNode() throws Exception {
        String body = "{\"data\":[{\"id\":1,\"name\":\"Zoë\"}]}";
        api.stubFor(get(urlEqualTo("/conv")).willReturn(Pages.json(body)));

        Exchange page = copy(url("/conv"), 1).get(0);

        assertThat(page.getMessage().getBody(String.class)).isEqualTo(body);
        assertThat(page.getMessage().getBody(byte[].class)).isEqualTo(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = page.getMessage().getBody(InputStream.class)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(body);
        }
        assertThat(page.getMessage().getBody(JsonNode.class).at("/data/0/name").asText()).isEqualTo("Zoë");
    }

    @Test
    void pageHeadersCarryStatusAndFilteredResponseHeaders() throws Exception {
        api.stubFor(get(urlEqualTo("/hdr")).willReturn(Pages.json("{}").withHeader("X-RateLimit-Remaining", "42")
                .withHeader("CamelFileName", "injected.json")));

        Exchange page = copy(url("/hdr"), 1).get(0);

        assertThat(page.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(page.getMessage().getHeader("X-RateLimit-Remaining")).isEqualTo("42");
        assertThat(page.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER)).isEqualTo(1);
        assertThat(page.getMessage().getHeader(AdfRestConstants.LAST_PAGE)).isEqualTo(true);
        // as Camel's HTTP components do: an API cannot set Camel headers on the exchange
        assertThat(page.getMessage().getHeaders()).doesNotContainKey("CamelFileName");
    }
}
