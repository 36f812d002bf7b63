package dev.adfrest.camel.http;

import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * How the transport talks to the API.
 *
 * @param responseTimeout  ADF's httpRequestTimeout: the time to get a response, not to read its body
 * @param readTimeout      the longest silence while reading a body
 * @param connectTimeout   the time to open a connection
 * @param sslContext       the TLS context to use, or null for the JVM's default trust
 * @param validateServerCertificate false accepts any certificate and host name (ADF's
 *                                  enableServerCertificateValidation=false)
 * @param maxResponseSize  the largest body accepted, in bytes
 * @param maxConnections   the connection pool size per route
 * @param callTimeout      the longest a request may take from sending it to the last byte of its body; zero for no
 *                         limit
 */
public record TransportSettings(
        Duration responseTimeout,
        Duration readTimeout,
        Duration connectTimeout,
        SSLContext sslContext,
        boolean validateServerCertificate,
        long maxResponseSize,
        int maxConnections,
        Duration callTimeout) {
}
