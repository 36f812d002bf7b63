package dev.adfrest.camel.pagination;

/**
 * A pagination rule could not be applied to a response (e.g. a JSONPath yielding several values), or
 * {@code failOnRepeatedRequest} caught a repeated request. The message names the rule; it never contains credentials.
 */
public class PaginationException extends RuntimeException {

    public PaginationException(String message) {
        super(message);
    }
}
