package dev.adfrest.camel;

import java.util.List;
import java.util.Map;

import dev.adfrest.camel.http.HttpStatusException;
import dev.adfrest.camel.support.Headers;

/**
 * The REST API answered with a status of 400 or more (after any retries).
 */
public class AdfRestHttpException extends AdfRestException {

    /** How much of the response body the exception keeps (the rest is never read). */
    public static final int BODY_EXCERPT_BYTES = HttpStatusException.EXCERPT_BYTES;

    private final int statusCode;
    private final String method;
    private final String url;
    private final String responseBody;
    private final transient Map<String, List<String>> responseHeaders;

    /**
     * @param url          the request URL, already masked
     * @param responseBody at most the first {@link #BODY_EXCERPT_BYTES} of the body, already scrubbed of secrets
     */
    public AdfRestHttpException(int statusCode, String method, String url, String responseBody,
                                Map<String, List<String>> responseHeaders) {
        super("HTTP " + statusCode + " from " + method + " " + url
              + (responseBody == null || responseBody.isEmpty() ? "" : ": " + responseBody));
        this.statusCode = statusCode;
        this.method = method;
        this.url = url;
        this.responseBody = responseBody;
        this.responseHeaders = responseHeaders == null ? Map.of() : responseHeaders;
    }

    public int getStatusCode() {
        return statusCode;
    }

    public String getMethod() {
        return method;
    }

    /** The request URL, with credentials masked. */
    public String getUrl() {
        return url;
    }

    /** The first KiB of the response body. */
    public String getResponseBody() {
        return responseBody;
    }

    /** The response headers in arrival order, names as the server sent them (see {@link #getResponseHeader}). */
    public Map<String, List<String>> getResponseHeaders() {
        return responseHeaders;
    }

    /** The first value of a response header, its name matched without regard to case; null when absent. */
    public String getResponseHeader(String name) {
        return Headers.first(responseHeaders, name);
    }
}
