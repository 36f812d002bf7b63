package dev.adfrest.camel.http;

import java.io.IOException;

/** A next link or redirect leads where requests may not go (see {@link HostPolicy}); never retried. */
public class DisallowedTargetException extends IOException {

    public DisallowedTargetException(String message) {
        super(message);
    }
}
