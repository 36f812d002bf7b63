package dev.adfrest.camel.sink;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.source.ApiConnection;
import dev.adfrest.camel.support.Durations;
import dev.adfrest.camel.support.UrlTemplates;

/**
 * The options of ADF's REST sink (a producer with operation=write), checked once: the request each batch goes out
 * with, the batch size, the compression and the wait between requests, on the connection options every request
 * shares. Every bad option fails here, naming the option.
 *
 * @param request         the method, URL and additional headers of every batch (no body, no credentials)
 * @param batchSize       the most records per request (writeBatchSize)
 * @param gzip            whether bodies are sent gzip-compressed (httpCompressionType=gzip)
 * @param requestInterval the least time between the end of one request and the start of the next
 * @param api             the connection options
 */
public record SinkOptions(PageRequest request, int batchSize, boolean gzip, Duration requestInterval, ApiConnection api) {

    /**
     * @param  forwardedQuery           endpoint query parameters the component does not know: sent to the API
     * @throws IllegalArgumentException naming the bad option
     */
    public static SinkOptions of(AdfRestConfiguration config, Map<String, Object> forwardedQuery) {
        String method = method(config);
        checkOwnOptions(config);
        ApiConnection api = ApiConnection.of(config, forwardedQuery);
        Matcher variable = UrlTemplates.VARIABLE.matcher(api.url());
        if (variable.find()) {
            throw new IllegalArgumentException("The sink's URL " + api.masking().url(api.url()) + " holds the"
                                               + " placeholder " + variable.group() + ", which only a source's RANGE"
                                               + " pagination rule fills; give the URL in full (toD can fill it from"
                                               + " a header per exchange)");
        }
        Duration interval = Durations.parseNonNegative("requestInterval",
                config.requestIntervalOr(AdfRestConfiguration.SINK_REQUEST_INTERVAL));
        return new SinkOptions(new PageRequest(method, api.url(), api.headers(), null), config.getWriteBatchSize(),
                "gzip".equalsIgnoreCase(config.getHttpCompressionType().trim()), interval, api);
    }

    /**
     * Checks the sink's own options, which have a meaning whatever the endpoint turns out to be (a consumer or a
     * producer is not known when it is created).
     *
     * @throws IllegalArgumentException naming the bad option
     */
    public static void checkOwnOptions(AdfRestConfiguration config) {
        if (config.getWriteBatchSize() < 1) {
            throw new IllegalArgumentException("Option 'writeBatchSize' must be 1 or more, but is "
                                               + config.getWriteBatchSize());
        }
        String compression = config.getHttpCompressionType();
        if (compression == null || !compression.trim().equalsIgnoreCase("none")
                                   && !compression.trim().equalsIgnoreCase("gzip")) {
            throw new IllegalArgumentException("Option 'httpCompressionType' must be none or gzip, but is '"
                                               + compression + "'");
        }
    }

    /**
     * Whether the endpoint can only write: its requestMethod is one only the sink sends (PUT, PATCH).
     */
    public static boolean writesOnly(AdfRestConfiguration config) {
        String method = config.getRequestMethod() == null ? "" : config.getRequestMethod().trim().toUpperCase(Locale.ROOT);
        return method.equals("PUT") || method.equals("PATCH");
    }

    /** The method batches are sent with: POST when requestMethod is not set. */
    private static String method(AdfRestConfiguration config) {
        if (config.getRequestMethod() == null) {
            return AdfRestConfiguration.SINK_METHOD;
        }
        String method = config.getRequestMethod().trim().toUpperCase(Locale.ROOT);
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            throw new IllegalArgumentException("Option 'requestMethod' must be POST, PUT or PATCH for writing (the"
                                               + " producer, operation=write: ADF's RestSink), but is '"
                                               + config.getRequestMethod() + "'"
                                               + (method.equals("GET") ? "; to read with a producer, set operation=read"
                                                       : ""));
        }
        return method;
    }
}
