package dev.adfrest.camel.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.http.HostPolicy;
import dev.adfrest.camel.http.RetryPolicy;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.PaginationSettings;
import dev.adfrest.camel.pagination.Partition;
import dev.adfrest.camel.support.Durations;
import dev.adfrest.camel.support.Masking;
import dev.adfrest.camel.support.SecretNames;
import dev.adfrest.camel.support.UrlTemplates;

/**
 * An endpoint's options, checked once and turned into what a copy run needs: the first request, the compiled rules,
 * the durations and the masking of its secrets. Every bad option fails here, naming the option.
 *
 * @param template        the first request before RANGE values are filled in (no credentials)
 * @param rules           the compiled pagination rules
 * @param settings        how the rules are applied
 * @param requestInterval the wait before each next-page request
 * @param parallelRequests the most requests in flight at once when the rules know them in advance
 * @param responseTimeout ADF's httpRequestTimeout
 * @param readTimeout     the longest silence while reading a body
 * @param callTimeout     the longest one request may take, body included; zero for no limit
 * @param retry           when and how failed requests are sent again
 * @param hosts           where requests may go
 * @param origin          the base URL's origin, the only one credentials go to by default
 * @param masking         scrubs this endpoint's secret values from any text
 * @param watermark       the incremental-copy options; null without watermarkPath
 */
