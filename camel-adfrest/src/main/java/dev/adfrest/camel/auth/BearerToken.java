package dev.adfrest.camel.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * An access token and when to replace it.
 *
 * @param value     the token, sent as {@code Authorization: Bearer <value>}; never logged
 * @param expiresAt when the issuer says it expires, or null if it did not say
 * @param refreshAt when to fetch the next one, or null to keep it until the API rejects it
 */
record BearerToken(String value, Instant expiresAt, Instant refreshAt) {

    /**
     * A token is replaced this long before it expires, as azure-identity and MSAL do for every Azure token: room for
     * clock skew and slow requests. One rule for all types; a token that lives no longer than this is fetched for
     * each request.
     */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    /**
     * @param obtainedAt when the token was received
     * @param expiresAt  its expiry, or null if unknown
     * @param refreshHint the issuer's advice to refresh earlier (MSAL's refresh_on for long-lived tokens), or null;
     *                    ignored unless it lies between obtainedAt and the computed refresh time
     */
    static BearerToken of(String value, Instant obtainedAt, Instant expiresAt, Instant refreshHint) {
        if (expiresAt == null) {
            return new BearerToken(value, null, null);
        }
        Instant refreshAt = expiresAt.minus(REFRESH_MARGIN);
        if (refreshHint != null && refreshHint.isAfter(obtainedAt) && refreshHint.isBefore(refreshAt)) {
            refreshAt = refreshHint;
        }
        return new BearerToken(value, expiresAt, refreshAt);
    }

    /** Whether the token is still good to use without fetching another. */
    boolean freshAt(Instant now) {
        return refreshAt == null || now.isBefore(refreshAt);
    }

    /** Whether the token has not expired yet (it may be due for refresh). */
    boolean validAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "BearerToken[expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
    }
}
