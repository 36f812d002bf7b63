package dev.adfrest.camel.ops;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.adfrest.camel.AdfRestWriteException;
import dev.adfrest.camel.testsupport.Receiver;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MBean of a producer that writes (camel-management): the records it wrote, its requests and retries, its last
 * write and last failure beside Camel's own attributes of a producer; no secret in any attribute.
 */
class ProducerJmxTest extends ContextTest {

    private static final String KEY = "k3y-of-the-sink";
    private static final String TOKEN = "t0ken-in-the-query";

    private final Receiver api = Receiver.start();

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void theProducerMBeanShowsWhatItWroteAndItsLastFailure() throws Exception {
        // exchange 1: two batches taken, the second after one 503; exchange 2: its only batch answered 422
        api.answering((r, i) -> i == 1 ? Receiver.Response.of(503) : i == 3 ? Receiver.Response.of(422, "{\"error\":\"no\"}")
                : Receiver.Response.of(201));
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").routeId("orders")
                        .to("adfrest:" + api.url() + "/import?token=" + TOKEN + "&writeBatchSize=2&requestInterval=0"
                            + "&retryDelay=0&authenticationType=Basic&userName=svc&password=" + KEY);
            }
        });
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            template.sendBody("direct:orders", List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)));
            assertThatThrownBy(() -> template.sendBody("direct:orders", List.of(Map.of("id", 4))))
                    .hasCauseInstanceOf(AdfRestWriteException.class);
        }
        MBeanServer jmx = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:context=" + context.getName()
                                                              + ",type=producers,*"), null);
        assertThat(names).hasSize(1);
        ObjectName producer = names.iterator().next();

        String url = api.url() + "/import?token=xxxxxx";
        assertThat(jmx.getAttribute(producer, "Operation")).isEqualTo("write");
        assertThat(jmx.getAttribute(producer, "BaseUrl")).isEqualTo(api.url() + "/import");
        assertThat(jmx.getAttribute(producer, "AuthenticationType")).isEqualTo("Basic");
        assertThat(jmx.getAttribute(producer, "Failing")).isEqualTo(true);
        assertThat(jmx.getAttribute(producer, "RecordsWritten")).isEqualTo(3L);
        assertThat(jmx.getAttribute(producer, "RunsStarted")).isEqualTo(2L);
        assertThat(jmx.getAttribute(producer, "RunsCompleted")).isEqualTo(1L);
        assertThat(jmx.getAttribute(producer, "RunsFailed")).isEqualTo(1L);
        assertThat(jmx.getAttribute(producer, "Requests")).isEqualTo(4L);
        assertThat(jmx.getAttribute(producer, "Retries")).isEqualTo("http-5xx=1");
        assertThat(jmx.getAttribute(producer, "LastRunOutcome")).isEqualTo("FAILED");
        assertThat((String) jmx.getAttribute(producer, "LastRunSummary")).contains(": 0 pages, 0 records");
        assertThat(jmx.getAttribute(producer, "LastFailureStatus")).isEqualTo(422);
        assertThat((String) jmx.getAttribute(producer, "LastFailure"))
                .contains(" batch 1 HTTP 422 " + url + ": Batch 1 (records 1-1) was answered HTTP 422 from POST " + url);
        // Camel's own attributes of a producer are still there
        assertThat((String) jmx.getAttribute(producer, "EndpointUri")).startsWith("adfrest://" + api.url());
        assertThat(jmx.getAttribute(producer, "State")).isEqualTo("Started");

        StringBuilder everything = new StringBuilder();
        for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(producer).getAttributes()) {
            everything.append(attribute.getName()).append('=').append(jmx.getAttribute(producer, attribute.getName()))
                    .append('\n');
        }
        assertThat(everything.toString()).doesNotContain(KEY, TOKEN);
        // no saved position to clear, no figure to reset: the meters read the same totals and never go down
        assertThat(jmx.getMBeanInfo(producer).getOperations()).extracting(MBeanOperationInfo::getName)
                .doesNotContain("clearSavedPosition", "resetStatistics");
    }
}
