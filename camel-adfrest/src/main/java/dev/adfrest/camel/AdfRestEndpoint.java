package dev.adfrest.camel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.adfrest.camel.adf.AdfJson;
import dev.adfrest.camel.adf.AdfOrigins;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.sink.SinkOptions;
import dev.adfrest.camel.source.CopyRuns;
import dev.adfrest.camel.source.RunStats;
import dev.adfrest.camel.source.SourceOptions;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Copies JSON from a REST API page after page, with Azure Data Factory's authentication types and pagination rules,
 * and writes records to a REST API as ADF's REST sink does. Each poll of the consumer is one copy run; each page is
 * one exchange. The producer writes the exchange's records in batches (operation=write), or runs a copy per exchange
 * and hands its pages on (operation=read).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "adfrest", title = "ADF REST", syntax = "adfrest:baseUrl",
             lenientProperties = true, remote = true,
             category = { Category.HTTP, Category.REST }, headersClass = AdfRestConstants.class)
public class AdfRestEndpoint extends ScheduledPollEndpoint {

    /** A copy run is a batch job: by default runs start a minute apart, not every half second. */
    static final long DEFAULT_DELAY = 60_000;

    @UriParam
    private AdfRestConfiguration configuration;

    /**
     * Camel's scheduler option declared again so that the catalog (adfrest.json, tooling, the docs) shows adfrest's
     * default; the value lives where Camel keeps it ({@link #setDelay}).
     */
    @UriParam(label = "consumer,scheduler", defaultValue = "60000", javaType = "long",
              description = "Milliseconds before the next poll: the pause between the end of one copy run and the start"
                            + " of the next. A copy run is a batch job, so a minute by default (Camel's polling"
                            + " consumers default to 500 ms).")
    @SuppressWarnings("unused")
    private long delay = DEFAULT_DELAY;

    private Map<String, Object> forwardedQuery = Map.of();
    /** The checked options of a source (consumer, operation=read); null for an endpoint that can only write. */
    private SourceOptions source;
    private PageOutput output = PageOutput.AS_IS;
    private PageMessages pageMessages;
    private CopyRuns runs;
    private final RunStats producerStats = new RunStats();
    /** The readiness of this endpoint's producers: one check for all of them, as they share producerStats. */
    private final AdfRestProducerHealthCheck producerHealthCheck;
    /** What the endpoint took from ADF definitions: the side of a Copy activity, for one. */
    private AdfOrigins imported = AdfOrigins.NONE;

    public AdfRestEndpoint(String uri, AdfRestComponent component, AdfRestConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        this.producerHealthCheck = new AdfRestProducerHealthCheck(this);
        setDelay(DEFAULT_DELAY);
    }

    /**
     * Checks the options and prepares the run inputs; fails naming the bad option. Whether the endpoint will read or
     * write is not known yet: the options of a source are checked unless its requestMethod is one only a sink sends
     * (PUT, PATCH); the sink's requestMethod is checked when a producer that writes is made.
     */
    void configureSource(Map<String, Object> forwardedQuery) {
        this.forwardedQuery = Collections.unmodifiableMap(new LinkedHashMap<>(forwardedQuery));
        SinkOptions.checkOwnOptions(configuration);
        boolean read = reads();
        if (!read && SinkOptions.writesOnly(configuration)) {
            SinkOptions.of(configuration, forwardedQuery); // all of it can be checked now
            this.source = null;
            return;
        }
        this.source = SourceOptions.of(configuration, forwardedQuery);
        this.output = PageOutput.of(configuration.getCollectionReference(),
                AdfJson.translator(getCamelContext(), configuration.getTranslator()),
                configuration.isEnableSkipIncompatibleRow());
        this.pageMessages = new PageMessages(output instanceof PageOutput.Rows, configuration.getHeaderFilterStrategy());
    }

    @Override
    public long getDefaultDelay() {
        return DEFAULT_DELAY;
    }

    @Override
    public boolean isLenientProperties() {
        return true;
    }

    /** The ADF definitions the endpoint's options came from. */
    void imported(AdfOrigins origins) {
        this.imported = origins;
    }

