package dev.adfrest.camel.auth;

import java.io.IOException;

/**
 * One ADF authentication type: supplies the {@code Authorization} header of requests to the API's own origin.
 * Implementations are thread-safe; token-based ones cache and refresh their token.
 */
public interface Authenticator extends AutoCloseable {

    /** The {@code Authorization} header value for the next request, or null to send none. */
    String authorization() throws IOException;

    /**
     * The API answered 401 to a request that carried {@code rejected} (the Authorization value, or null). Drop cached
     * credentials (unless they were already replaced since) and say whether fresh ones could help: the request is
     * then retried once.
     */
    default boolean invalidate(String rejected) {
        return false;
    }

    @Override
    default void close() {
    }
}
