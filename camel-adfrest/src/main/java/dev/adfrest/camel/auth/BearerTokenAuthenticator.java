package dev.adfrest.camel.auth;

import java.time.Clock;
import java.time.Instant;

import dev.adfrest.camel.AdfRestAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common part of the token types: fetches a token before the first request, keeps it while it is fresh, fetches
 * the next one before it expires, and forgets it when the API answers 401. Subclasses only fetch tokens.
 */
abstract class BearerTokenAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokenAuthenticator.class);

    private final Clock clock;
    private BearerToken token;

    protected BearerTokenAuthenticator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Fetches a new token from the issuer.
     *
     * @throws AdfRestAuthenticationException when signing in fails
     */
    protected abstract BearerToken fetchToken(Instant now);

    /** Drops whatever the sign-in library caches, so that the next {@link #fetchToken} asks the issuer again. */
    protected void forgetCachedTokens() {
    }

    @Override
    public final synchronized String authorization() {
        Instant now = clock.instant();
        if (token == null || !token.freshAt(now)) {
            token = next(now);
        }
        return "Bearer " + token.value();
    }

    private BearerToken next(Instant now) {
        try {
            BearerToken fetched = fetchToken(now);
            LOG.debug("{} signed in: token valid until {}, refreshed from {}", this,
                    fetched.expiresAt() == null ? "the API rejects it" : fetched.expiresAt(),
                    fetched.refreshAt() == null ? "a 401" : fetched.refreshAt());
            return fetched;
        } catch (AdfRestAuthenticationException e) {
            if (token != null && token.validAt(now)) {
                // the current token has not expired yet: a sign-in host hiccup need not fail the run
                LOG.warn("{} could not refresh its token; using the current one until {}: {}", this, token.expiresAt(),
                        e.getMessage());
                return token;
            }
            throw e;
        }
    }

    /** An exception and, if it wraps one, its root cause: what a user needs to tell a TLS from a network fault. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = e.getClass().getName() + ": " + e.getMessage();
        return root == e ? outer : outer + " (" + root.getClass().getName() + ": " + root.getMessage() + ")";
    }

    /**
     * Forgets the token the API rejected. Requests in flight together (parallelRequests) all carry the same token and
     * may all be answered 401: only the first makes the authenticator sign in again; the others find the token
     * already replaced and retry with the new one.
     */
    @Override
    public final synchronized boolean invalidate(String rejected) {
        if (rejected != null && (token == null || !rejected.equals("Bearer " + token.value()))) {
            LOG.debug("{}: the API rejected a token that was already replaced; retrying with the current one", this);
            return true;
        }
        LOG.debug("{}: the API rejected the token; signing in again", this);
        token = null;
        forgetCachedTokens();
        return true;
    }
}
