package dev.adfrest.camel;

import java.util.Map;

import dev.adfrest.camel.source.RunStats;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * What the consumer's and the producers' health checks share: an id, the enabled switch (a disabled check reports
 * UNKNOWN, "Disabled"), liveness always UP (restarting the JVM does not mend a remote API), and how a failed run shows
 * in the details. Each says what else it details and how ready it is.
 */
abstract class RunsHealthCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    RunsHealthCheck(String id) {
        this.id = id;
    }

    /** The details every result of this check has (secrets masked). */
    abstract void details(HealthCheckResultBuilder builder);

    /** The readiness result, from what the runs reported. */
    abstract Result readiness(HealthCheckResultBuilder builder);

    @Override
    public final Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        details(builder);
        if (!enabled) {
            builder.detail(CHECK_ENABLED, false);
            return builder.message("Disabled").unknown().build();
        }
        if (options.getOrDefault(CHECK_KIND, Kind.ALL) == Kind.LIVENESS) {
            return builder.up().build();
        }
        return readiness(builder);
    }

    /**
     * DOWN with a failed run's details: its id, its page (or batch), when and how it failed, the masked URL and the
     * HTTP status.
     *
     * @param runKey  the detail that names the run
     * @param pageKey the detail that gives the page (or batch) that failed
     */
    static Result down(HealthCheckResultBuilder builder, String message, RunStats.LastFailure failure, String runKey,
                       String pageKey) {
        builder.down().message(message)
                .detail(runKey, failure.runId())
                .detail(pageKey, failure.failure().page())
                .detail("adfrest.failure.time", failure.at().toString())
                .detail("adfrest.failure.type", failure.failure().type());
        if (failure.failure().url() != null) {
            builder.detail("adfrest.request.url", failure.failure().url());
        }
        if (failure.failure().status() > 0) {
            builder.detail(HTTP_RESPONSE_CODE, failure.failure().status());
        }
        return builder.build();
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
}
