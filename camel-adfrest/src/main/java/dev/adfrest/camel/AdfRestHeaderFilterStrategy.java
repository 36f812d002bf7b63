package dev.adfrest.camel;

import java.util.Set;

import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * The response headers that become top-level exchange headers by default: a safe set that no sink acts on
 * (Content-Type, ETag, Last-Modified, Link, Date, Retry-After, RateLimit-*, X-RateLimit-*, request and correlation
 * ids). Any other header an API sends (CamelFileName, kafka.OVERRIDE_TOPIC, Authorization, ...) stays out of the
 * exchange's headers, where a file, Kafka or HTTP producer would act on it; every response header is still in the
 * {@link AdfRestConstants#RESPONSE_HEADERS} map. Set the endpoint's headerFilterStrategy to let others through.
 */
public class AdfRestHeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    public AdfRestHeaderFilterStrategy() {
        setFilterOnMatch(false); // an allow list: what matches goes through, everything else is filtered
        setLowerCase(true);
        setInFilter(Set.of("content-type", "etag", "last-modified", "link", "date", "retry-after"));
        setInFilterStartsWith("ratelimit-", "x-ratelimit-");
        setInFilterPattern("(?i)[a-z0-9-]*(request-?id|correlation-?id|trace-?id)");
        // nothing of the exchange goes out to the API through this strategy
        setOutFilterPattern(".*");
    }
}
