package dev.adfrest.camel;

import java.util.Map;

import dev.adfrest.camel.source.RunStats;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The consumer's readiness, from what its runs report: ready once the API answered a first page request (a copy run
 * may take hours; the consumer need not wait for its end to be ready), DOWN while the last run failed (after its
 * retries) with the status, masked URL, page and run in the details, UP again once the API answers again. A failing
 * API never fails liveness: restarting the JVM does not mend a remote API. Camel's consumers health repository asks it
 * (camel-health); {@code healthCheckConsumerEnabled=false} on the component turns it off.
 */
final class AdfRestConsumerHealthCheck implements HealthCheck {

    private final AdfRestConsumer consumer;
    private final String id;
    private final State initialState;
    private boolean enabled = true;

    AdfRestConsumerHealthCheck(AdfRestConsumer consumer, String id) {
        this.consumer = consumer;
        this.id = id;
        HealthCheckRegistry registry = HealthCheckRegistry.get(consumer.getEndpoint().getCamelContext());
        this.initialState = registry != null ? registry.getInitialState() : State.DOWN;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(initialState);
        builder.detail(ENDPOINT_URI, consumer.getEndpoint().getEndpointUri()); // secrets masked when it was made
        builder.detail("route.id", consumer.getRouteId());
        if (!enabled) {
            builder.detail(CHECK_ENABLED, false);
            return builder.message("Disabled").unknown().build();
        }
        Kind kind = (Kind) options.getOrDefault(CHECK_KIND, Kind.ALL);
        if (kind == Kind.LIVENESS) {
            return builder.up().build();
        }
        RunStats stats = consumer.stats();
        RunStats.LastFailure failing = stats.failing();
        if (failing != null) {
            builder.down()
                    .message(String.format("Run %s of route %s failed at page %d: %s", failing.runId(),
                            consumer.getRouteId(), failing.failure().page(), failing.failure().message()))
                    .detail("adfrest.run.id", failing.runId())
                    .detail("adfrest.page", failing.failure().page())
                    .detail("adfrest.failure.time", failing.at().toString())
                    .detail("adfrest.failure.type", failing.failure().type());
            if (failing.failure().url() != null) {
                builder.detail("adfrest.request.url", failing.failure().url());
            }
            if (failing.failure().status() > 0) {
                builder.detail(HTTP_RESPONSE_CODE, failing.failure().status());
            }
            return builder.build();
        }
        if (!stats.ready()) {
            // before the API first answers: the registry's initial state (DOWN unless configured otherwise)
            return builder.message("The API has not answered yet (route " + consumer.getRouteId() + ")").build();
        }
        RunStats.Current current = stats.snapshot().current();
        if (current != null) {
            builder.detail("adfrest.run.id", current.runId()).detail("adfrest.page", current.page());
        }
        return builder.up().build();
    }
}
