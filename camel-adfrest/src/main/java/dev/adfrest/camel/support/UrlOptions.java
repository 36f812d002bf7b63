package dev.adfrest.camel.support;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks of options that hold a URL: a bad one is refused at startup, naming the option and showing the URL masked.
 */
public final class UrlOptions {

    private UrlOptions() {
    }

    /**
     * Checks that a URL (placeholders allowed) is an absolute http or https URL with a host.
     *
     * @throws IllegalArgumentException naming the option
     */
    public static URI checkHttpUrl(String option, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Option '" + option + "' is required: the REST service's http(s) URL");
        }
        String probe = UrlTemplates.VARIABLE.matcher(url.trim()).replaceAll("0");
        URI uri;
        try {
            uri = new URI(probe);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Option '" + option + "' is not a valid URL: " + Masking.maskUrl(url)
                                               + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("Option '" + option + "' must be an http or https URL, but is: "
                                               + Masking.maskUrl(url));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("Option '" + option + "' has no host: " + Masking.maskUrl(url));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Option '" + option + "' carries credentials in the URL (user info, "
                                               + Masking.maskUrl(url) + "): a URL is shown in logs, headers and"
                                               + " messages, and user info is sent nowhere by adfrest. "
                                               + ("baseUrl".equals(option) || "relativeUrl".equals(option)
                                                       ? "Set authenticationType=Basic with userName and password"
                                                         + " instead"
                                                       : "Remove it from the URL"));
        }
        return uri;
    }

    /**
     * Checks a URL that a secret is sent to (a token endpoint): https, or plain http only on this machine's loopback
     * (a sidecar, a test), or on the hosts {@code alsoPlain} allows.
     *
     * @throws IllegalArgumentException naming the option
     */
    public static URI checkSecretUrl(String option, String url, java.util.function.Predicate<String> alsoPlain) {
        URI uri = checkHttpUrl(option, url);
        if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost()) && !alsoPlain.test(uri.getHost())) {
            throw new IllegalArgumentException("Option '" + option + "' must be an https URL: credentials and tokens go"
                                               + " to it, and plain http is allowed only on loopback (localhost,"
                                               + " 127.0.0.1, [::1]), but is: " + Masking.maskUrl(url));
        }
        return uri;
    }

    /** Whether a URL's host is this machine's loopback, by name or address (no DNS look-up). */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127(\\.\\d{1,3}){3}")
               || h.equals("[::1]") || h.equals("::1") || h.equals("[0:0:0:0:0:0:0:1]");
    }
}
