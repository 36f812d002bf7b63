package dev.adfrest.camel.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs that may still hold ADF {@code {var}} placeholders: joining and query building.
 */
public final class UrlTemplates {

    /** A RANGE variable placeholder, e.g. {offset}. */
    public static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    private UrlTemplates() {
    }

    /**
     * Joins ADF's linked-service url and dataset relativeUrl as {@code [url]/[relativeUrl]}: one slash between the
     * paths, the base URL's query first, then the relative URL's. An absolute relativeUrl replaces the base.
     */
    public static String join(String baseUrl, String relativeUrl) {
        if (relativeUrl == null || relativeUrl.isBlank()) {
            return baseUrl;
        }
        String rel = relativeUrl.trim();
        if (rel.matches("(?i)^https?://.*")) {
            return rel;
        }
        String basePath = baseUrl;
        String baseQuery = null;
        int q = baseUrl.indexOf('?');
        if (q >= 0) {
            basePath = baseUrl.substring(0, q);
            baseQuery = baseUrl.substring(q + 1);
        }
        String relPath = rel;
        String relQuery = null;
        int rq = rel.indexOf('?');
        if (rq >= 0) {
            relPath = rel.substring(0, rq);
            relQuery = rel.substring(rq + 1);
        }
        String path = basePath;
        if (!relPath.isEmpty()) {
            path = stripTrailingSlash(basePath) + "/" + stripLeadingSlash(relPath);
        }
        return appendQuery(appendQuery(path, baseQuery), relQuery);
    }

    /** Appends raw query text ({@code a=1&b=2}) to a URL. */
    public static String appendQuery(String url, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return url;
        }
        return url + (url.indexOf('?') >= 0 ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?") + rawQuery;
    }

    /** Builds query text from parameters, percent-encoding names and values but keeping {var} placeholders. */
    public static String queryOf(Map<String, ?> parameters) {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((name, value) -> {
            Iterable<?> values = value instanceof Iterable<?> it ? it : java.util.List.of(value == null ? "" : value);
            for (Object v : values) {
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(encode(name)).append('=').append(encode(String.valueOf(v)));
            }
        });
        return sb.toString();
    }

    /** Percent-encodes a query component (space as %20), leaving {var} placeholders as they are. */
    public static String encode(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(encodePart(text.substring(last, m.start()))).append(m.group());
            last = m.end();
        }
        return sb.append(encodePart(text.substring(last))).toString();
    }

    private static String encodePart(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String stripLeadingSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
