package dev.adfrest.camel;

import org.apache.camel.RuntimeCamelException;

/**
 * Base of the exceptions a copy run raises. Messages never contain credentials.
 */
public class AdfRestException extends RuntimeCamelException {

    public AdfRestException(String message) {
        super(message);
    }

    public AdfRestException(String message, Throwable cause) {
        super(message, cause);
    }
}
