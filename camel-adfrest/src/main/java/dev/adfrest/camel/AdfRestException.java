package dev.adfrest.camel;

import org.apache.camel.RuntimeCamelException;

/**
 * Base of every failure a route sees from {@code adfrest:}: a copy run's failures reach the route (or the consumer's
 * exception handler) as this or one of its subtypes, translated in one place (the source package's
 * {@code Failures}). Messages name what went wrong and where, and never contain credentials.
 */
public class AdfRestException extends RuntimeCamelException {

    public AdfRestException(String message) {
        super(message);
    }

    public AdfRestException(String message, Throwable cause) {
        super(message, cause);
    }
}
