package dev.adfrest.camel.auth;

import java.time.Duration;

/**
 * How a token request that failed for a passing reason (a 5xx, 429 or 408, a timeout, a refused connection) is sent
 * again: within the endpoint's maxRetries, with its backoff, as page requests are. Sign-in hosts have bad minutes too,
 * and a run should not fail on the first one.
 *
 * @param maxRetries   retries after the first attempt
 * @param initialDelay the first backoff
 * @param maxWait      the longest single wait
 * @param decider      the endpoint's retry decision (the same as for pages)
 */
public record SignInRetry(int maxRetries, Duration initialDelay, Duration maxWait, Decider decider) {

    /** No retries: for checking options. */
    public static final SignInRetry NONE = new SignInRetry(0, Duration.ZERO, Duration.ZERO, (r, a, n) -> null);

    /** The retry decision. */
    @FunctionalInterface
    public interface Decider {
        /**
         * @param  reason     why the attempt failed (HTTP 503, timeout, ...)
         * @param  retryAfter the wait the server asked for, or null
         * @param  retries    retries already made
         * @return            the wait before the next attempt, or null to give up
         */
        Duration next(String reason, Duration retryAfter, int retries);
    }
}
