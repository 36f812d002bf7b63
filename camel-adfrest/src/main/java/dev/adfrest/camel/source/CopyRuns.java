package dev.adfrest.camel.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;

import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.AdfRestException;
import dev.adfrest.camel.auth.Authenticators;
import dev.adfrest.camel.auth.Credentials;
import dev.adfrest.camel.auth.SignInRetry;
import dev.adfrest.camel.http.HostPolicy;
import dev.adfrest.camel.http.HttpTransport;
import dev.adfrest.camel.http.RetryPolicy;
import dev.adfrest.camel.http.TransportSettings;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.sink.BatchWriter;
import dev.adfrest.camel.sink.SinkOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.IOHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run is put together: an endpoint's layers, built once when it starts (the transport with its connection
 * pool, sign-in, host policy and TLS; the retry policy; spooling; how pages are read and mapped), and a new
 * {@link CopyRun} on them for each poll. Closed when the endpoint stops. A producer that writes gets the same layers
 * under a {@link BatchWriter} ({@link #openWriter}).
 */
public final class CopyRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CopyRuns.class);

    /** Connections the pool allows per route (scheme, host, port) at least; more when parallelRequests asks for more. */
    private static final int MIN_CONNECTIONS = 8;

    private static final CopyRun.Sleeper SLEEPER = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    private final AdfRestConfiguration config;
    private final SourceOptions source;
    private final PageOutput output;
    private final CamelContext camelContext;
    private final HttpTransport transport;
    private final Spools spools;
    private final PageFetcher pages;

    private CopyRuns(AdfRestConfiguration config, SourceOptions source, PageOutput output, CamelContext camelContext,
                     HttpTransport transport, Spools spools) {
        this.config = config;
        this.source = source;
        this.output = output;
        this.camelContext = camelContext;
        this.transport = transport;
        this.spools = spools;
        // mapped records and watermarks read the page's tree: it is then built as the page is read, once
        this.pages = new PageFetcher(transport,
                PageJson.of(source.rules(), !output.asIs() || source.watermark() != null), spools);
    }

    /**
     * Builds an endpoint's layers: signs in lazily (at the first request), reads certificate resources and
     * sslContextParameters now.
     *
     * @param source the endpoint's checked options
     * @param output what its pages become
     */
    public static CopyRuns open(AdfRestConfiguration config, SourceOptions source, PageOutput output,
                                CamelContext camelContext) throws Exception {
        ServiceHelper.startService(config.getStateRepository());
        HttpTransport transport = transport(config, source.responseTimeout(), source.readTimeout(),
                source.callTimeout(), source.origin(), source.hosts(), source.credentialHeaders(), source.retry(),
                Math.max(MIN_CONNECTIONS, source.fetchAhead()), camelContext);
        if (source.parallelRequests() > 1 && source.fetchAhead() == 1) {
            LOG.info("parallelRequests={} does not apply to {}: {}; pages are fetched one at a time",
                    source.parallelRequests(), source.masking().url(source.template().url()),
                    source.oneAtATimeBecause());
        }
        // mapped records need the page's tree in memory anyway: such pages are never spooled
        Spools spools = output.asIs() ? new Spools(spoolDirectory(config), config.getSpoolThreshold()) : Spools.NEVER;
        return new CopyRuns(config, source, output, camelContext, transport, spools);
    }

    /**
     * The layers of a producer that writes (ADF's REST sink), on the same transport, sign-in, host policy and retry
     * policy as copy runs, and threads (AdfRestWrite, idle ones ending after a minute) that send a batch while the
     * next is written. The caller closes the writer, which stops them, closes its connection pool and signs out.
     *
     * @param owner the producer, which names the threads
     * @param sink  the endpoint's checked sink options
     * @param stats told of what the writer does (the producer's stats, its meters)
     */
    public static BatchWriter openWriter(Object owner, AdfRestConfiguration config, SinkOptions sink,
                                         RunObserver stats, CamelContext camelContext) throws Exception {
        ApiConnection api = sink.api();
        HttpTransport transport = transport(config, api.responseTimeout(), api.readTimeout(), api.callTimeout(),
                api.origin(), api.hosts(), api.credentialHeaders(), api.retry(), MIN_CONNECTIONS, camelContext);
        ExecutorService senders = camelContext.getExecutorServiceManager().newCachedThreadPool(owner, "AdfRestWrite");
        return new BatchWriter(transport, senders, sink, SLEEPER, stats);
    }

    /**
     * The transport: a connection pool with TLS and proxy as configured, credentials for the origin (signing in as
     * {@code retry} allows), the host policy.
     */
    private static HttpTransport transport(AdfRestConfiguration config, Duration responseTimeout, Duration readTimeout,
                                           Duration callTimeout, URI origin, HostPolicy hosts,
                                           List<String> credentialHeaders, RetryPolicy retry, int connections,
                                           CamelContext camelContext) throws Exception {
        SSLContext ssl = config.getSslContextParameters() == null ? null
                : config.getSslContextParameters().createSSLContext(camelContext);
        TransportSettings settings = new TransportSettings(responseTimeout, readTimeout, responseTimeout, ssl,
                config.isEnableServerCertificateValidation(), config.getMaxResponseSize(), connections, callTimeout);
        Credentials credentials = new Credentials(Authenticators.create(config, camelContext, signInRetry(retry)),
                config.getAuthHeaders(), credentialHeaders, origin, config.isAllowCrossOriginCredentials());
        if (!credentialHeaders.isEmpty()) {
            LOG.warn("additionalHeaders {} look like credentials: they are sent only to the base URL's origin, masked"
                     + " and never saved, as authHeaders are. Move them to authHeaders (the linked service's secret"
                     + " headers) to say so", credentialHeaders);
        }
        return new HttpTransport(settings, credentials, hosts, config.proxySettings(), config.getHttpClientConfigurer());
    }

    /** Token requests are retried as page requests are (as a GET: asking for a token again is always safe). */
    private static SignInRetry signInRetry(RetryPolicy policy) {
        return new SignInRetry(policy.maxRetries(), policy.initialDelay(), policy.maxWait(),
                (reason, retryAfter, retries) -> policy.decide("GET", reason, retryAfter, retries,
                        ThreadLocalRandom.current()::nextDouble) instanceof RetryPolicy.Retry r ? r.delay() : null);
    }

    private static Path spoolDirectory(AdfRestConfiguration config) {
        String dir = config.getSpoolDirectory();
        Path path = Path.of(dir == null || dir.isBlank() ? System.getProperty("java.io.tmpdir") : dir);
        try {
            return Files.createDirectories(path);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Option 'spoolDirectory': cannot use '" + path + "' for spooled pages: "
                                               + e.getMessage(), e);
        }
    }

    /**
     * A new copy run, or the unfinished one resumed when a stateRepository holds its position.
     *
     * @param routeId       the key of the saved position
     * @param runId         the id of a new run
     * @param running       tells the run whether to go on
     * @param fetchExecutor the threads for requests fetched ahead ({@link #newFetchExecutor}); null: one at a time
     */
    public CopyRun newRun(String routeId, String runId, BooleanSupplier running, ExecutorService fetchExecutor) {
        return newRun(routeId, runId, running, fetchExecutor, RunObserver.NONE);
    }

    /**
     * The same, reporting to {@code observer} (the consumer's or producer's {@link RunStats}, its meters); every run
     * also logs its progress now and then ({@link ProgressLog}).
     */
    public CopyRun newRun(String routeId, String runId, BooleanSupplier running, ExecutorService fetchExecutor,
                          RunObserver observer) {
        StateRepository<String, String> repository = config.getStateRepository();
        String key = source.settings().partition().stateKey(routeId);
        RunWatermark watermark = source.watermark() == null ? RunWatermark.NONE
                : new RunWatermark(source.watermark(), repository, key, output);
        Checkpoints checkpoints = repository == null ? Checkpoints.NONE
                : new StateRepositoryCheckpoints(repository, key, source.rules(), source.fingerprint(), watermark);
        Paginator paginator = null;
        Checkpoints.Saved saved = checkpoints.load();
        if (saved != null) {
            try {
                watermark.resume(saved.watermark());
                PageRequest template = watermark.fill(source.template());
                paginator = Paginator.resume(source.rules(), source.settings(), template,
                        saved.position().restore(source.rules(), template));
                runId = saved.runId();
                LOG.info("Run {} resumes at page {}: {} {}", runId, paginator.requestsMade() + 1,
                        paginator.first().method(), source.masking().url(paginator.first().url()));
            } catch (IllegalArgumentException e) {
                LOG.warn("Cannot resume the saved run of route {} ({}); starting at page 1", routeId, e.getMessage());
            }
        }
        if (paginator == null) {
            try {
                watermark.start();
            } catch (IllegalArgumentException e) { // watermarkLag that does not fit the value a completed run saved
                throw new AdfRestException("Route " + routeId + ": " + e.getMessage(), e);
            }
            paginator = new Paginator(source.rules(), source.settings(), watermark.fill(source.template()));
        }
        CopyRun.FetchAhead ahead = fetchExecutor == null ? CopyRun.FetchAhead.NONE
                : new CopyRun.FetchAhead(source.fetchAhead(), fetchExecutor);
        RunObserver observers = RunObserver.of(observer,
                new ProgressLog(ProgressLog.plannedPages(source.rules()).orElse(0), System::nanoTime));
        CopyRun.Fetcher fetcher = new RetryingFetcher(pages, source.retry(), SLEEPER, source.masking(), observers);
        return new CopyRun(runId, paginator, fetcher, output, checkpoints, watermark,
                new CopyRun.Pacing(source.requestInterval(), ahead, SLEEPER), source.masking(), running, observers);
    }

    /** The saved position of route {@code routeId}, to show or clear (the watermark, saved apart, is left alone). */
    private Checkpoints checkpoints(String routeId) {
        return config.getStateRepository() == null ? Checkpoints.NONE
                : new StateRepositoryCheckpoints(config.getStateRepository(),
                        source.settings().partition().stateKey(routeId), source.rules(), source.fingerprint(),
                        RunWatermark.NONE);
    }

    /**
     * Where the next run of route {@code routeId} would resume, fit to show (no header, body or secret of the saved
     * request); null when no position is saved (or none this endpoint can use).
     */
    public ResumePoint savedPosition(String routeId) {
        if (!(checkpoints(routeId) instanceof StateRepositoryCheckpoints saved)) {
            return null;
        }
        Checkpoints.Saved position = saved.peek();
        if (position == null) {
            return null;
        }
        try {
            PageRequest next = position.position().restore(source.rules(), source.template()).next();
            return new ResumePoint(position.runId(), position.position().requestsMade() + 1, next.method(),
                    source.masking().url(next.url()));
        } catch (IllegalArgumentException e) {
            return null; // not one this endpoint can resume from
        }
    }

    /**
     * Forgets the saved position of route {@code routeId}: its next run starts at page 1 (an operator's way out of a
     * position the API no longer accepts).
     *
     * @return whether a position was saved
     */
    public boolean clearSavedPosition(String routeId) {
        Checkpoints checkpoints = checkpoints(routeId);
        if (checkpoints == Checkpoints.NONE) {
            return false;
        }
        boolean had = savedPosition(routeId) != null;
        checkpoints.clear();
        LOG.info("Saved position of route {} cleared{}", routeId, had ? "" : " (there was none)");
        return had;
    }

    /**
     * A saved position as operators see it.
     *
     * @param runId the unfinished run
     * @param page  the page it resumes at
     * @param url   the masked URL of that page's request
     */
    public record ResumePoint(String runId, int page, String method, String url) {
    }

    /**
     * The watermark the last completed run of a route saved (incremental copy), as text; null when the endpoint has
     * no watermarkPath, no run has completed yet, or the saved value belongs to another watermarkPath.
     *
     * @param routeId the route's id (its partition's key is derived from it)
     */
    public String savedWatermark(String routeId) {
        if (source.watermark() == null) {
            return null;
        }
        String key = source.settings().partition().stateKey(routeId) + RunWatermark.KEY_SUFFIX;
        var value = RunWatermark.readSaved(config.getStateRepository(), key, source.watermark().reader().path());
        return value == null ? null : value.text();
    }

    /**
     * The threads a consumer fetches pages ahead on (daemon threads named AdfRestFetch, idle ones ending after a
     * minute), or null when its runs fetch one page at a time. The owner shuts it down when it stops.
     */
    public ExecutorService newFetchExecutor(Object owner) {
        int size = source.fetchAhead();
        if (size < 2) {
            return null;
        }
        ThreadPoolProfile profile = new ThreadPoolProfile("AdfRestFetch");
        profile.setPoolSize(size);
        profile.setMaxPoolSize(size);
        // queue, never reject, while running: requests a finished run abandoned may still hold the threads
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        profile.setAllowCoreThreadTimeOut(true);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort); // after shutdown: a run must not wait forever
        return camelContext.getExecutorServiceManager().newThreadPool(owner, "AdfRestFetch", profile);
    }

    /** Connections of the pool lent out right now: requests in progress (0 between requests). */
    public int leasedConnections() {
        return transport.leasedConnections();
    }

    /** Closes the connection pool and signs out; deletes the spooled pages whose exchanges never completed. */
    @Override
    public void close() {
        IOHelper.close(transport);
        spools.deleteAll();
    }
}
