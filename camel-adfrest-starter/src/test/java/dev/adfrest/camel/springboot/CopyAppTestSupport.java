package dev.adfrest.camel.springboot;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.AdfRestComponent;
import dev.adfrest.camel.springboot.CopyApp.CopiedPage;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/** A {@link CopyApp} started against an {@link OrdersApi} that each test class stubs in its {@code @BeforeAll}. */
abstract class CopyAppTestSupport {

    @RegisterExtension
    static WireMockExtension api = OrdersApi.server();

    @Autowired
    CamelContext camelContext;

    @Autowired
    List<CopiedPage> copiedPages;

    @DynamicPropertySource
    static void apiUrl(DynamicPropertyRegistry registry) {
        registry.add("orders.api.url", () -> OrdersApi.baseUrl(api));
    }

    /** The route started with the application context: waits for its last page. */
    void awaitLastPage() {
        await().atMost(Duration.ofSeconds(30)).until(() -> copiedPages.stream().anyMatch(CopiedPage::last));
    }

    AdfRestConfiguration componentConfiguration() {
        return camelContext.getComponent("adfrest", AdfRestComponent.class).getConfiguration();
    }
}
