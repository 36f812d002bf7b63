package dev.adfrest.camel.ops;

import java.util.Collection;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;

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

    /** The result of the consumer check of a route. */
    static HealthCheck.Result consumerCheck(Collection<HealthCheck.Result> results, String routeId) {
        return results.stream().filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer check for route " + routeId + " in " + results));
    }
}
