package dev.adfrest.camel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.adfrest.camel.adf.AdfJson;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.source.CopyRuns;
import dev.adfrest.camel.source.SourceOptions;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Copies JSON from a REST API page after page, with Azure Data Factory's authentication types and pagination rules.
 * Each poll of the consumer is one copy run; each page is one exchange.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "adfrest", title = "ADF REST", syntax = "adfrest:baseUrl",
             consumerOnly = true, lenientProperties = true, remote = true,
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
    private SourceOptions source;
    private PageOutput output = PageOutput.AS_IS;
    private PageMessages pageMessages;
    private CopyRuns runs;

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
        runs = CopyRuns.open(configuration, source, output, getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        if (runs != null) {
            runs.close();
            runs = null;
        }
        super.doStop();
    }

    /** Where this endpoint's copy runs are put together; null while it is stopped. */
    CopyRuns runs() {
        return runs;
    }

    /** What the exchange of a page carries. */
    PageMessages pageMessages() {
        return pageMessages;
    }

    /** The base URL's host: the host tag of the meters. */
    String host() {
        return source.origin().getHost();
    }

    /** The base URL as operators see it: secrets masked. */
    String maskedBaseUrl() {
        return source.masking().url(configuration.getBaseUrl());
    }

    /**
     * The kinds of pagination rules this endpoint uses, as ADF names them: AbsoluteUrl, QueryParameters RANGE,
     * EndCondition, MaxRequestNumber, ...; "SupportRFC5988" when the Link header is followed.
     */
    List<String> ruleKinds() {
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

    public AdfRestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AdfRestConfiguration configuration) {
        this.configuration = configuration;
    }
}
