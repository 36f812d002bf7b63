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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.adfrest.camel.auth.Credentials;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.support.Headers;
import dev.adfrest.camel.support.ParsedUrls;
import dev.adfrest.camel.support.ProxySettings;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends page requests with Apache HttpClient 5: one pooled client per endpoint (connections are reused across pages
 * and runs), every hop of a redirect checked against the {@link HostPolicy} before it is sent and its address after
 * DNS ({@link GuardedDnsResolver}), credentials added per hop, bodies handed to a reader within the size limit, of an
 * error response only the excerpt read ({@link HttpStatusException}), and every request bounded by its call timeout.
 */
public final class HttpTransport implements Closeable {

    /** The longest response header line (status line, header, chunk size) read. */
    static final int MAX_LINE_LENGTH = 32 * 1024;
    /** The most response header lines read. */
    static final int MAX_HEADER_COUNT = 256;

    private static final String SENT_AUTHORIZATION = "dev.adfrest.camel.authorization";

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager pool;
    private final Credentials credentials;
    private final HostPolicy hosts;
    private final CallTimeout callTimeout;
    private final long maxResponseSize;

    public HttpTransport(TransportSettings settings, Credentials credentials, HostPolicy hosts) {
        this(settings, credentials, hosts, ProxySettings.NONE, null);
    }

