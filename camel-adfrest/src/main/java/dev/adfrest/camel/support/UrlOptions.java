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
        return uri;
    }
}
