package dev.adfrest.camel.ops;

import java.util.Collection;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** What an operator's setup adds to a context: the health check registry with Camel's consumer checks. */
final class Operations {

    private Operations() {
    }

    /** Camel's health checks of every route's consumer, as Camel Main or Spring Boot set them up. */
    static HealthCheckRegistry healthChecks(CamelContext context) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.register(registry.resolveById("consumers"));
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return registry;
    }

    /**
     * Camel's producer checks too, turned on as {@code camel.health.producersEnabled=true} does (Camel keeps them off by
     * default).
     */
    static HealthCheckRegistry withProducerChecks(HealthCheckRegistry registry) {
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
        return registry;
    }

    /** The result of the check of the producers of an endpoint (by its URI as shown, secrets masked). */
    static HealthCheck.Result producerCheck(Collection<HealthCheck.Result> results, String endpointUri) {
        return results.stream().filter(r -> r.getCheck().getId().equals("producer:" + endpointUri)).findFirst()
                .orElseThrow(() -> new AssertionError("no producer check for " + endpointUri + " in " + results));
    }

    /**
     * Pages /p/1 ... /p/{@code pages}, each {"next":"/p/n+1","data":[n, n]} (the last without next); a page
     * {@code failing} (0: none) is answered 503.
     */
    static void pages(WireMockExtension api, int pages, int failing) {
        for (int n = 1; n <= pages; n++) {
            api.stubFor(get(urlPathEqualTo("/p/" + n)).willReturn(n == failing
                    ? aResponse().withStatus(503).withBody("{\"error\":\"down\"}")
                    : Pages.json("{" + (n < pages ? "\"next\":\"/p/" + (n + 1) + "\"," : "") + "\"data\":[" + n + ","
                                 + n + "]}")));
        }
    }

    /** The result of the consumer check of a route. */
    static HealthCheck.Result consumerCheck(Collection<HealthCheck.Result> results, String routeId) {
        return results.stream().filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer check for route " + routeId + " in " + results));
    }
}