public record SourceOptions(
        PageRequest template,
        PaginationRules rules,
        PaginationSettings settings,
        Duration requestInterval,
        int parallelRequests,
        Duration responseTimeout,
        Duration readTimeout,
        Duration callTimeout,
        RetryPolicy retry,
        HostPolicy hosts,
        URI origin,
        Masking masking,
        WatermarkOptions watermark) {

    /**
     * The most requests a run keeps in flight: each holds a connection, a thread and, once answered, a page in memory
     * until its turn; more than a few dozen at once is more than most APIs tolerate from one client.
     */
    public static final int MAX_PARALLEL_REQUESTS = 32;

    /**
     * @param  forwardedQuery           endpoint query parameters the component does not know: sent to the API
     * @throws IllegalArgumentException naming the bad option
     */
    public static SourceOptions of(AdfRestConfiguration config, Map<String, Object> forwardedQuery) {
        String method = config.method();
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("Option 'requestMethod' must be GET or POST for reading (the consumer,"
                                               + " operation=read), but is '" + config.getRequestMethod() + "'"
                                               + (method.equals("PUT") || method.equals("PATCH")
                                                       ? "; PUT and PATCH are for writing (the producer, operation=write)"
                                                       : ""));
        }
        ApiConnection api = ApiConnection.of(config, forwardedQuery);
        Duration interval = Durations.parseNonNegative("requestInterval",
                config.requestIntervalOr(AdfRestConfiguration.SOURCE_REQUEST_INTERVAL));
        int parallel = config.getParallelRequests();
        if (parallel < 1 || parallel > MAX_PARALLEL_REQUESTS) {
            throw new IllegalArgumentException("Option 'parallelRequests' must be between 1 and " + MAX_PARALLEL_REQUESTS
                                               + ", but is " + parallel);
        }
        if (config.getSpoolThreshold() < 0) {
            throw new IllegalArgumentException("Option 'spoolThreshold' must not be negative, but is "
                                               + config.getSpoolThreshold());
        }
        PageRequest template = new PageRequest(method, api.url(), api.headers(), config.getRequestBody());

        PaginationRules rules = PaginationRules.parse(config.getPaginationRules());
        WatermarkOptions watermark = WatermarkOptions.of(config, template, rules,
                whereVariables(WatermarkOptions.PLACEHOLDER, config, forwardedQuery));
        try {
            // a RANGE {var} must appear in the request, every {var} of the URL be filled ({watermark} is not theirs)
            rules.checkTemplate(WatermarkOptions.withoutPlaceholder(watermark, template));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + whereVariables(e.getMessage(), config, forwardedQuery), e);
        }
        if (config.isAllowRepeatedRequests()) {
            if (config.isFailOnRepeatedRequest()) {
                throw new IllegalArgumentException("Options 'allowRepeatedRequests' and 'failOnRepeatedRequest' contradict"
                                                   + " each other; set only one");
            }
            if (rules.endConditions().isEmpty() && rules.maxRequestNumber().isEmpty()) {
                throw new IllegalArgumentException("Option 'allowRepeatedRequests' needs an EndCondition or"
                                                   + " MaxRequestNumber pagination rule: nothing else would end a run"
                                                   + " whose requests repeat");
            }
        }
        Partition partition = new Partition(config.getPartition(), config.getPartitions()); // names a bad option
        partition.check(rules);
        PaginationSettings settings = new PaginationSettings(config.isKeepQueryParameters(),
                config.isFailOnRepeatedRequest(), config.isAllowRepeatedRequests(), partition,
                config.isFailOnStaleResume());
        return new SourceOptions(template, rules, settings, interval, parallel, api.responseTimeout(), api.readTimeout(),
                api.callTimeout(), api.retry(), api.hosts(), api.origin(), api.masking(), watermark);
    }

    /** The names of additionalHeaders entries that look like credentials: they go only to the base URL's origin. */
    public List<String> credentialHeaders() {
        return template.headers().keySet().stream().filter(SecretNames::looksSecret).toList();
    }

    /**
     * What identifies this copy for a saved position: the first request and the rules, without credentials (a rotated
     * token in a header or an API key in the query keeps the position), nor scheduling options; the request as
     * written, {@code {watermark}} unfilled: a run resumes whatever its watermark. A SHA-256 in hex.
     */
    public String fingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            StringBuilder headers = new StringBuilder();
            template.headers().forEach((name, value) -> headers.append(name).append(": ")
                    .append(SecretNames.looksSecret(name) ? "" : value).append('\n'));
            String text = template.method() + "\n" + Masking.maskUrl(template.url()) + "\n" + headers + "\n"
                          + template.body() + "\n" + rules.source();
            return java.util.HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Requests a run keeps in flight: {@link #parallelRequests()} when the rules know the requests in advance, else 1.
     */
    public int fetchAhead() {
        return rules.requestsKnownInAdvance() ? parallelRequests : 1;
    }

    /** Why {@link #fetchAhead()} is 1 although parallelRequests is more; null when it is not. */
    public String oneAtATimeBecause() {
        return parallelRequests > 1 ? FetchWindow.sequentialBecause(rules) : null;
    }

    /** Which options hold the {var} placeholders a message names: " ({startAt} is in option 'relativeUrl')". */
    private static String whereVariables(String message, AdfRestConfiguration config, Map<String, Object> forwardedQuery) {
        Map<String, String> places = new LinkedHashMap<>();
        places.put("option 'baseUrl'", config.getBaseUrl());
        places.put("option 'relativeUrl'", config.getRelativeUrl());
        if (forwardedQuery != null) {
            forwardedQuery.forEach((name, value) -> places.put("query parameter '" + name + "'", name + "=" + value));
        }
        config.getAdditionalHeaders().forEach((name, value) -> places.put("option 'additionalHeaders." + name + "'", value));
        places.put("option 'requestBody'", config.getRequestBody());
        StringBuilder where = new StringBuilder();
        java.util.regex.Matcher m = UrlTemplates.VARIABLE.matcher(message);
        while (m.find()) {
            for (Map.Entry<String, String> place : places.entrySet()) {
                if (place.getValue() != null && place.getValue().contains(m.group())
                    && where.indexOf(m.group() + " ") < 0) {
                    where.append(where.isEmpty() ? " (" : "; ").append(m.group()).append(" is in ").append(place.getKey());
                }
            }
        }
        return where.isEmpty() ? "" : where.append(")").toString();
    }
}
