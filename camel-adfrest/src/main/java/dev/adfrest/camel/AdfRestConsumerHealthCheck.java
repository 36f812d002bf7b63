package dev.adfrest.camel;

import dev.adfrest.camel.source.RunStats;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The consumer's readiness, from what its runs report: ready once the API answered a first page request (a copy run
 * may take hours; the consumer need not wait for its end to be ready), DOWN while the last run failed (after its
 * retries) with the status, masked URL, page and run in the details, UP again once the API answers again. A failing
 * API never fails liveness: restarting the JVM does not mend a remote API. Camel's consumers health repository asks it
 * (camel-health); {@code healthCheckConsumerEnabled=false} on the component turns it off.
 */
final class AdfRestConsumerHealthCheck extends RunsHealthCheck {

    private final AdfRestConsumer consumer;
    private final State initialState;

    AdfRestConsumerHealthCheck(AdfRestConsumer consumer, String id) {
        super(id);
        this.consumer = consumer;
        HealthCheckRegistry registry = HealthCheckRegistry.get(consumer.getEndpoint().getCamelContext());
        this.initialState = registry != null ? registry.getInitialState() : State.DOWN;
    }

    @Override
    void details(HealthCheckResultBuilder builder) {
        builder.detail(ENDPOINT_URI, consumer.getEndpoint().getEndpointUri()); // secrets masked when it was made
        builder.detail("route.id", consumer.getRouteId());
    }

    @Override
    Result readiness(HealthCheckResultBuilder builder) {
        RunStats stats = consumer.stats();
        RunStats.LastFailure failing = stats.failing();
        if (failing != null) {
            return down(builder, String.format("Run %s of route %s failed at page %d: %s", failing.runId(),
                    consumer.getRouteId(), failing.failure().page(), failing.failure().message()), failing,
                    "adfrest.run.id", "adfrest.page");
        }
        if (!stats.ready()) {
            // before the API first answers: the registry's initial state (DOWN unless configured otherwise)
            return builder.state(initialState)
                    .message("The API has not answered yet (route " + consumer.getRouteId() + ")").build();
        }
        RunStats.Current current = stats.snapshot().current();
        if (current != null) {
            builder.detail("adfrest.run.id", current.runId()).detail("adfrest.page", current.page());
        }
        return builder.up().build();
    }
}
