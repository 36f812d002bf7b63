package dev.adfrest.camel.http;

import java.io.IOException;

/**
 * A request the component refuses to send: to a host allowedHosts excludes, with a scheme other than http(s), or
 * with a header value holding a line break. Never retried.
 */
public class RefusedRequestException extends IOException {

    public RefusedRequestException(String message) {
        super(message);
    }
}
