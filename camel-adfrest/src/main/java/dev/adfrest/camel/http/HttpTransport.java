package dev.adfrest.camel.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyManagementException;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.adfrest.camel.auth.Credentials;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.support.Headers;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends page requests with Apache HttpClient 5: one pooled client per endpoint (connections are reused across pages
 * and runs), credentials added per request, bodies handed to a reader within the size limit, and of an error response
 * only the excerpt read ({@link HttpStatusException}).
 */
public final class HttpTransport implements Closeable {

    private final CloseableHttpClient client;
    private final Credentials credentials;
    private final long maxResponseSize;

    public HttpTransport(TransportSettings settings, Credentials credentials, HostPolicy hosts) {
        this.credentials = credentials;
        this.maxResponseSize = settings.maxResponseSize();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new QuietConnectionFactory(Timeout.of(settings.readTimeout())))
                .setTlsSocketStrategy(tls(settings))
                .setMaxConnPerRoute(settings.maxConnections())
                .setMaxConnTotal(settings.maxConnections() * 2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        // credentials are ours to place: never let the client answer challenges itself
                        .setAuthenticationEnabled(false)
                        .build())
                .disableAuthCaching()
                // RetryPolicy decides (it also covers truncated bodies, caps Retry-After and logs each retry);
                // HttpClient's own strategy would wait out any Retry-After silently
                .disableAutomaticRetries()
                // runs for every hop, redirects included (HttpClient copies a request's headers to its redirect)
                .addRequestInterceptorLast((request, entity, context) -> {
                    URI target = targetOf(request);
                    hosts.check(target);
                    credentials.apply(request, target);
                })
                .build();
    }

    private static TlsSocketStrategy tls(TransportSettings settings) {
        try {
            if (!settings.validateServerCertificate()) {
                SSLContext trustAll = SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
                return new DefaultClientTlsStrategy(trustAll, NoopHostnameVerifier.INSTANCE);
            }
            SSLContext context = settings.sslContext() != null ? settings.sslContext() : SSLContexts.createSystemDefault();
            return new DefaultClientTlsStrategy(context);
        } catch (NoSuchAlgorithmException | KeyManagementException | KeyStoreException e) {
            throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the body of a response below 400 while its connection is open.
     *
     * @param <T> what the reader makes of the response
     */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * @param  status      the HTTP status
         * @param  headers     the response headers in arrival order
         * @param  body        the body, decompressed; empty when there is none. Reading more than maxResponseSize
         *                     bytes from it throws {@link ResponseTooLargeException}. The reader need not close it.
         * @param  length      the declared length (Content-Length), or -1 when unknown
         * @throws IOException a transport fault while reading, or the reader's own
         */
        T read(int status, Map<String, List<String>> headers, InputStream body, long length) throws IOException;
    }

    /**
     * Sends the request and hands a successful response to {@code reader}, which reads its body as it arrives.
     *
     * @throws HttpStatusException for a status of 400 or more (a 401 first gets one retry with fresh credentials)
     * @throws IOException         for transport faults, bodies over the size limit, and the reader's failures
     */
    public <T> T send(PageRequest request, BodyReader<T> reader) throws IOException {
        try {
            return execute(request, reader);
        } catch (HttpStatusException e) {
            if (e.status() == 401 && credentials.invalidate()) {
                return execute(request, reader);
            }
            throw e;
        }
    }

    private <T> T execute(PageRequest request, BodyReader<T> reader) throws IOException {
        URI uri = URI.create(request.url());
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uri);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String value = header.getValue() == null ? "" : header.getValue();
            if (!Headers.isSafeValue(value)) {
                // a value taken from a response must not smuggle extra header lines into the request
                throw new RefusedRequestException("refusing to send header '" + header.getKey()
                                                    + "': its value contains a line break");
            }
            http.addHeader(header.getKey(), value);
        }
        http.setHeader("Accept", "application/json");
        if (request.body() != null) {
            // a Content-Type from additionalHeaders is already on the request, sent as the user wrote it
            boolean userType = request.header("Content-Type") != null;
            http.setEntity(new ByteArrayEntity(request.body().getBytes(charsetOf(request)),
                    userType ? null : ContentType.APPLICATION_JSON));
        }
        // after the handler, HttpClient reads what is left of the body (there should be nothing) to keep the connection
        return client.execute(http, response -> answer(response, reader));
    }

    private static URI targetOf(HttpRequest request) throws IOException {
        try {
            return request.getUri();
        } catch (URISyntaxException e) {
            throw new IOException("Invalid request URI: " + e.getMessage(), e);
        }
    }

    /** JSON is UTF-8 (RFC 8259) unless the user's Content-Type names another charset. */
    private static Charset charsetOf(PageRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType != null) {
            try {
                Charset charset = ContentType.parse(contentType).getCharset();
                if (charset != null) {
                    return charset;
                }
            } catch (RuntimeException e) {
                // an unparseable Content-Type is the user's to send; the body stays UTF-8
            }
        }
        return StandardCharsets.UTF_8;
    }

    private <T> T answer(ClassicHttpResponse response, BodyReader<T> reader) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.computeIfAbsent(h.getName(), k -> new ArrayList<>(1)).add(h.getValue());
        }
        HttpEntity entity = response.getEntity();
        long declared = entity == null ? 0 : entity.getContentLength();
        InputStream content = entity == null ? null : entity.getContent();
        try {
            if (response.getCode() >= 400) {
                throw error(response.getCode(), headers, content);
            }
            if (declared > maxResponseSize) {
                throw new ResponseTooLargeException(declared, maxResponseSize);
            }
            InputStream body = new LimitedBody(content == null ? InputStream.nullInputStream() : content,
                    maxResponseSize);
            return reader.read(response.getCode(), headers, body, declared);
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof HttpStatusException)) {
                abort(content);
            }
            throw e;
        }
    }

    /** An error response: only the excerpt of its body is read; what is left is dropped with the connection. */
    private static HttpStatusException error(int status, Map<String, List<String>> headers, InputStream content)
            throws IOException {
        byte[] head = content == null ? new byte[0] : content.readNBytes(HttpStatusException.EXCERPT_BYTES + 1);
        if (head.length > HttpStatusException.EXCERPT_BYTES) {
            abort(content);
        }
        int n = Math.min(head.length, HttpStatusException.EXCERPT_BYTES);
        return new HttpStatusException(status, headers, new String(head, 0, n, StandardCharsets.UTF_8));
    }

    /**
     * Drops the connection of a body not read to its end (too large, not JSON, an error's rest), where closing the
     * stream would read on to the end to keep the connection.
     */
    private static void abort(InputStream content) {
        if (content instanceof EofSensorInputStream sensor) {
            try {
                sensor.abort();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        credentials.close();
    }
}
