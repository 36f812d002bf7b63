package dev.adfrest.camel.metrics;

import dev.adfrest.camel.source.RunStats;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a consumer's or producer's {@link RunStats} to the application's Micrometer registry, when there is one: the
 * door to {@link AdfRestMeters} that names no Micrometer type, so that applications without Micrometer never load it.
 */
public final class Metrics {

    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");

    /** The name camel-micrometer looks a registry up by first. */
    static final String REGISTRY_NAME = "metricsRegistry";

    private Metrics() {
    }

    /**
     * Registers the meters of {@code stats} in the Micrometer registry of {@code registry} (a bean named
     * metricsRegistry, else the only CompositeMeterRegistry, else the only MeterRegistry, as camel-micrometer looks).
     *
     * @param  routeId the route tag
     * @param  host    the base URL's host, the host tag
     * @param  sink    whether the stats are a producer's that writes records (adds adfrest.sink.records)
     * @return         what removes the meters again; a no-op when there is no Micrometer or no registry
     */
    public static AutoCloseable bind(Registry registry, RunStats stats, String routeId, String host, boolean sink) {
        if (!MICROMETER) {
            return () -> { };
        }
        Object meterRegistry = AdfRestMeters.find(registry);
        if (meterRegistry == null) {
            LOG.debug("No Micrometer MeterRegistry in the registry: route {} has no adfrest meters", routeId);
            return () -> { };
        }
        return AdfRestMeters.bind(meterRegistry, stats, routeId, host, sink);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Metrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
