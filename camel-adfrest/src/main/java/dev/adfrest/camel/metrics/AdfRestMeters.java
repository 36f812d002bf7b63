package dev.adfrest.camel.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.adfrest.camel.source.RetryCause;
import dev.adfrest.camel.source.RunEnd;
import dev.adfrest.camel.source.RunStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.spi.Registry;

/**
 * The meters: each reads the run statistics when the registry is scraped (function counters, function timers and a
 * gauge), so runs pay nothing for them. Tags: {@code routeId} and {@code host} (the base URL's), plus {@code cause} on
 * retries and {@code outcome} on run durations.
 */
final class AdfRestMeters {

    static final String PAGES = "adfrest.pages";
    static final String RECORDS = "adfrest.records";
    static final String BYTES = "adfrest.bytes";
    static final String REQUESTS = "adfrest.requests";
    static final String RETRIES = "adfrest.retries";
    static final String RUNS = "adfrest.runs";
    static final String LAST_SUCCESS = "adfrest.last.success";
    static final String SINK_RECORDS = "adfrest.sink.records";
    static final Set<String> NAMES = Set.of(PAGES, RECORDS, BYTES, REQUESTS, RETRIES, RUNS, LAST_SUCCESS, SINK_RECORDS);

    private AdfRestMeters() {
    }

    /**
     * The registry camel-micrometer would use (a MeterRegistry, typed Object for {@link Metrics}); null when there is
     * none, or several and none is named.
     */
    static Object find(Registry registry) {
        MeterRegistry named = registry.lookupByNameAndType(Metrics.REGISTRY_NAME, MeterRegistry.class);
        if (named != null) {
            return named;
        }
        Set<CompositeMeterRegistry> composites = registry.findByType(CompositeMeterRegistry.class);
        if (composites.size() == 1) {
            return composites.iterator().next();
        }
        Set<MeterRegistry> all = registry.findByType(MeterRegistry.class);
        return all.size() == 1 ? all.iterator().next() : null;
    }

    static AutoCloseable bind(Object meterRegistry, RunStats stats, String routeId, String host, boolean sink) {
        MeterRegistry registry = (MeterRegistry) meterRegistry;
        Tags tags = Tags.of("routeId", routeId, "host", host);
        List<Meter> meters = new ArrayList<>();
        meters.add(FunctionCounter.builder(PAGES, stats, s -> s.snapshot().pages())
                .description("Pages the route processed").tags(tags).register(registry));
        meters.add(FunctionCounter.builder(RECORDS, stats, s -> s.snapshot().records())
                .description("Records in the pages the route processed (a page as received counts one)")
                .tags(tags).register(registry));
        meters.add(FunctionCounter.builder(BYTES, stats, s -> s.snapshot().bytes()).baseUnit("bytes")
                .description("Response body bytes of the pages the route processed").tags(tags).register(registry));
        meters.add(FunctionCounter.builder(REQUESTS, stats, s -> s.snapshot().requests())
                .description("Requests sent to the API, retries included").tags(tags).register(registry));
        for (RetryCause cause : RetryCause.values()) {
            meters.add(FunctionCounter.builder(RETRIES, stats, s -> s.retries(cause))
                    .description("Requests sent again after a transient fault").tags(tags).tag("cause", cause.tag())
                    .register(registry));
        }
        for (RunEnd.Outcome outcome : RunEnd.Outcome.values()) {
            meters.add(FunctionTimer.builder(RUNS, stats, s -> s.runsEnded(outcome),
                    s -> s.runTime(outcome).toNanos(), TimeUnit.NANOSECONDS)
                    .description("Copy runs that ended, and how long they took").tags(tags)
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        meters.add(Gauge.builder(LAST_SUCCESS, stats, s -> {
            RunStats.Snapshot snapshot = s.snapshot();
            return snapshot.lastSuccessfulRun() == null ? Double.NaN
                    : snapshot.lastSuccessfulRun().toEpochMilli() / 1000.0;
        }).baseUnit("seconds").description("When a copy run last completed, in seconds since the epoch").tags(tags)
                .register(registry));
        if (sink) {
            meters.add(FunctionCounter.builder(SINK_RECORDS, stats, s -> s.snapshot().recordsWritten())
                    .description("Records written to the API").tags(tags).register(registry));
        }
        return () -> meters.forEach(registry::remove);
    }
}
