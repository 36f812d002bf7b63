package dev.adfrest.camel.springboot;

import java.util.Map;

import dev.adfrest.camel.springboot.CopyApp.CopiedPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with the starter copies a protected, paginated API completely, its credentials and
 * pagination rules only in application.properties (map entries in Spring's bracket form: case and dots kept).
 */
@SpringBootTest(classes = CopyApp.class)
class StarterCopyTest extends CopyAppTestSupport {

    @BeforeAll
    static void fourPagesWithNextLinks() {
        String next = OrdersApi.baseUrl(api) + "/v1/orders?after=";
        OrdersApi.page(api, get(urlEqualTo("/v1/orders")), OrdersApi.orders(1, 3, next + "p2"));
        OrdersApi.page(api, get(urlEqualTo("/v1/orders?after=p2")), OrdersApi.orders(2, 3, next + "p3"));
        OrdersApi.page(api, get(urlEqualTo("/v1/orders?after=p3")), OrdersApi.orders(3, 3, next + "p4"));
        OrdersApi.page(api, get(urlEqualTo("/v1/orders?after=p4")), OrdersApi.orders(4, 3, null));
    }

    @Test
    void copiesEveryPageWithTheCredentialsAndRulesOfApplicationProperties() {
        awaitLastPage();

        assertThat(copiedPages).extracting(CopiedPage::number).containsExactly(1, 2, 3, 4);
        assertThat(copiedPages).extracting(CopiedPage::last).containsExactly(false, false, false, true);
        assertThat(copiedPages).flatExtracting(CopiedPage::ids).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        // every request was answered: none without the credentials, none the API did not know
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(4);
        assertThat(api.findAllUnmatchedRequests()).isEmpty();
        assertThat(componentConfiguration().getAuthHeaders()).isEqualTo(Map.of("X-Api-Key", OrdersApi.API_KEY));
        assertThat(componentConfiguration().getPaginationRules())
                .isEqualTo(Map.of("AbsoluteUrl", "$.links[?(@.rel == 'next')].href"));
    }
}
