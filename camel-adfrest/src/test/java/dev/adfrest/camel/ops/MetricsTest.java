package dev.adfrest.camel.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.adfrest.camel.metrics.Metrics;
import dev.adfrest.camel.source.RunStats;
import dev.adfrest.camel.testsupport.Pages;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Micrometer meters, when the application has a MeterRegistry: counted against a SimpleMeterRegistry. */
class MetricsTest extends ContextTest {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @Test
    void aRunIsCountedInPagesRecordsBytesRequestsRetriesAndRunsTaggedWithRouteAndHost() throws Exception {
        Operations.pages(api, 3, 0);
        // page 2 first answers 503 once: one retry
        api.stubFor(get(urlPathEqualTo("/p/2")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        api.stubFor(get(urlPathEqualTo("/p/2")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(Pages.json("{\"next\":\"/p/3\",\"data\":[2,2]}")));
        MeterRegistry meters = new SimpleMeterRegistry();
        context = new DefaultCamelContext();
        context.getRegistry().bind("meters", meters);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "/p/1?paginationRules.AbsoluteUrl=$.next&requestInterval=0"
                     + "&initialDelay=0&repeatCount=1&retryDelay=0&collectionReference=$.data")
                        .routeId("copy").to("mock:pages");
            }
        });
        context.start();
        MockEndpoint pages = context.getEndpoint("mock:pages", MockEndpoint.class);
        pages.expectedMessageCount(3);
        pages.assertIsSatisfied(10_000);
        await().until(() -> timer(meters, "completed").count() == 1);

        assertThat(counter(meters, "adfrest.pages")).isEqualTo(3);
        assertThat(counter(meters, "adfrest.records")).isEqualTo(6);
        assertThat(counter(meters, "adfrest.bytes")).isEqualTo("{\"next\":\"/p/2\",\"data\":[1,1]}".length()
                                                        + "{\"next\":\"/p/3\",\"data\":[2,2]}".length()
                                                        + "{\"data\":[3,3]}".length());
        assertThat(counter(meters, "adfrest.requests")).isEqualTo(4);
        assertThat(meters.get("adfrest.retries").tag("cause", "http-5xx").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("adfrest.retries").tag("cause", "timeout").functionCounter().count()).isZero();
        assertThat(timer(meters, "failed").count()).isZero();
        assertThat(timer(meters, "completed").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        double lastSuccess = meters.get("adfrest.last.success").gauge().value();
        assertThat(lastSuccess).isBetween(Instant.now().getEpochSecond() - 60.0, Instant.now().getEpochSecond() + 1.0);
        assertThat(meters.get("adfrest.pages").meter().getId().getTags()).extracting("key", "value")
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("routeId", "copy"),
                        org.assertj.core.groups.Tuple.tuple("host", "127.0.0.1"));
        assertThat(meters.find("adfrest.sink.records").meters()).as("a consumer writes nothing").isEmpty();

        context.getRouteController().stopRoute("copy");
        assertThat(meters.find("adfrest.pages").meters()).as("removed with the consumer").isEmpty();
    }

    @Test
    void aProducersStatsAlsoCountSinkRecordsAndWithoutARegistryNothingIsBound() throws Exception {
        RunStats stats = new RunStats(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
                System::nanoTime);
        MeterRegistry meters = new SimpleMeterRegistry();
        context = new DefaultCamelContext();
        context.getRegistry().bind("meters", meters);

        try (AutoCloseable bound = Metrics.bind(context.getRegistry(), stats, "sink", "api.example.com", true)) {
            stats.recordsWritten(500);
            stats.recordsWritten(250);
            assertThat(counter(meters, "adfrest.sink.records")).isEqualTo(750);
            assertThat(meters.get("adfrest.last.success").gauge().value()).isNaN();
        }
        assertThat(meters.getMeters()).isEmpty();

        CamelContext bare = new DefaultCamelContext();
        try (AutoCloseable none = Metrics.bind(bare.getRegistry(), stats, "sink", "api.example.com", true)) {
            assertThat(none).isNotNull();
        }
    }

    private static double counter(MeterRegistry meters, String name) {
        return meters.get(name).tag("routeId", meters.get(name).meter().getId().getTag("routeId"))
                .functionCounter().count();
    }

    private static FunctionTimer timer(MeterRegistry meters, String outcome) {
        return meters.get("adfrest.runs").tag("outcome", outcome).functionTimer();
    }
}
