package dev.adfrest.camel.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where requests may go: http or https only, and, when allowedHosts is set, only to the base URL's host and the
 * listed ones ({@code api.example.com}, {@code *.example.com}). Guards against next links and redirects that lead
 * elsewhere (SSRF).
 *
 * @param baseHost the base URL's host, always allowed
 * @param allowed  host patterns; empty allows any host
 */
public record HostPolicy(String baseHost, List<String> allowed) {

    public HostPolicy {
        baseHost = baseHost == null ? "" : baseHost.toLowerCase(Locale.ROOT);
        allowed = allowed == null ? List.of() : allowed.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
    }

    /** Parses the allowedHosts option (comma-separated). */
    public static HostPolicy of(String baseHost, String allowedHosts) {
        List<String> patterns = allowedHosts == null ? List.of() : List.of(allowedHosts.split(","));
        for (String p : patterns) {
            String t = p.trim();
            if (!t.isEmpty() && !t.matches("(\\*\\.)?[A-Za-z0-9.:\\[\\]_-]+")) {
                throw new IllegalArgumentException("Option 'allowedHosts' has an invalid host pattern '" + t + "'");
            }
        }
        return new HostPolicy(baseHost, patterns);
    }

    /**
     * @throws RefusedRequestException when the request may not go there
     */
    public void check(URI target) throws RefusedRequestException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedRequestException("refusing a request with scheme '" + scheme + "': only http and https");
        }
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        if (allowed.isEmpty() || host.equals(baseHost)) {
            return;
        }
        for (String pattern : allowed) {
            if (pattern.equals(host) || pattern.startsWith("*.") && host.endsWith(pattern.substring(1))) {
                return;
            }
        }
        throw new RefusedRequestException("refusing to follow a link to host '" + host
                                            + "': it is not the base URL's host and not in allowedHosts");
    }
}
