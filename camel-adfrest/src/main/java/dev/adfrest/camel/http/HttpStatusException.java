package dev.adfrest.camel.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The API answered with a status of 400 or more (or a redirect to a request that is not redirected: a write). Carries what a retry decision and an error report need; its own
 * message holds the status only, never the URL or body (they may hold secrets until masked by whoever reports it).
 */
public class HttpStatusException extends IOException {

    /** How much of an error response's body is read: the rest is never downloaded. */
    public static final int EXCERPT_BYTES = 1024;

    private final int status;
    private final transient Map<String, List<String>> headers;
    private final String excerpt;

    /**
     * @param headers the response headers in arrival order, names as sent
     * @param excerpt at most the first {@link #EXCERPT_BYTES} of the body, as UTF-8 text, not masked
     */
    public HttpStatusException(int status, Map<String, List<String>> headers, String excerpt) {
        super("HTTP " + status);
        this.status = status;
        this.headers = headers == null ? Map.of() : headers;
        this.excerpt = excerpt == null ? "" : excerpt;
    }

    public int status() {
        return status;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public String excerpt() {
        return excerpt;
    }
}
