package dev.adfrest.camel.ops;

import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consumer's MBean (camel-management): its runs' figures beside Camel's own, and clearing the saved position. */
class JmxTest extends ContextTest {

    private static final String TOKEN = "t0ken-in-the-query";

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @Test
    void theConsumerMBeanShowsTheRunsAndClearsTheSavedPosition() throws Exception {
        Operations.pages(api, 4, 3);
        MemoryStateRepository state = new MemoryStateRepository();
        context = new DefaultCamelContext();
        context.getRegistry().bind("state", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "/p/1?paginationRules.AbsoluteUrl=$.next&requestInterval=0"
                     + "&initialDelay=0&repeatCount=1&stateRepository=#state&maxRetries=0&token=" + TOKEN)
                        .routeId("copy").to("mock:pages");
            }
        });
        context.start();
        MBeanServer jmx = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:context=" + context.getName()
                                                              + ",type=consumers,*"), null);
        assertThat(names).hasSize(1);
        ObjectName consumer = names.iterator().next();
        await().until(() -> "FAILED".equals(jmx.getAttribute(consumer, "LastRunOutcome")));

        assertThat(jmx.getAttribute(consumer, "BaseUrl")).isEqualTo(Pages.baseUrl(api) + "/p/1");
        assertThat(jmx.getAttribute(consumer, "AuthenticationType")).isEqualTo("Anonymous");
        assertThat(jmx.getAttribute(consumer, "RuleKinds")).isEqualTo("AbsoluteUrl");
        assertThat(jmx.getAttribute(consumer, "Ready")).isEqualTo(true);
        assertThat(jmx.getAttribute(consumer, "Failing")).isEqualTo(true);
        assertThat(jmx.getAttribute(consumer, "RunsStarted")).isEqualTo(1L);
        assertThat(jmx.getAttribute(consumer, "RunsFailed")).isEqualTo(1L);
        assertThat(jmx.getAttribute(consumer, "Requests")).isEqualTo(3L);
        assertThat(jmx.getAttribute(consumer, "Pages")).isEqualTo(2L);
        assertThat(jmx.getAttribute(consumer, "Records")).isEqualTo(2L);
        assertThat((Long) jmx.getAttribute(consumer, "Bytes")).isPositive();
        assertThat(jmx.getAttribute(consumer, "CurrentRunId")).isEqualTo("");
        assertThat((String) jmx.getAttribute(consumer, "LastRunSummary")).contains("2 pages, 2 records");
        assertThat(jmx.getAttribute(consumer, "LastFailureStatus")).isEqualTo(503);
        assertThat((String) jmx.getAttribute(consumer, "LastFailure"))
                .contains(" page 3 HTTP 503 " + Pages.baseUrl(api) + "/p/3: ");
        assertThat((String) jmx.getAttribute(consumer, "SavedPosition"))
                .endsWith(" page 3: GET " + Pages.baseUrl(api) + "/p/3");
        // Camel's own attributes of a polling consumer are still there
        assertThat(jmx.getAttribute(consumer, "Delay")).isEqualTo(60_000L);
        assertThat((String) jmx.getAttribute(consumer, "EndpointUri")).doesNotContain(TOKEN);
        assertThat(state.getState("copy")).isNotBlank();

        Object answer = jmx.invoke(consumer, "clearSavedPosition", null, null);

        assertThat(answer).isEqualTo("Saved position cleared: the next run starts at page 1");
        assertThat(jmx.getAttribute(consumer, "SavedPosition")).isEqualTo("");
        assertThat(state.getState("copy")).isEmpty();
        assertThat(jmx.invoke(consumer, "clearSavedPosition", null, null)).isEqualTo("No position was saved");
    }
}
