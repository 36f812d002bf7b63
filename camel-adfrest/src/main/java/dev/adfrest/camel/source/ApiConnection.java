package dev.adfrest.camel.source;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.auth.Authenticators;
import dev.adfrest.camel.http.HostPolicy;
import dev.adfrest.camel.http.RefusedRequestException;
import dev.adfrest.camel.http.RetryPolicy;
import dev.adfrest.camel.support.Durations;
import dev.adfrest.camel.support.Headers;
import dev.adfrest.camel.support.Masking;
import dev.adfrest.camel.support.SecretNames;
import dev.adfrest.camel.support.UrlOptions;
import dev.adfrest.camel.support.UrlTemplates;

/**
 * What every request of an endpoint shares, whether it reads pages (the source) or writes records (the sink): the
 * URL, the additional headers, the timeouts, the retry policy, where requests may go, the origin credentials go to,
 * and the masking of the endpoint's secrets. Every bad option among them fails here, naming the option.
 *
 * @param url             the base URL joined with relativeUrl, the forwarded query appended
 * @param headers         additionalHeaders in order, without Accept (every request accepts application/json)
 * @param responseTimeout ADF's httpRequestTimeout
 * @param readTimeout     the longest silence while reading a body
 * @param callTimeout     the longest one request may take, body included; zero for no limit
 * @param retry           when and how failed requests are sent again
 * @param hosts           where requests may go
 * @param origin          the base URL's origin, the only one credentials go to by default
 * @param masking         scrubs this endpoint's secret values from any text
 */
public record ApiConnection(
        String url,
        Map<String, String> headers,
        Duration responseTimeout,
        Duration readTimeout,
        Duration callTimeout,
        RetryPolicy retry,
        HostPolicy hosts,
        URI origin,
        Masking masking) {

    /**
     * Values of credential-like headers and query parameters shorter than this are not scrubbed from text (their names
     * still mask them in URLs): scrubbing "1" would mangle every message.
     */
    private static final int MIN_SECRET = 4;

    /**
     * @param  forwardedQuery           endpoint query parameters the component does not know: sent to the API
     * @throws IllegalArgumentException naming the bad option
     */
    public static ApiConnection of(AdfRestConfiguration config, Map<String, Object> forwardedQuery) {
        URI origin = UrlOptions.checkHttpUrl("baseUrl", config.getBaseUrl());
        String url = UrlTemplates.join(config.getBaseUrl().trim(), config.getRelativeUrl());
        URI first = UrlOptions.checkHttpUrl("relativeUrl", url);
        if (forwardedQuery != null && !forwardedQuery.isEmpty()) {
            url = UrlTemplates.appendQuery(url, UrlTemplates.queryOf(forwardedQuery));
        }
        HostPolicy hosts = HostPolicy.of(config.getBaseUrl(), config.getAllowedHosts());
        try {
            hosts.check(first); // an absolute relativeUrl (perhaps from an imported dataset) must stay within
        } catch (RefusedRequestException e) {
            throw new IllegalArgumentException("Option 'relativeUrl' leads elsewhere than allowedHosts allows: "
                                               + e.getMessage());
        }
        Masking masking = Masking.of(secretValues(config, url));
        Duration timeout = positive("httpRequestTimeout", config.getHttpRequestTimeout());
        Duration readTimeout = positive("readTimeout", config.getReadTimeout());
        Duration callTimeout = Durations.parseNonNegative("callTimeout", config.getCallTimeout());
        if (config.getMaxRetries() < 0) {
            throw new IllegalArgumentException("Option 'maxRetries' must not be negative, but is " + config.getMaxRetries());
        }
        RetryPolicy retry = new RetryPolicy(config.getMaxRetries(),
                Durations.parseNonNegative("retryDelay", config.getRetryDelay()),
                Durations.parseNonNegative("maxRetryWait", config.getMaxRetryWait()), config.isRetryPost());
        if (config.getMaxResponseSize() <= 0) {
            throw new IllegalArgumentException("Option 'maxResponseSize' must be positive, but is "
                                               + config.getMaxResponseSize());
        }
        config.proxySettings(); // checks the proxy options
        Authenticators.create(config).close(); // checks the authentication options; signs in later
        checkHeaders("authHeaders", config.getAuthHeaders(), true);

        Map<String, String> headers = new LinkedHashMap<>();
        checkHeaders("additionalHeaders", config.getAdditionalHeaders(), false);
        config.getAdditionalHeaders().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Accept")) { // ADF ignores it: every request accepts application/json
                headers.put(name, value == null ? "" : value);
            }
        });
        return new ApiConnection(url, headers, timeout, readTimeout, callTimeout, retry, hosts, origin, masking);
    }

    /** The names of additionalHeaders entries that look like credentials: they go only to the base URL's origin. */
    public List<String> credentialHeaders() {
        return headers.keySet().stream().filter(SecretNames::looksSecret).toList();
    }

    /**
     * The values to scrub from anything shown: the secret options', and those of additionalHeaders entries and query
     * parameters whose names look like credentials.
     */
    private static List<String> secretValues(AdfRestConfiguration config, String url) {
        List<String> values = new ArrayList<>(AdfRestConfiguration.SECRETS.values(config));
        config.getAdditionalHeaders().forEach((name, value) -> {
            if (SecretNames.looksSecret(name) && value != null && value.length() >= MIN_SECRET) {
                values.add(value);
                if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    values.add(value.substring(7).trim());
                }
            }
        });
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.length() - eq > MIN_SECRET && SecretNames.looksSecret(decode(pair.substring(0, eq)))) {
                    values.add(decode(pair.substring(eq + 1)));
                    values.add(pair.substring(eq + 1));
                }
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Duration positive(String option, String value) {
        Duration d = Durations.parse(option, value);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("Option '" + option + "' must be positive, but is '" + value + "'");
        }
        return d;
    }

    private static void checkHeaders(String option, Map<String, String> headers, boolean secret) {
        headers.forEach((name, value) -> {
            if (name == null || name.isBlank() || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("Option '" + option + "' has an invalid header name '" + name + "'");
            }
            if (!Headers.isSafeValue(value)) {
                throw new IllegalArgumentException("Option '" + option + "' header '" + name
                                                   + "' has a line break in its value" + (secret ? "" : ": " + value));
            }
        });
    }
}