    @Override
    public Producer createProducer() {
        boolean read = reads();
        checkImportedSide(read);
        if (read) {
            sourceOptions();
        } else {
            checkNotMapped();
        }
        return new AdfRestProducer(this, read);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        checkImportedSide(true);
        sourceOptions();
        AdfRestConsumer consumer = new AdfRestConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configureSource(new LinkedHashMap<>(forwardedQuery)); // options may have changed since creation
        if (source != null) {
            // certificates and sslContextParameters are read now: a missing file fails the start, naming the option
            runs = CopyRuns.open(configuration, source, output, getCamelContext());
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (runs != null) {
                runs.close();
                runs = null;
            }
        }
        super.doStop();
    }

    /**
     * Where this endpoint's copy runs are put together; null while it is stopped, and for an endpoint that can only
     * write.
     */
    synchronized CopyRuns runs() {
        return runs;
    }

    /** The options of the sink, checked now: a producer that writes is being made. */
    SinkOptions sinkOptions() {
        return SinkOptions.of(configuration, forwardedQuery);
    }

    /** What a producer of this endpoint does: "write" or "read". */
    String operation() {
        return reads() ? "read" : "write";
    }

    /** The health check of this endpoint's producers. */
    AdfRestProducerHealthCheck producerHealthCheck() {
        return producerHealthCheck;
    }

    /** Whether a producer of this endpoint reads (operation=read) rather than writes. */
    private boolean reads() {
        String operation = configuration.getOperation() == null ? "write" : configuration.getOperation().trim();
        if (!operation.equalsIgnoreCase("write") && !operation.equalsIgnoreCase("read")) {
            throw new IllegalArgumentException("Option 'operation' must be write or read, but is '"
                                               + configuration.getOperation() + "'");
        }
        return operation.equalsIgnoreCase("read");
    }

    /** The source's options; for an endpoint that can only write, the reason it cannot read, naming the option. */
    private SourceOptions sourceOptions() {
        return source != null ? source : SourceOptions.of(configuration, forwardedQuery);
    }

    /** An endpoint that imported one side of an ADF Copy activity is used for that side only. */
    private void checkImportedSide(boolean reading) {
        String refusal = imported.refusal(reading);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /** A sink writes records as they come: mapping belongs to the endpoint that reads them. */
    private void checkNotMapped() {
        for (String option : new String[] { "collectionReference", "translator" }) {
            String value = option.equals("translator") ? configuration.getTranslator()
                    : configuration.getCollectionReference();
            if (value != null && !value.isBlank()) {
                throw new IllegalArgumentException("Option '" + option + "' maps the pages a source reads; a producer"
                                                   + " that writes (operation=write) sends records as they come: set"
                                                   + " it on the adfrest consumer (or operation=read producer) whose"
                                                   + " records you write, and remove it here");
            }
        }
    }

    /** What the exchange of a page carries. */
    PageMessages pageMessages() {
        return pageMessages;
    }

    /** The base URL's host: the host tag of the meters. */
    String host() {
        return source != null ? source.origin().getHost() : java.net.URI.create(configuration.getBaseUrl().trim()).getHost();
    }

    /** The base URL as operators see it: secrets masked. */
    String maskedBaseUrl() {
        return source != null ? source.masking().url(configuration.getBaseUrl())
                : dev.adfrest.camel.support.Masking.maskUrl(configuration.getBaseUrl());
    }

    /**
     * The kinds of pagination rules this endpoint uses, as ADF names them: AbsoluteUrl, QueryParameters RANGE,
     * EndCondition, MaxRequestNumber, ...; "SupportRFC5988" when the Link header is followed. None for an endpoint
     * that can only write.
     */
    List<String> ruleKinds() {
        if (source == null) {
            return List.of();
        }
        Set<String> kinds = new LinkedHashSet<>();
        source.rules().source().forEach((key, value) -> {
            String kind = key.split("[.\\[:]", 2)[0];
            kinds.add(value != null && value.trim().startsWith("RANGE:") ? kind + " RANGE" : kind);
        });
        if (source.rules().followsLinkHeader()) {
            kinds.add("SupportRFC5988");
        }
        return List.copyOf(kinds);
    }

    /**
     * What this endpoint's producers have done since the endpoint was made, as the consumer's runs are counted: with
     * operation=read its copy runs; with operation=write each exchange's write counts as a run (its batches as
     * pages), with the records written, requests, retries by cause and the last failure. One object for all of the
     * endpoint's producers; the dev console and the meters read it.
     */
    public RunStats getProducerStats() {
        return producerStats;
    }

    public AdfRestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AdfRestConfiguration configuration) {
        this.configuration = configuration;
    }
}
