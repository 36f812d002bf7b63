package dev.adfrest.camel.source;

import java.util.Locale;

/**
 * Why requests were retried, in a few kinds that fit a metric tag and a console line: the retry policy words each
 * fault ("HTTP 503 (Retry-After)", "connection closed or reset", ...); here those words are filed.
 */
public enum RetryCause {
    HTTP_408("http-408"),
    HTTP_429("http-429"),
    HTTP_5XX("http-5xx"),
    TIMEOUT("timeout"),
    CONNECTION("connection"),
    INCOMPLETE_RESPONSE("incomplete-response"),
    OTHER("other");

    private final String tag;

    RetryCause(String tag) {
        this.tag = tag;
    }

    /** The cause as metrics and the console name it: http-429, http-5xx, timeout, ... */
    public String tag() {
        return tag;
    }

    /** Files a retry reason of {@link dev.adfrest.camel.http.RetryPolicy} or of the run's own page checks. */
    public static RetryCause of(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.startsWith("http ")) {
            // a rate-limited 403 (GitHub's) counts as a 429
            return r.startsWith("http 408") ? HTTP_408
                    : r.startsWith("http 429") || r.contains("(rate limit)") ? HTTP_429 : HTTP_5XX;
        }
        if (r.startsWith("timeout")) {
            return TIMEOUT;
        }
        if (r.startsWith("connection")) {
            return CONNECTION;
        }
        if (r.startsWith("incomplete")) {
            return INCOMPLETE_RESPONSE;
        }
        return OTHER;
    }
}
