package dev.adfrest.camel.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import dev.adfrest.camel.support.ProxySettings;

/**
 * What token authenticators need from their endpoint besides options: the TLS trust for sign-in hosts, the time
 * allowed per token request, a way to read certificate resources, a clock and the retry policy.
 *
 * @param sslContext the trust (and client keys) from sslContextParameters, or null for the JVM's default
 * @param timeout    connect and response timeout of a token request (the endpoint's httpRequestTimeout)
 * @param resources  reads a Camel resource (file:, classpath:, ...) or null when only the options are checked, at
 *                   endpoint creation; resources are then read when the endpoint starts
 * @param clock      decides when a token is due for refresh
 * @param retry      how token requests that failed for a passing reason are sent again
 * @param proxy      how sign-in hosts are reached: the endpoint's proxy, the JVM's, or directly
 */
record SignIn(SSLContext sslContext, Duration timeout, Function<String, byte[]> resources, Clock clock,
              SignInRetry retry, ProxySettings proxy) {

    /** For checking options only: nothing is signed in with it. */
    static SignIn checkOnly() {
        return new SignIn(null, Duration.ofSeconds(100), null, Clock.systemUTC(), SignInRetry.NONE, ProxySettings.NONE);
    }

    /** The same, reaching hosts directly: a managed identity endpoint is local to the Azure host, never proxied. */
    SignIn direct() {
        return new SignIn(sslContext, timeout, resources, clock, retry, ProxySettings.NONE);
    }
}
