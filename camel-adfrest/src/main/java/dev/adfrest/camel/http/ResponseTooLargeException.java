package dev.adfrest.camel.http;

import java.io.IOException;

/** A response body is larger than maxResponseSize, or its headers are over the limit; it is not read further. */
public class ResponseTooLargeException extends IOException {

    public ResponseTooLargeException(String message) {
        super(message);
    }

    public ResponseTooLargeException(long size, long limit) {
        super("the response body is larger than maxResponseSize (" + limit + " bytes; read or announced: " + size + ")");
    }
}