    /**
     * @param proxy      how requests reach the API (a proxy, the JVM's, or directly)
     * @param configurer the user's hook on the client builder, called last; null for none
     */
    public HttpTransport(TransportSettings settings, Credentials credentials, HostPolicy hosts, ProxySettings proxy,
                         HttpClientConfigurer configurer) {
        this.credentials = credentials;
        this.hosts = hosts;
        this.callTimeout = new CallTimeout(settings.callTimeout() == null ? Duration.ZERO : settings.callTimeout());
        this.maxResponseSize = settings.maxResponseSize();
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new QuietConnectionFactory(Timeout.of(settings.readTimeout()),
                        Http1Config.custom().setMaxLineLength(MAX_LINE_LENGTH).setMaxHeaderCount(MAX_HEADER_COUNT).build()))
                .setDnsResolver(ProxyRoutes.resolver(new GuardedDnsResolver(hosts), proxy))
                .setTlsSocketStrategy(tls(settings, proxy.useSystemProperties()))
                .setMaxConnPerRoute(settings.maxConnections())
                .setMaxConnTotal(settings.maxConnections() * 2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        // credentials are ours to place: never let the client answer a server's challenges itself
                        // (a proxy's 407 is answered with the proxy's credentials only: ProxyRoutes)
                        .setAuthenticationEnabled(proxy.hasCredentials())
                        .build())
                .disableAuthCaching()
                // RetryPolicy decides (it also covers truncated bodies, caps Retry-After and logs each retry);
                // HttpClient's own strategy would wait out any Retry-After silently
                .disableAutomaticRetries()
                // Redirects follows them instead, each hop checked by the host policy
                .disableRedirectHandling()
                // last: after the client added its own headers (cookies), so that they are removed cross-origin too
                .addRequestInterceptorLast((request, entity, context) ->
                        context.setAttribute(SENT_AUTHORIZATION, credentials.apply(request, targetOf(request))));
        ProxyRoutes.apply(builder, proxy);
        if (configurer != null) {
            configurer.configure(builder);
        }
        this.client = builder.build();
    }

    /** @param systemProperties also the JVM's https.protocols and https.cipherSuites (useSystemProperties) */
    private static TlsSocketStrategy tls(TransportSettings settings, boolean systemProperties) {
        try {
            if (!settings.validateServerCertificate()) {
                SSLContext trustAll = SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
                return new DefaultClientTlsStrategy(trustAll, NoopHostnameVerifier.INSTANCE);
            }
            if (settings.sslContext() == null && systemProperties) {
                return DefaultClientTlsStrategy.createSystemDefault();
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
     * Sends the request, follows redirects, and hands a successful response to {@code reader}, which reads its body as
     * it arrives.
     *
     * @throws HttpStatusException     for a status of 400 or more (a 401 first gets one retry with fresh credentials)
     * @throws RefusedRequestException when a hop may not be sent: the host policy, a body for another origin, too many
     *                                 redirects, a header value with a line break
     * @throws IOException             for transport faults, bodies over the size limit, and the reader's failures
     */
    public <T> T send(PageRequest request, BodyReader<T> reader) throws IOException {
        return send(request, null, reader);
    }

    /**
     * Sends the request with a body the caller built (a batch of records) instead of the request's own body. Such a
     * request is never redirected: a 3xx answer fails as {@link HttpStatusException}, as camel-http's producer does,
     * so that a write is neither re-sent elsewhere nor turned into a GET.
     *
     * @param payload the body to send, or null to send the request's own body (and follow redirects)
     * @see           #send(PageRequest, BodyReader)
     */
    public <T> T send(PageRequest request, Payload payload, BodyReader<T> reader) throws IOException {
        HttpClientContext context = HttpClientContext.create();
        try {
            return follow(request, payload, reader, context);
        } catch (HttpStatusException e) {
            if (e.status() == 401 && credentials.invalidate((String) context.getAttribute(SENT_AUTHORIZATION))) {
                return follow(request, payload, reader, HttpClientContext.create());
            }
            throw e;
        }
    }

    private <T> T follow(PageRequest request, Payload payload, BodyReader<T> reader, HttpClientContext context)
            throws IOException {
        Redirects.Hop hop = new Redirects.Hop(request.method(), ParsedUrls.parse(request.url()), request.body());
        for (int followed = 0;; followed++) {
            hosts.check(hop.uri());
            if ((hop.body() != null || payload != null) && !credentials.mayReceive(hop.uri())) {
                throw new RefusedRequestException("refusing to send the request body to " + hop.uri() + ": it is not"
                                                  + " the base URL's origin (set allowCrossOriginCredentials=true to"
                                                  + " send it anyway)");
            }
            try {
                return execute(hop, request, payload, reader, context);
            } catch (Redirect r) {
                if (payload != null) {
                    throw new HttpStatusException(r.status, Map.of("Location", List.of(r.location)), "");
                }
                hop = Redirects.next(hop, r.status, r.location, followed);
            }
        }
    }

    private <T> T execute(Redirects.Hop hop, PageRequest request, Payload payload, BodyReader<T> reader,
                          HttpClientContext context) throws IOException {
        HttpUriRequestBase http = new HopRequest(hop.method(), hop.uri());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String value = header.getValue() == null ? "" : header.getValue();
            if (!Headers.isSafeValue(value)) {
                // a value taken from a response must not smuggle extra header lines into the request
                throw new RefusedRequestException("refusing to send header '" + header.getKey()
                                                  + "': its value contains a line break");
            }
            if (hop.body() == null && payload == null && header.getKey().equalsIgnoreCase("Content-Type")) {
                continue; // a redirect turned the request into a GET without a body
            }
            http.addHeader(header.getKey(), value);
        }
        http.setHeader("Accept", "application/json");
        if (payload != null) {
            boolean userType = request.header("Content-Type") != null;
            http.setEntity(new ByteArrayEntity(payload.bytes(), 0, payload.length(),
                    userType ? null : ContentType.APPLICATION_JSON, payload.contentEncoding()));
        } else if (hop.body() != null) {
            // a Content-Type from additionalHeaders is already on the request, sent as the user wrote it
            boolean userType = request.header("Content-Type") != null;
            http.setEntity(new ByteArrayEntity(hop.body().getBytes(charsetOf(request)),
                    userType ? null : ContentType.APPLICATION_JSON));
        }
        try (CallTimeout.Deadline deadline = callTimeout.start(http)) {
            try {
                // after the handler, HttpClient reads what is left of the body (there should be nothing) to keep the
                // connection
                return client.execute(http, context, response -> answer(response, reader));
            } catch (GuardedDnsResolver.InternalAddressException e) {
                throw new RefusedRequestException("refusing a request to " + hop.uri() + ": " + e.getMessage());
            } catch (MessageConstraintException e) {
                throw new ResponseTooLargeException("the response headers are over the limit (at most "
                                                    + MAX_HEADER_COUNT + " lines of " + MAX_LINE_LENGTH / 1024
                                                    + " KiB): " + e.getMessage());
            } catch (Redirect | HttpStatusException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                Exception explained = deadline.explain(e);
                if (explained instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) explained;
            }
        }
    }

    private static URI targetOf(HttpRequest request) throws IOException {
        try {
            return request.getUri();
        } catch (URISyntaxException e) {
            throw new IOException("Invalid request URI: " + e.getMessage(), e);
        }
    }

    /**
     * A request that hands back the URI it was made from while its target is unchanged: HttpCore keeps only the
     * target's parts and would assemble the URI and parse it again for the credentials' interceptor, on every page.
     * Should anything change the target (a user's interceptor), HttpCore's own answer is used.
     */
    static final class HopRequest extends HttpUriRequestBase {
        private static final long serialVersionUID = 1L;
        private final transient URI uri;
        private final String scheme;
        private final URIAuthority authority;
        private final String path;

        HopRequest(String method, URI uri) {
            super(method, uri);
            // HttpCore's URI leaves out user info and a fragment, and has at least "/" as its path
            boolean asHttpCoreBuildsIt = uri.getRawUserInfo() == null && uri.getRawFragment() == null
                                         && uri.getRawPath() != null && !uri.getRawPath().isBlank();
            this.uri = asHttpCoreBuildsIt ? uri : null;
            this.scheme = getScheme();
            this.authority = getAuthority();
            this.path = getPath();
        }

        @Override
        public URI getUri() throws URISyntaxException {
            // the setters replace these objects: the same ones mean the same target
            boolean unchanged = getScheme() == scheme && getAuthority() == authority && getPath() == path;
            return uri != null && unchanged ? uri : super.getUri();
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
            String location = Headers.first(headers, "Location");
            if (Redirects.isRedirect(response.getCode()) && location != null) {
                excerpt(content); // what is left is dropped with the connection
                throw new Redirect(response.getCode(), location);
            }
            if (declared > maxResponseSize) {
                throw new ResponseTooLargeException(declared, maxResponseSize);
            }
            InputStream body = new LimitedBody(content == null ? InputStream.nullInputStream() : content,
                    maxResponseSize);
            return reader.read(response.getCode(), headers, body, declared);
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof HttpStatusException) && !(e instanceof Redirect)) {
                abort(content);
            }
            throw e;
        }
    }

    /** An error response: only the excerpt of its body is read; what is left is dropped with the connection. */
    private static HttpStatusException error(int status, Map<String, List<String>> headers, InputStream content)
            throws IOException {
        return new HttpStatusException(status, headers, excerpt(content));
    }

    /**
     * At most the first {@link HttpStatusException#EXCERPT_BYTES} of a body, as text; the connection is dropped when
     * more follow, never read on.
     */
    private static String excerpt(InputStream content) throws IOException {
        byte[] head = content == null ? new byte[0] : content.readNBytes(HttpStatusException.EXCERPT_BYTES + 1);
        if (head.length > HttpStatusException.EXCERPT_BYTES) {
            abort(content);
        }
        int n = Math.min(head.length, HttpStatusException.EXCERPT_BYTES);
        return new String(head, 0, n, StandardCharsets.UTF_8);
    }

    /** A redirect, thrown out of the response handler so that the connection is released or dropped there. */
    private static final class Redirect extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String location;

        Redirect(int status, String location) {
            super("HTTP " + status, null);
            this.status = status;
            this.location = location;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
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

    /** Connections lent out right now: each is a request in progress or a body not yet read to its end. */
    public int leasedConnections() {
        return pool.getTotalStats().getLeased();
    }

    @Override
    public void close() throws IOException {
        client.close();
        credentials.close();
    }
}
