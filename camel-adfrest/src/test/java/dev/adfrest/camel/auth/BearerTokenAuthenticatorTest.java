package dev.adfrest.camel.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;

import dev.adfrest.camel.AdfRestAuthenticationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a token is fetched, kept, replaced and forgotten: the rules every token type shares, on a hand-moved clock. */
class BearerTokenAuthenticatorTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Issues token-1, token-2, ... each living {@code lifetime}, or fails when told to. */
    static final class Issuer extends BearerTokenAuthenticator {
        final Deque<Boolean> failures = new ArrayDeque<>();
        Duration lifetime;
        int issued;
        int forgotten;

        Issuer(Clock clock, Duration lifetime) {
            super(clock);
            this.lifetime = lifetime;
        }

        @Override
        protected BearerToken fetchToken(Instant now) {
            if (Boolean.TRUE.equals(failures.poll())) {
                throw new AdfRestAuthenticationException("Test", "client 'x'", "temporarily_unavailable", "down");
            }
            issued++;
            return BearerToken.of("token-" + issued, now, lifetime == null ? null : now.plus(lifetime), null);
        }

        @Override
        protected void forgetCachedTokens() {
            forgotten++;
        }
    }

    final ManualClock clock = new ManualClock();

    @Test
    void anHourLongTokenIsKeptUntilFiveMinutesBeforeItExpires() {
        Issuer issuer = new Issuer(clock, Duration.ofHours(1));

        assertThat(issuer.authorization()).isEqualTo("Bearer token-1");
        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(issuer.authorization()).isEqualTo("Bearer token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(issuer.authorization()).isEqualTo("Bearer token-2");
        assertThat(issuer.issued).isEqualTo(2);
    }

    @Test
    void aTokenLivingFiveMinutesOrLessIsFetchedForEachRequest() {
        Issuer issuer = new Issuer(clock, Duration.ofMinutes(5));

        assertThat(issuer.authorization()).isEqualTo("Bearer token-1");
        assertThat(issuer.authorization()).isEqualTo("Bearer token-2");
        assertThat(issuer.authorization()).isEqualTo("Bearer token-3");
    }

    @Test
    void aTokenWithoutExpiryIsKeptUntilInvalidated() {
        Issuer issuer = new Issuer(clock, null);

        assertThat(issuer.authorization()).isEqualTo("Bearer token-1");
        clock.advance(Duration.ofDays(30));
        assertThat(issuer.authorization()).isEqualTo("Bearer token-1");
        assertThat(issuer.invalidate("Bearer token-1")).isTrue();
        assertThat(issuer.authorization()).isEqualTo("Bearer token-2");
    }

    @Test
    void invalidateDropsTheTokenAndTheLibrarysCacheSoTheNextRequestSignsInAgain() {
        Issuer issuer = new Issuer(clock, Duration.ofHours(1));
        issuer.authorization();

        assertThat(issuer.invalidate("Bearer token-1")).isTrue();

        assertThat(issuer.forgotten).isEqualTo(1);
        assertThat(issuer.authorization()).isEqualTo("Bearer token-2");
    }

    @Test
    void aFailedRefreshKeepsUsingTheCurrentTokenUntilItExpires() {
        Issuer issuer = new Issuer(clock, Duration.ofHours(1));
        issuer.authorization();
        clock.advance(Duration.ofMinutes(57)); // due for refresh, not yet expired
        issuer.failures.add(true);

        assertThat(issuer.authorization()).isEqualTo("Bearer token-1");
        assertThat(issuer.authorization()).isEqualTo("Bearer token-2"); // the next request tries again
    }

    @Test
    void aFailedRefreshOfAnExpiredTokenFails() {
        Issuer issuer = new Issuer(clock, Duration.ofHours(1));
        issuer.authorization();
        clock.advance(Duration.ofHours(1));
        issuer.failures.add(true);

        assertThatThrownBy(issuer::authorization).isInstanceOf(AdfRestAuthenticationException.class)
                .hasMessage("Sign-in failed for Test client 'x': error temporarily_unavailable - down");
    }

    @Test
    void aFailedFirstSignInFails() {
        Issuer issuer = new Issuer(clock, Duration.ofHours(1));
        issuer.failures.add(true);

        assertThatThrownBy(issuer::authorization).isInstanceOf(AdfRestAuthenticationException.class);
        assertThat(issuer.authorization()).isEqualTo("Bearer token-1");
    }

    @Test
    void anIssuersEarlierRefreshHintIsFollowedButNotAPastOne() {
        Instant expires = T0.plus(Duration.ofHours(24));
        assertThat(BearerToken.of("t", T0, expires, T0.plus(Duration.ofHours(12))).refreshAt())
                .isEqualTo(T0.plus(Duration.ofHours(12)));
        // MSAL reports "no hint" as the epoch
        assertThat(BearerToken.of("t", T0, expires, Instant.EPOCH).refreshAt())
                .isEqualTo(expires.minus(Duration.ofMinutes(5)));
    }

    @Test
    void theTokenNeverShowsInToString() {
        assertThat(BearerToken.of("secret-token", T0, T0.plusSeconds(3600), null).toString())
                .doesNotContain("secret-token");
    }
}
