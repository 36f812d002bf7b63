package dev.adfrest.camel.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import dev.adfrest.camel.testsupport.SeededCases;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.adfrest.camel.testsupport.SeededCases.between;
import static dev.adfrest.camel.testsupport.SeededCases.combinations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@ExtendWith(SeededCases.class)
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(2), false);

    private static HttpStatusException http(int status, String... retryAfter) {
        Map<String, List<String>> headers = retryAfter.length == 0 ? Map.of() : Map.of("retry-after", List.of(retryAfter));
        return new HttpStatusException(status, headers, "");
    }

    private RetryPolicy.Decision decide(Exception e) {
        return policy.decide("GET", e, 0, NOW, () -> 0.5);
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        assertThat(decide(http(503, "7"))).isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(7), "HTTP 503 (Retry-After)"));
        assertThat(decide(http(429, "0"))).isEqualTo(new RetryPolicy.Retry(Duration.ZERO, "HTTP 429 (Retry-After)"));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        assertThat(decide(http(429, "Sat, 28 Nov 2026 12:00:30 GMT")))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(30), "HTTP 429 (Retry-After)"));
        assertThat(((RetryPolicy.Retry) decide(http(429, "Sat, 28 Nov 2026 11:00:00 GMT"))).delay()).isZero();
    }

    /** GitHub answers its rate limits 403: with a Retry-After (secondary limits), or X-RateLimit-Remaining 0 and a reset. */
    @Test
    void aRateLimited403IsA429() {
        long inThirtySeconds = NOW.getEpochSecond() + 30;
        HttpStatusException primary = new HttpStatusException(403, Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(Long.toString(inThirtySeconds))), "{\"message\":\"API rate limit exceeded\"}");
        HttpStatusException refused = new HttpStatusException(403, Map.of("x-ratelimit-remaining", List.of("4999"),
                "x-ratelimit-reset", List.of(Long.toString(inThirtySeconds))), "{\"message\":\"Resource not accessible\"}");

        assertThat(decide(http(403, "5"))).isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(5), "HTTP 403 (rate limit) (Retry-After)"));
        assertThat(decide(primary)).isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(30), "HTTP 403 (rate limit) (Retry-After)"));
        assertThat(policy.decide("POST", primary, 0, NOW, () -> 0.5)).isInstanceOf(RetryPolicy.Retry.class);
        assertThat(decide(refused)).isEqualTo(new RetryPolicy.GiveUp(null));
        assertThat(decide(http(403))).isEqualTo(new RetryPolicy.GiveUp(null));
    }

    /** Without a Retry-After, a 429 waits until the rate limit resets: epoch seconds (X, GitHub) or seconds (IETF draft). */
    @Test
    void a429WaitsForTheRateLimitReset() {
        HttpStatusException epoch = new HttpStatusException(429, Map.of("X-RateLimit-Reset",
                List.of(Long.toString(NOW.getEpochSecond() + 12))), "");
        HttpStatusException delta = new HttpStatusException(429, Map.of("RateLimit-Reset", List.of("9")), "");
        HttpStatusException x = new HttpStatusException(429, Map.of("x-rate-limit-reset",
                List.of(Long.toString(NOW.getEpochSecond() + 5))), "");

        assertThat(decide(epoch)).isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(12), "HTTP 429 (Retry-After)"));
        assertThat(decide(delta)).isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(9), "HTTP 429 (Retry-After)"));
        assertThat(decide(x)).isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(5), "HTTP 429 (Retry-After)"));
        assertThat(decide(new HttpStatusException(503, Map.of("RateLimit-Reset", List.of("9")), "")))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(1), "HTTP 503"));
    }

    @Test
    void aRetryAfterBeyondMaxRetryWaitGivesUpAtOnce() {
        assertThat(decide(http(429, "3600"))).isInstanceOf(RetryPolicy.GiveUp.class)
                .extracting(d -> ((RetryPolicy.GiveUp) d).reason()).asString().contains("longer than maxRetryWait");
    }

    @Test
    void transientFaultsAreRetriedPermanentOnesAreNot() {
        for (Exception e : List.of(http(500), http(502), http(503), http(504), http(408), http(429),
                new SocketTimeoutException("Read timed out"), new ConnectException("refused"), new IOException("reset"))) {
            assertThat(decide(e)).as(e.toString()).isInstanceOf(RetryPolicy.Retry.class);
        }
        for (Exception e : List.of(http(400), http(401), http(403), http(404), http(501), http(505),
                new SSLHandshakeException("PKIX"), new UnknownHostException("nope"),
                new ResponseTooLargeException(10, 5), new RefusedRequestException("elsewhere"),
                new IllegalStateException())) {
            assertThat(decide(e)).as(e.toString()).isEqualTo(new RetryPolicy.GiveUp(null));
        }
    }

    /** Garbage instead of a status line (a proxy's hiccup) is worth another try; a redirect loop is not. */
    @Test
    void aResponseThatIsNotHttpIsRetried() {
        assertThat(decide(new ClientProtocolException(new ParseException("Invalid protocol version"))))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(1), "malformed response"));
        assertThat(decide(new ClientProtocolException(new ProtocolException("Circular redirect"))))
                .isEqualTo(new RetryPolicy.GiveUp(null));
    }

    @Test
    void postIsRetriedOnlyWhenAllowed() {
        assertThat(policy.decide("POST", http(500), 0, NOW, () -> 0.5)).isInstanceOf(RetryPolicy.GiveUp.class);
        assertThat(policy.decide("POST", new SocketException("Connection reset"), 0, NOW, () -> 0.5))
                .isInstanceOf(RetryPolicy.GiveUp.class);
        RetryPolicy posting = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(2), true);
        assertThat(posting.decide("POST", http(500), 0, NOW, () -> 0.5)).isInstanceOf(RetryPolicy.Retry.class);
    }

    /** 429 and 503 say the API did not take the request, a refused connection never reached it: a POST too is sent again. */
    @Test
    void aPostTheApiDidNotTakeIsRetried() {
        for (Exception e : List.of(http(429), http(503), new ConnectException("Connection refused"))) {
            assertThat(policy.decide("POST", e, 0, NOW, () -> 0.5)).as(e.toString()).isInstanceOf(RetryPolicy.Retry.class);
        }
    }

    @Test
    void retriesStopAtMaxRetries() {
        assertThat(policy.decide("GET", http(500), 2, NOW, () -> 0.5)).isInstanceOf(RetryPolicy.Retry.class);
        assertThat(policy.decide("GET", http(500), 3, NOW, () -> 0.5)).isInstanceOf(RetryPolicy.GiveUp.class);
    }

    /** Retries from 0 to 40, jitter from 0 to 0.99 in hundredths. */
    static Stream<Arguments> retriesAndJitters() {
        List<Arguments> edges = combinations(List.of(0, 1, 19, 20, 21, 40), List.of(0.0, 0.01, 0.5, 0.99));
        return SeededCases.cases(edges, 1000, r -> arguments((int) between(r, 0, 40), between(r, 0, 99) / 100.0));
    }

    @ParameterizedTest
    @MethodSource("retriesAndJitters")
    void backoffDoublesWithJitterAndNeverExceedsMaxRetryWait(int retries, double jitter) {
        RetryPolicy many = new RetryPolicy(100, Duration.ofMillis(200), Duration.ofSeconds(30), false);
        Duration delay = ((RetryPolicy.Retry) many.decide("GET", http(500), retries, NOW, () -> jitter)).delay();
        long base = 200L << Math.min(retries, 20);
        assertThat(delay.toMillis()).isBetween(0L, 30_000L)
                .isEqualTo(Math.min((long) (base * (0.5 + jitter)), 30_000L));
    }
}
