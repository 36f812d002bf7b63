package dev.adfrest.camel.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import javax.net.ssl.SSLException;

import dev.adfrest.camel.support.Headers;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ParseException;

/**
 * When a failed request is worth sending again, and after how long. Pure: no clock of its own (the caller passes
 * "now"), no sleeping, jitter from a supplied source. It judges what the transport reports (statuses and I/O faults);
 * a caller that finds other transient faults (a page's body cut short) passes its own reason to
 * {@link #decide(String, String, Duration, int, DoubleSupplier)}.
 * <p>
 * Retried: 408, 429, 5xx except 501/505 (429 and 503 honour Retry-After, in seconds or as an HTTP date), connection
 * resets and refusals, timeouts, a response that is not HTTP (garbage, then the connection closed); and a 403 that
 * says it is a rate limit, as GitHub's are (a Retry-After, or {@code X-RateLimit-Remaining: 0}), which counts as a
 * 429. A 429 or such 403 without Retry-After waits until its {@code X-RateLimit-Reset} or {@code RateLimit-Reset} when
 * it has one. A POST the API may have taken is retried only when the user says it is safe to repeat; one it certainly
 * did not take (429, 503, a refused connection) always.
 * Backoff is exponential from {@code initialDelay}, with ±50 % jitter, each wait at most {@code maxWait}; a
 * Retry-After longer than {@code maxWait} gives up at once rather than block the route.
 *
 * @param maxRetries   retries after the first attempt
 * @param initialDelay the first backoff
 * @param maxWait      the longest single wait
 * @param retryPost    whether POST requests may be repeated
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxWait, boolean retryPost) {

    /** Where APIs say when a rate limit resets: GitHub's and most, X's, the IETF draft's. */
    private static final String[] RATE_LIMIT_RESETS = {"X-RateLimit-Reset", "X-Rate-Limit-Reset", "RateLimit-Reset"};

    /** The verdict on one failure. */
    public sealed interface Decision permits Retry, GiveUp {
    }

    /** Send again after {@code delay}. */
    public record Retry(Duration delay, String reason) implements Decision {
    }

    /** Do not retry; {@code reason} says why when it is not simply a permanent fault. */
    public record GiveUp(String reason) implements Decision {
    }

    /**
     * @param method  the request's method
     * @param failure what went wrong
     * @param retries retries already made for this request
     * @param now     the current time (for Retry-After dates)
     * @param jitter  a source of numbers in [0, 1)
     */
    public Decision decide(String method, Exception failure, int retries, Instant now, DoubleSupplier jitter) {
        if (notTaken(failure)) {
            return repeat(transientReason(failure), retryAfter(failure, now), retries, jitter);
        }
        return decide(method, transientReason(failure), retryAfter(failure, now), retries, jitter);
    }

    /**
     * @param reason     why the failure is transient, or null when it is not worth another try
     * @param retryAfter the wait the server asked for, or null
     */
    public Decision decide(String method, String reason, Duration retryAfter, int retries, DoubleSupplier jitter) {
        if (reason != null && "POST".equals(method) && !retryPost) {
            return new GiveUp(reason + "; a POST the API may have taken is not retried unless retryPost=true");
        }
        return repeat(reason, retryAfter, retries, jitter);
    }

    /**
     * The verdict on a failed write (a batch of records). PUT is idempotent and retried as GET is. POST and PATCH are
     * not: they are retried when the API says it did not take the request (429, 503) or it never reached the API (the
     * connection was refused), and after other transient faults (a reset, a timeout, another 5xx: the API may have
     * taken it) only with {@code retryPost}.
     */
    public Decision decideWrite(String method, Exception failure, int retries, Instant now, DoubleSupplier jitter) {
        String reason = transientReason(failure);
        if (reason != null && !"PUT".equals(method) && !retryPost && !notTaken(failure)) {
            return new GiveUp(reason + "; a " + method + " the API may have taken is not sent again unless"
                              + " retryPost=true");
        }
        return repeat(reason, retryAfter(failure, now), retries, jitter);
    }

    /** Whether the request certainly did not change anything: the API refused it for now, or never got it. */
    private static boolean notTaken(Exception failure) {
        if (failure instanceof HttpStatusException http) {
            return http.status() == 429 || http.status() == 503 || rateLimited(http);
        }
        return failure instanceof ConnectException || failure instanceof NoRouteToHostException;
    }

    private Decision repeat(String reason, Duration retryAfter, int retries, DoubleSupplier jitter) {
        if (reason == null) {
            return new GiveUp(null);
        }
        if (retries >= maxRetries) {
            return new GiveUp(reason + "; no retries left (maxRetries=" + maxRetries + ")");
        }
        if (retryAfter != null) {
            if (retryAfter.compareTo(maxWait) > 0) {
                return new GiveUp(reason + " with Retry-After " + retryAfter.toSeconds() + " s, longer than maxRetryWait ("
                                  + maxWait.toSeconds() + " s)");
            }
            return new Retry(retryAfter, reason + " (Retry-After)");
        }
        return new Retry(backoff(retries, jitter), reason);
    }

    private Duration backoff(int retries, DoubleSupplier jitter) {
        long base = initialDelay.toMillis() << Math.min(retries, 20);
        long withJitter = (long) (base * (0.5 + jitter.getAsDouble()));
        return Duration.ofMillis(Math.max(0, Math.min(withJitter, maxWait.toMillis())));
    }

    /** Why a failure is transient, or null when it is not worth another try. */
    static String transientReason(Exception failure) {
        if (failure instanceof HttpStatusException http) {
            int s = http.status();
            if (rateLimited(http)) {
                return "HTTP 403 (rate limit)";
            }
            boolean transientStatus = s == 408 || s == 429 || s >= 500 && s != 501 && s != 505;
            return transientStatus ? "HTTP " + s : null;
        }
        if (failure instanceof ClientProtocolException && failure.getCause() instanceof ParseException) {
            return "malformed response"; // garbage instead of a status line or headers: a proxy's or server's hiccup
        }
        if (failure instanceof SSLException || failure instanceof UnknownHostException
            || failure instanceof ResponseTooLargeException || failure instanceof RefusedRequestException
            || failure instanceof ClientProtocolException) {
            return null;
        }
        if (failure instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return "connection refused";
        }
        if (failure instanceof NoHttpResponseException || failure instanceof ConnectionClosedException
            || failure instanceof SocketException) {
            return "connection closed or reset";
        }
        if (failure instanceof InterruptedIOException) {
            return null; // the consumer is stopping
        }
        if (failure instanceof IOException) {
            return "I/O error";
        }
        return null;
    }

    /**
     * A 403 that is a rate limit, not a refusal: GitHub answers its limits so, with a Retry-After (secondary limits)
     * or {@code X-RateLimit-Remaining: 0} (the primary one).
     */
    private static boolean rateLimited(HttpStatusException http) {
        if (http.status() != 403) {
            return false;
        }
        String remaining = Headers.first(http.headers(), "X-RateLimit-Remaining");
        return Headers.first(http.headers(), "Retry-After") != null || remaining != null && remaining.trim().equals("0");
    }

    /**
     * Retry-After of a 429, 503 or rate-limited 403, as a wait; for a 429 or 403 without one, the wait until
     * {@code X-RateLimit-Reset} or {@code RateLimit-Reset} (epoch seconds, or seconds from now when small). Null when
     * absent or unreadable.
     */
    static Duration retryAfter(Exception failure, Instant now) {
        if (!(failure instanceof HttpStatusException http)
            || http.status() != 429 && http.status() != 503 && !rateLimited(http)) {
            return null;
        }
        String value = Headers.first(http.headers(), "Retry-After");
        if ((value == null || value.isBlank()) && http.status() != 503) {
            for (String reset : RATE_LIMIT_RESETS) {
                String at = Headers.first(http.headers(), reset);
                if (at != null) {
                    return rateLimitReset(at, now);
                }
            }
            return null;
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(value));
        }
        Instant at = DateUtils.parseStandardDate(value);
        if (at == null) {
            return null;
        }
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** An X-RateLimit-Reset value as a wait: epoch seconds (GitHub, X), or a number of seconds (the IETF draft's). */
    private static Duration rateLimitReset(String value, Instant now) {
        String seconds = value == null ? "" : value.trim();
        if (seconds.isEmpty() || seconds.length() > 12 || !seconds.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long n = Long.parseLong(seconds);
        if (n < 1_000_000_000L) {
            return Duration.ofSeconds(n);
        }
        Duration wait = Duration.between(now, Instant.ofEpochSecond(n));
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
