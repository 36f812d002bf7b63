package dev.adfrest.camel.springboot;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

/** A protected, paginated orders API on 127.0.0.1 (WireMock): Basic sign-in and an API key on every page. */
final class OrdersApi {

    static final String USER = "svc-copy";
    static final String PASSWORD = "pw-7f3a91";
    static final String API_KEY = "key-5c2e80";

    private OrdersApi() {
    }

    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
                // the route runs as the Spring context starts, before each test: keep the stubs and the journal
                .resetOnEachTest(false)
                .build();
    }

    static String baseUrl(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Answers {@code request} only when it carries the credentials; anything else gets WireMock's 404. */
    static void page(WireMockExtension server, MappingBuilder request, String body) {
        server.stubFor(request.withBasicAuth(USER, PASSWORD).withHeader("X-Api-Key", equalTo(API_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /**
     * {"data":[{"id":...}, ...], "links":[{"rel":"self",...}, {"rel":"next",...}]}: {@code perPage} orders of page
     * {@code page}, the next page's link (if any) among the links by rel, as HAL/JSON:API-style APIs have it.
     */
    static String orders(int page, int perPage, String next) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < perPage; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append((page - 1) * perPage + i + 1).append('}');
        }
        sb.append("],\"links\":[{\"rel\":\"self\",\"href\":\"/v1/orders?page=").append(page).append("\"}");
        if (next != null) {
            sb.append(",{\"rel\":\"next\",\"href\":\"").append(next).append("\"}");
        }
        return sb.append("]}").toString();
    }
}
