package dev.adfrest.camel;

import dev.adfrest.camel.source.RunStats;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * The readiness of an endpoint's producers, from what their writes (operation=write) or copy runs (operation=read)
 * report: DOWN while the last one failed against the API (after its retries), with the status, masked URL and batch
 * (or page) in the details; UP before the first and after the next good one. An exchange whose body held no records
 * is the route's business, not the API's: it leaves the check as it was. Liveness is always UP: restarting the JVM
 * does not mend a remote API.
 * <p>
 * One check per endpoint (its producers share the endpoint's {@link RunStats}), in Camel's {@code producers} health
 * check repository as Camel's own components put theirs: added when the endpoint's first producer starts, removed when
 * its last one stops, enabled by the component's {@code healthCheckProducerEnabled}. That repository is off unless
 * the application turns it on ({@code camel.health.producersEnabled=true}).
 */
final class AdfRestProducerHealthCheck extends RunsHealthCheck {

    /** Camel's id of the producers' health check repository. */
    static final String REPOSITORY = "producers";

    private final AdfRestEndpoint endpoint;
    /** Producers of the endpoint that started and did not stop yet; guarded by this. */
    private int producers;
    /** Where this check was added; guarded by this. */
    private WritableHealthCheckRepository repository;

    AdfRestProducerHealthCheck(AdfRestEndpoint endpoint) {
        super("producer:" + endpoint.getEndpointUri()); // secrets masked when it was made
        this.endpoint = endpoint;
    }

    /** A producer of the endpoint started: the first one adds the check (when camel-health is there). */
    synchronized void producerStarted() {
        if (producers++ > 0) {
            return;
        }
        repository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), REPOSITORY,
                WritableHealthCheckRepository.class);
        if (repository != null) {
            setEnabled(((AdfRestComponent) endpoint.getComponent()).isHealthCheckProducerEnabled());
            repository.addHealthCheck(this);
        }
    }

    /** A producer of the endpoint stopped: the last one removes the check. */
    synchronized void producerStopped() {
        if (producers == 0 || --producers > 0) {
            return;
        }
        if (repository != null) {
            repository.removeHealthCheck(this);
            repository = null;
        }
    }

    @Override
    void details(HealthCheckResultBuilder builder) {
        builder.detail(ENDPOINT_URI, endpoint.getEndpointUri());
        builder.detail("adfrest.operation", endpoint.operation());
    }

    @Override
    Result readiness(HealthCheckResultBuilder builder) {
        RunStats.LastFailure f = endpoint.getProducerStats().failing();
        if (f == null) {
            return builder.up().build();
        }
        if ("write".equals(endpoint.operation())) {
            return down(builder, String.format("The write of exchange %s of %s failed at batch %d: %s", f.runId(),
                    endpoint.maskedBaseUrl(), f.failure().page(), f.failure().message()), f, "adfrest.exchange.id",
                    "adfrest.batch");
        }
        return down(builder, String.format("Run %s of %s failed at page %d: %s", f.runId(), endpoint.maskedBaseUrl(),
                f.failure().page(), f.failure().message()), f, "adfrest.run.id", "adfrest.page");
    }
}
