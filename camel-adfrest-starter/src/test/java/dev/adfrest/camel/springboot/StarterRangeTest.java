package dev.adfrest.camel.springboot;

import java.util.Map;

import dev.adfrest.camel.springboot.CopyApp.CopiedPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RANGE pagination from a properties file (range.properties): a rule key with a dot in brackets
 * ({@code pagination-rules[QueryParameters.page]=RANGE:1::1}), an end condition whose key holds a colon, and the
 * password as a Camel placeholder, resolved by Camel as {@code {{azure:name}}} would be.
 */
@SpringBootTest(classes = CopyApp.class, properties = "spring.config.name=range")
class StarterRangeTest extends CopyAppTestSupport {

    @BeforeAll
    static void threePagesThenNone() {
        for (int page = 1; page <= 3; page++) {
            OrdersApi.page(api, get(urlEqualTo("/v1/orders?page=" + page)), OrdersApi.orders(page, 2, null));
        }
        OrdersApi.page(api, get(urlEqualTo("/v1/orders?page=4")), "{\"data\":[]}");
    }

    @Test
    void copiesPageAfterPageUntilTheEndCondition() {
        awaitLastPage();

        assertThat(copiedPages).extracting(CopiedPage::number).containsExactly(1, 2, 3, 4);
        assertThat(copiedPages).flatExtracting(CopiedPage::ids).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(api.findAllUnmatchedRequests()).isEmpty();
        assertThat(componentConfiguration().getPaginationRules())
                .isEqualTo(Map.of("QueryParameters.page", "RANGE:1::1", "EndCondition:$.data", "Empty"));
        assertThat(componentConfiguration().getPassword()).isEqualTo(OrdersApi.PASSWORD);
    }
}
