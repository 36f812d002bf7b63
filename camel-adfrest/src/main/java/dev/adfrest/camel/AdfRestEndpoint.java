package dev.adfrest.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;

import dev.adfrest.camel.adf.AdfJson;
import dev.adfrest.camel.auth.Authenticators;
import dev.adfrest.camel.auth.Credentials;
import dev.adfrest.camel.http.HttpTransport;
import dev.adfrest.camel.http.TransportSettings;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.source.Checkpoints;
import dev.adfrest.camel.source.CopyRun;
import dev.adfrest.camel.source.PageFetcher;
import dev.adfrest.camel.source.PageJson;
import dev.adfrest.camel.source.RetryingFetcher;
import dev.adfrest.camel.source.SourceOptions;
import dev.adfrest.camel.source.Spools;
import dev.adfrest.camel.source.StateRepositoryCheckpoints;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.IOHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies JSON from a REST API page after page, with Azure Data Factory's authentication types and pagination rules.
 * Each poll of the consumer is one copy run; each page is one exchange.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "adfrest", title = "ADF REST", syntax = "adfrest:baseUrl",
             consumerOnly = true, lenientProperties = true, remote = true,
             category = { Category.HTTP, Category.REST }, headersClass = AdfRestConstants.class)
public class AdfRestEndpoint extends ScheduledPollEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AdfRestEndpoint.class);

    /** A copy run is a batch job: by default runs start a minute apart, not every half second. */
    static final long DEFAULT_DELAY = 60_000;

    /** Connections the pool allows per route (scheme, host, port) at least; more when parallelRequests asks for more. */
    private static final int MIN_CONNECTIONS = 8;

    @UriParam
    private AdfRestConfiguration configuration;

    private Map<String, Object> forwardedQuery = Map.of();
    private SourceOptions source;
    private PageOutput output = PageOutput.AS_IS;
    private PageJson pageJson;
    private HttpTransport transport;
    private Spools spools = Spools.NEVER;

    public AdfRestEndpoint(String uri, AdfRestComponent component, AdfRestConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_DELAY);
    }

    /** Checks the options and prepares the run inputs; fails naming the bad option. */
    void configureSource(Map<String, Object> forwardedQuery) {
        this.forwardedQuery = Collections.unmodifiableMap(new LinkedHashMap<>(forwardedQuery));
        this.source = SourceOptions.of(configuration, forwardedQuery);
        this.output = PageOutput.of(configuration.getCollectionReference(),
                AdfJson.translator(getCamelContext(), configuration.getTranslator()),
                configuration.isEnableSkipIncompatibleRow());
        this.pageJson = PageJson.of(source.rules(), !output.asIs());
    }

    @Override
    public long getDefaultDelay() {
        return DEFAULT_DELAY;
    }

    @Override
    public boolean isLenientProperties() {
        return true;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("adfrest: is a source; the REST sink (producer) is not available yet");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        AdfRestConsumer consumer = new AdfRestConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configureSource(new LinkedHashMap<>(forwardedQuery)); // options may have changed since creation
        ServiceHelper.startService(configuration.getStateRepository());
        SSLContext ssl = configuration.getSslContextParameters() == null ? null
                : configuration.getSslContextParameters().createSSLContext(getCamelContext());
        TransportSettings settings = new TransportSettings(source.responseTimeout(), source.readTimeout(),
                source.responseTimeout(), ssl, configuration.isEnableServerCertificateValidation(),
                configuration.getMaxResponseSize(), Math.max(MIN_CONNECTIONS, source.fetchAhead()));
        Credentials credentials = new Credentials(Authenticators.create(configuration, getCamelContext()),
                configuration.getAuthHeaders(),
                source.origin(), configuration.isAllowCrossOriginCredentials());
        transport = new HttpTransport(settings, credentials, source.hosts(), source.masking());
        if (source.parallelRequests() > 1 && source.fetchAhead() == 1) {
            LOG.info("parallelRequests={} does not apply to {}: {}; pages are fetched one at a time",
                    source.parallelRequests(), source.masking().url(source.template().url()),
                    source.oneAtATimeBecause());
        }
        // mapped records need the page's tree in memory anyway: such pages are never spooled
        spools = output.asIs() ? new Spools(spoolDirectory(), configuration.getSpoolThreshold()) : Spools.NEVER;
    }

    private Path spoolDirectory() {
        String dir = configuration.getSpoolDirectory();
        Path path = Path.of(dir == null || dir.isBlank() ? System.getProperty("java.io.tmpdir") : dir);
        try {
            return Files.createDirectories(path);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Option 'spoolDirectory': cannot use '" + path + "' for spooled pages: "
                                               + e.getMessage(), e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        IOHelper.close(transport);
        transport = null;
        spools.deleteAll(); // pages whose exchanges never completed
        super.doStop();
    }

    /**
     * A new copy run, or the unfinished one resumed when a stateRepository holds its position.
     *
     * @param routeId the key of the saved position
     * @param runId   the id of a new run
     * @param running tells the run whether to go on
     * @param fetchExecutor the threads for requests fetched ahead ({@link #newFetchExecutor}); null: one at a time
     */
    CopyRun newRun(String routeId, String runId, BooleanSupplier running,
                   ExecutorService fetchExecutor) {
        Checkpoints checkpoints = configuration.getStateRepository() == null ? Checkpoints.NONE
                : new StateRepositoryCheckpoints(configuration.getStateRepository(), routeId, source.fingerprint());
        Paginator paginator = new Paginator(source.rules(), source.settings(), source.template());
        Checkpoints.Saved saved = checkpoints.load();
        if (saved != null) {
            try {
                paginator = Paginator.resume(source.rules(), source.settings(), source.template(), saved.state());
                runId = saved.runId();
                LOG.info("Run {} resumes at page {}: {} {}", runId, paginator.requestsMade() + 1,
                        paginator.first().method(), source.masking().url(paginator.first().url()));
            } catch (IllegalArgumentException e) {
                LOG.warn("Cannot resume the saved run of route {} ({}); starting at page 1", routeId, e.getMessage());
            }
        }
        CopyRun.Fetcher fetcher = new RetryingFetcher(new PageFetcher(transport, pageJson, spools, source.masking()),
                source.retry(), SLEEPER, source.masking());
        CopyRun.FetchAhead ahead = fetchExecutor == null ? CopyRun.FetchAhead.NONE
                : new CopyRun.FetchAhead(source.fetchAhead(), fetchExecutor);
        return new CopyRun(runId, paginator, fetcher, source.requestInterval(), source.masking(), running, SLEEPER,
                checkpoints, ahead);
    }

    /**
     * The threads a consumer fetches pages ahead on (daemon threads named AdfRestFetch, idle ones ending after a
     * minute), or null when its runs fetch one page at a time. The consumer shuts it down when it stops.
     */
    ExecutorService newFetchExecutor(Object owner) {
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
        return getCamelContext().getExecutorServiceManager().newThreadPool(owner, "AdfRestFetch", profile);
    }

    private static final CopyRun.Sleeper SLEEPER = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    SourceOptions source() {
        return source;
    }

    /** What the body of a page exchange is: the page, its records or its rows. */
    PageOutput output() {
        return output;
    }

    public AdfRestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AdfRestConfiguration configuration) {
        this.configuration = configuration;
    }
}
