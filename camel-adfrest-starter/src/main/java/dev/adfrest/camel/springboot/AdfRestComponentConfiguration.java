package dev.adfrest.camel.springboot;

import java.util.Map;

import com.azure.core.credential.TokenCredential;
import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.http.HttpClientConfigurer;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The adfrest component's options as Spring Boot properties, {@code camel.component.adfrest.*}: the shared ADF
 * linked service every {@code adfrest:} endpoint starts from. One property per component option (kebab-case of the
 * option name), documented with the option's own description so IDEs complete and explain them;
 * {@code StarterCoversEveryOptionTest} fails when the component gains an option that is missing here.
 */
@ConfigurationProperties(prefix = "camel.component.adfrest")
public class AdfRestComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the adfrest component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * Additional HTTP request headers (ADF 'additionalHeaders'): a JSON object, entries prefixed with
     * 'additionalHeaders.', or a Map bean. An Accept header is ignored: every request carries Accept:
     * application/json. A header whose name looks like a credential (x-api-key, Ocp-Apim-Subscription-Key, *token*,
     * *secret*, ...) is treated as one: sent only to the base URL's origin, masked, never saved; prefer authHeaders
     * for those. One property per header, its name in brackets (which keep case and dots):
     * camel.component.adfrest.additional-headers[x-user-defined]=helloworld.
     */
    private Map<String, String> additionalHeaders;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * Shared configuration: the options every endpoint starts from (an ADF linked service). The option is a
     * dev.adfrest.camel.AdfRestConfiguration type.
     */
    private AdfRestConfiguration configuration;

    /**
     * Send a next request identical to the one just made instead of ending the run: for APIs that answer the same
     * request with the next page (a scroll, a queue). With pagination rules that only stop a run (EndCondition,
     * MaxRequestNumber) the next request is the last one again, as ADF does. Needs an EndCondition or
     * MaxRequestNumber rule.
     */
    private Boolean allowRepeatedRequests = false;

    /**
     * Fail the run when the next request would be identical to the one just made, instead of ending it normally with
     * a warning.
     */
    private Boolean failOnRepeatedRequest = false;

    /**
     * The time to get a response, not to read it (ADF 'httpRequestTimeout'): an ADF TimeSpan (00:01:40), a Camel
     * duration (100s) or milliseconds.
     */
    private String httpRequestTimeout = "00:01:40";

    /**
     * When a next link is followed, add back the first request's query parameters that the link lacks (ADF drops
     * them). A parameter is never duplicated.
     */
    private Boolean keepQueryParameters = false;

    /**
     * ADF pagination rules: a JSON object copied from ADF, entries prefixed with 'paginationRules.'
     * (paginationRules.AbsoluteUrl=$.paging.next), or a Map bean. Keys and values as in ADF's copy activity; see the
     * component documentation. One property per rule, its key in brackets (which keep case and dots):
     * camel.component.adfrest.pagination-rules[AbsoluteUrl]=$.paging.next,
     * camel.component.adfrest.pagination-rules[QueryParameters.page]=RANGE:1::1.
     */
    private Map<String, String> paginationRules;

    /**
     * Fetch up to this many pages at once when the requests are known in advance: RANGE rules that take no value
     * from a response (EndCondition and MaxRequestNumber rules may be there). Pages are still handed to the route
     * one at a time, in order, with an exact CamelAdfRestLastPage, and MaxRequestNumber is never exceeded; pages
     * fetched ahead past the end of the run (an EndCondition or a 204 inside the window) are dropped, never
     * delivered. requestInterval then spaces the starts of requests. Rules that read the next request from a
     * response (a next link, a cursor) fetch one page at a time whatever this says. 1 to 32.
     */
    private Integer parallelRequests = 1;

    /**
     * Split a RANGE run across this many routes (on one node, or one per node under clustered route policies), each
     * with its own 'partition': partition i of k requests only the pages i+1, i+1+k, i+1+2k, ... of the whole run,
     * numbered as in the whole run. RANGE ends and MaxRequestNumber bound the whole run; an EndCondition or a 204
     * ends the partition that sees it. Each partition saves its own resume position. Only for rules whose requests
     * are known in advance (RANGE rules); refused otherwise.
     */
    private Integer partitions = 1;

    /**
     * Which share of a partitioned RANGE run this route takes: 0 to partitions-1.
     */
    private Integer partition = 0;

    /**
     * A relative URL to the resource (ADF dataset 'relativeUrl'), joined to the base URL as baseUrl/relativeUrl. May
     * contain a query string and {var} placeholders.
     */
    private String relativeUrl;

    /**
     * The body of the request (ADF 'requestBody'), sent with POST. Its Content-Type is application/json unless
     * additionalHeaders sets one.
     */
    private String requestBody;

    /**
     * The time to wait between two requests (ADF 'requestInterval'): an ADF TimeSpan, a Camel duration or
     * milliseconds; 0 requests at full speed. The consumer and operation=read wait this long before each next-page
     * request, 00:00:01 when it is not set (ADF's RestSource); with parallelRequests it is the least time between the
     * starts of two requests. operation=write waits this long after one request before it sends the next, also across
     * exchanges, 10 ms when it is not set (ADF's RestSink).
     */
    private String requestInterval;

    /**
     * The HTTP method (ADF 'requestMethod'), in any letter case. The consumer and operation=read (ADF's RestSource)
     * take GET or POST and send GET when it is not set; the producer's operation=write (ADF's RestSink) takes POST,
     * PUT or PATCH and sends POST when it is not set.
     */
    private String requestMethod;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * What the producer does. write (ADF's RestSink): sends the exchange's records to the API as JSON arrays of at
     * most writeBatchSize records per request. read: runs one copy run (the consumer's requests, pagination, retries
     * and mapping) per exchange and sets the body to a lazy Iterator of Messages, one per page with the consumer's
     * headers, fetched as it is read (split(body()).streaming() holds one page at a time).
     */
    private String operation = "write";

    /**
     * The most records per request (ADF RestSink 'writeBatchSize'). An exchange with more records is sent in several
     * requests, one after another; requests never span exchanges.
     */
    private Integer writeBatchSize = 10000;

    /**
     * Compress each request body (ADF RestSink 'httpCompressionType'): none, or gzip (sent with Content-Encoding:
     * gzip).
     */
    private String httpCompressionType = "none";

    /**
     * The name of the Copy activity to import from adfPipeline; may be left out when the pipeline has a single Copy
     * activity.
     */
    private String adfActivity;

    /**
     * An ADF RestResource dataset JSON (file: or classpath:): relativeUrl and the dataset-level requestMethod,
     * additionalHeaders, requestBody and paginationRules become options. Options set on the endpoint win.
     */
    private String adfDataset;

    /**
     * An ADF RestService linked service JSON, as ADF shows or exports it (file: or classpath:): its url becomes the
     * base URL unless the endpoint gives an http(s) URL, and its properties become options of the same name. Options
     * set on the endpoint win.
     */
    private String adfLinkedService;

    /**
     * An ADF pipeline JSON (file: or classpath:; #name picks it from an ARM template, with the dataset and linked
     * service it uses) whose Copy activity (adfActivity) has a RestSource: requestMethod, additionalHeaders,
     * requestBody, paginationRules, httpRequestTimeout, requestInterval, translator and enableSkipIncompatibleRow
     * become options. With operation=write (or when the activity reads something else) its RestSink instead:
     * requestMethod, additionalHeaders, httpRequestTimeout, requestInterval, writeBatchSize and httpCompressionType,
     * with the activity's output dataset. Also takes a single Copy activity JSON. Options set on the endpoint win.
     */
    private String adfPipeline;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * The largest response body accepted, in bytes; a larger page fails the run with a clear error instead of
     * exhausting memory.
     */
    private Long maxResponseSize = 104857600L;

    /**
     * Retries of a request after a transient fault: 408, 429, 5xx (except 501 and 505), connection resets and
     * refusals, timeouts, empty or truncated responses. 0 disables.
     */
    private Integer maxRetries = 3;

    /**
     * The longest single wait before a retry. A Retry-After header asking for longer fails the run at once instead
     * of blocking the route. A duration.
     */
    private String maxRetryWait = "00:02:00";

    /**
     * The longest time without a byte while reading a response body, after its headers arrived (httpRequestTimeout
     * bounds the wait for the headers). A duration.
     */
    private String readTimeout = "00:05:00";

    /**
     * The longest one request may take, from sending it to the last byte of its body (redirects each count anew); a
     * request still running then is cancelled and counts as a timeout (retried within maxRetries). Bounds a server
     * that trickles its answer a byte at a time, which per-read timeouts do not. A duration; 0 for no limit.
     */
    private String callTimeout = "00:30:00";

    /**
     * Fail a resumed run whose first request (the saved position) is answered with a client error that is not
     * retried (400, 403, 404, 410, ...: an expired cursor or signed link) instead of starting it again from page 1
     * with a WARN naming the status.
     */
    private Boolean failOnStaleResume = false;

    /**
     * A Camel HeaderFilterStrategy (#bean) deciding which response headers become top-level exchange headers. By
     * default only a safe set does (Content-Type, ETag, Last-Modified, Link, Date, Retry-After, RateLimit-*,
     * X-RateLimit-*, request and correlation ids), so that an API cannot set headers a sink acts on (CamelFileName,
     * kafka.OVERRIDE_TOPIC, Authorization); all of them are always in the CamelAdfRestResponseHeaders map. The option
     * is a org.apache.camel.spi.HeaderFilterStrategy type.
     */
    private HeaderFilterStrategy headerFilterStrategy;

    /**
     * The first backoff before a retry; it doubles on each retry, with jitter. A duration.
     */
    private String retryDelay = "1s";

    /**
     * Retry POST requests after any transient fault. A POST (or a PATCH batch) is retried on 429 and 503 (the API
     * says it did not take it) and on a refused connection anyway, and after other faults (a reset, a timeout, another
     * 5xx, when the API may have taken it) only with retryPost=true: for the consumer only for APIs where the POST
     * only reads (searches, queries). PUT batches are retried like GET requests.
     */
    private Boolean retryPost = false;

    /**
     * The directory for pages over spoolThreshold; the JVM's temporary directory (java.io.tmpdir) when not set.
     * Created if missing.
     */
    private String spoolDirectory;

    /**
     * A page larger than this many bytes is never held in memory: it streams to a temporary file in spoolDirectory
     * while its JSON is checked and the pagination values are read, and the exchange body streams from that file,
     * which is deleted when the exchange completes. Converting such a body to String, byte or JsonNode loads it
     * whole. Not applied with collectionReference or translator: mapping needs the page in memory.
     */
    private Long spoolThreshold = 16777216L;

    /**
     * A Camel StateRepository (e.g. #fileStateRepository: a FileStateRepository survives restarts) in which the
     * consumer records, after each page the route processed, where the run stands (no credential, no
     * additionalHeaders value, no request body the endpoint has). A run that failed or was
     * interrupted resumes at the first page not processed; a run that ended normally starts afresh. One entry per
     * route id: give the route an id. The option is a org.apache.camel.spi.StateRepository<java.lang.String,
     * java.lang.String> type.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * Incremental copy: the JSONPath of each record's watermark ($.updatedAt, $.id), read in each record (the
     * elements of collectionReference or of the translator's collection; without either, the elements of a page that
     * is a top-level array, else the page itself as one record). Records without the field do not count. The highest
     * value of a run that completes is saved in stateRepository (required), under route id#watermark; the next run
     * puts it where the request has {watermark} (relativeUrl, query parameters, additionalHeaders, requestBody) and in
     * header CamelAdfRestWatermark. A run that fails or is interrupted saves nothing, and resumes with the value it
     * started with. Numbers compare as numbers, ISO-8601 date-times as instants (without an offset: as UTC), dates as
     * dates, other values as strings. Not with partitions.
     */
    private String watermarkPath;

    /**
     * The watermark of the first run, until a run completes and saves one: a number, an ISO-8601 date-time or date,
     * or any string (e.g. 1970-01-01T00:00:00Z, or 0). Required when the request has {watermark}. Its kind is the
     * watermark's: values of another kind in the records do not count (logged at WARN).
     */
    private String watermarkInitialValue;

    /**
     * Moves the saved watermark back before a run asks from it, to read again records written late: a number for
     * number watermarks (100), a duration for date-times (00:05:00, 5m, PT5M), whole days for dates (P1D). Not
     * applied to watermarkInitialValue. A lag that does not fit the values is refused. Records in the overlap are
     * delivered again.
     */
    private String watermarkLag;

    /**
     * The JSONPath of the array of records in a page (ADF translator 'collectionReference'): $.data, $'value', or $
     * for a page that is a top-level array. The body becomes the page's records as a List of Jackson JsonNode (still
     * one exchange per page), with header CamelAdfRestRecordCount. With a translator, the array its rows cross-
     * apply. Missing or null means no records; a single object is one record.
     */
    private String collectionReference;

    /**
     * Skip rows with a value that does not convert to its column's type (ADF copy activity
     * 'enableSkipIncompatibleRow'), instead of failing the run. Each skipped row is logged at WARN with its page and
     * row number, column and value; header CamelAdfRestSkippedRowCount counts them per page.
     */
    private Boolean enableSkipIncompatibleRow = false;

    /**
     * ADF's copy activity 'translator' (a TabularTranslator): inline JSON (in RAW(...)), a file: or classpath:
     * resource, or a #bean (a JSON String, Jackson JsonNode or Map). The body becomes the page's rows as a List of
     * Map (LinkedHashMap in mapping order): one row per element of the collectionReference, root fields ($...)
     * repeated on each. Mappings take source path (relative to the element, or absolute from $) or name, sink name
     * and type (ADF interim types become Java types: Int32 Integer, Decimal BigDecimal, DateTime LocalDateTime,
     * DateTimeOffset OffsetDateTime, Guid UUID, TimeSpan Duration, Byte byte...); typeConversion and
     * typeConversionSettings apply as in ADF. Without mappings, each record's top-level fields by name (ADF's
     * default mapping).
     */
    private String translator;

    /**
     * AadServicePrincipal, ManagedServiceIdentity and tokenCredential: the resource the token is for, such as
     * https://management.core.windows.net (ADF 'aadResourceId'). The token is requested for its /.default scope.
     */
    private String aadResourceId;

    /**
     * Send credentials (Authorization, authHeaders, cookies, additionalHeaders and query parameters whose names look
     * like credentials) and the request body also to next links and redirects on another scheme, host or port than
     * the base URL.
     */
    private Boolean allowCrossOriginCredentials = false;

    /**
     * Where next links, RFC 5988 links and redirects may lead besides the base URL's host and port: comma-separated
     * entries host (on the default port of its scheme, 443 or 80), host:port, *.example.com (any subdomain),
     * [::1]:8080, http://host (plain http from an https base URL), or * for any host and port, as ADF does. Anything
     * else fails the run naming the target. Internal addresses (loopback, link-local such as 169.254.169.254,
     * private, unique local), also when a name resolves to one, are reached only by the base URL's host and hosts an
     * entry names (not by *). Empty: the base URL's host and port only.
     */
    private String allowedHosts;

    /**
     * The ADF authentication type of the linked service: Anonymous, Basic, AadServicePrincipal (Microsoft Entra ID
     * service principal, key or certificate), ManagedServiceIdentity (the managed identity of the Azure host) or
     * OAuth2ClientCredential (any OAuth 2.0 token endpoint). Token types sign in before the first request and send
     * Authorization: Bearer; authHeaders apply with every type.
     */
    private String authenticationType = "Anonymous";

    /**
     * HTTP request headers for authentication (ADF linked service 'authHeaders'), such as an API key: a JSON object,
     * entries prefixed with 'authHeaders.', or a Map bean. Secret: sent only to the base URL's origin, never logged.
     * One property per header, its name in brackets (which keep case and dots):
     * camel.component.adfrest.auth-headers[x-api-key]=...
     */
    private Map<String, String> authHeaders;

    /**
     * AadServicePrincipal: the sign-in host (https), overriding the one azureCloudType selects; for private clouds,
     * proxies and tests.
     */
    private String authorityHost;

    /**
     * AadServicePrincipal: the Azure cloud the application is registered in (ADF 'azureCloudType'); selects the
     * sign-in host unless authorityHost is set.
     */
    private String azureCloudType = "AzurePublic";

    /**
     * OAuth2ClientCredential: the client ID (ADF 'clientId').
     */
    private String clientId;

    /**
     * OAuth2ClientCredential: the client secret (ADF 'clientSecret'). Sent in the request body (client_secret_post);
     * if the server rejects the client, once more with HTTP Basic (client_secret_basic).
     */
    private String clientSecret;

    /**
     * Validate the server's TLS certificate and host name (ADF 'enableServerCertificateValidation'). false accepts
     * any certificate.
     */
    private Boolean enableServerCertificateValidation = true;

    /**
     * ManagedServiceIdentity: the client ID of a user-assigned managed identity (ADF's 'credential'). Unset: the
     * host's system-assigned identity.
     */
    private String managedIdentityClientId;

    /**
     * ManagedServiceIdentity: the URL to request tokens from instead of the platform's identity endpoint (requests
     * keep the Azure Instance Metadata Service shape); for proxies and tests.
     */
    private String managedIdentityEndpoint;

    /**
     * The password for Basic authentication.
     */
    private String password;

    /**
     * OAuth2ClientCredential: the resource (target service) to request the token for (ADF 'resource'). Optional.
     */
    private String resource;

    /**
     * OAuth2ClientCredential: the scope to request, space-separated (ADF 'scope'). Optional.
     */
    private String scope;

    /**
     * AadServicePrincipal: sign in with the key (servicePrincipalKey) or a certificate
     * (servicePrincipalEmbeddedCert) (ADF 'servicePrincipalCredentialType').
     */
    private String servicePrincipalCredentialType = "ServicePrincipalKey";

    /**
     * AadServicePrincipal with ServicePrincipalCert: the certificate with its private key (ADF
     * 'servicePrincipalEmbeddedCert'): a PKCS#12 (PFX) file or a PEM text (certificate and unencrypted PKCS#8 RSA
     * key), given base64-encoded inline (use RAW(...) in a URI) or as a Camel resource such as
     * file:/etc/keys/app.pfx or classpath:app.pem.
     */
    private String servicePrincipalEmbeddedCert;

    /**
     * AadServicePrincipal with ServicePrincipalCert: the password of the PFX certificate, if it has one (ADF
     * 'servicePrincipalEmbeddedCertPassword').
     */
    private String servicePrincipalEmbeddedCertPassword;

    /**
     * AadServicePrincipal: the application (client) ID of the Microsoft Entra ID service principal (ADF
     * 'servicePrincipalId').
     */
    private String servicePrincipalId;

    /**
     * AadServicePrincipal with servicePrincipalCredentialType=ServicePrincipalKey: the application's client secret
     * (ADF 'servicePrincipalKey').
     */
    private String servicePrincipalKey;

    /**
     * Camel SSLContextParameters for custom trust or client certificates. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * AadServicePrincipal: the tenant (directory) ID or domain name, such as contoso.onmicrosoft.com, under which
     * the application is registered (ADF 'tenant').
     */
    private String tenant;

    /**
     * An Azure TokenCredential bean (#name) to sign in with, for credentials the options cannot express (workload
     * identity, Azure CLI, a chain). Used with authenticationType AadServicePrincipal or ManagedServiceIdentity
     * instead of the credential those options build; aadResourceId names the resource. The option is a
     * com.azure.core.credential.TokenCredential type.
     */
    private TokenCredential tokenCredential;

    /**
     * OAuth2ClientCredential: the token endpoint URL of the authorization server (ADF 'tokenEndpoint').
     */
    private String tokenEndpoint;

    /**
     * The user name for Basic authentication.
     */
    private String userName;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * The host of an HTTP proxy for every request: the API's and sign-in (Azure, OAuth2). https goes through it in a
     * CONNECT tunnel: the proxy sees the host and port, not the request. Managed identity endpoints, which are local
     * to the Azure host, are always reached directly.
     */
    private String proxyHost;

    /**
     * The port of the proxy; required with proxyHost.
     */
    private Integer proxyPort;

    /**
     * The user name to give the proxy when it asks (HTTP 407; Basic, Digest). Never sent to the API.
     */
    private String proxyAuthUsername;

    /**
     * The password to give the proxy when it asks. Java's HTTP client, which signs in, gives Basic credentials to a
     * proxy for an https host only when the JVM runs with -Djdk.http.auth.tunneling.disabledSchemes= (empty).
     */
    private String proxyAuthPassword;

    /**
     * Hosts reached without the proxy, separated by or comma: api.internal.example.com, .internal.example.com, 10.
     * (the JVM's http.nonProxyHosts syntax).
     */
    private String nonProxyHosts;

    /**
     * Without proxyHost, use the JVM's standard proxy properties (http.proxyHost, https.proxyHost, their proxyPort,
     * http.nonProxyHosts, and http(s).proxyUser and http(s).proxyPassword for a proxy that asks) for the API and sign-
     * in, and the JVM's TLS properties https.protocols and https.cipherSuites for the API (javax.net.ssl. always
     * apply). false: no proxy unless proxyHost is set, whatever the JVM says.
     */
    private Boolean useSystemProperties = false;

    /**
     * A dev.adfrest.camel.http.HttpClientConfigurer bean (#name) called with the Apache HttpClient 5 HttpClientBuilder
     * of the endpoint before the client is built: add tracing (OpenTelemetry) or metrics (Micrometer) instrumentation,
     * or request interceptors. The option is a dev.adfrest.camel.http.HttpClientConfigurer type.
     */
    private HttpClientConfigurer httpClientConfigurer;

    public Map<String, String> getAdditionalHeaders() {
        return additionalHeaders;
    }

    public void setAdditionalHeaders(Map<String, String> additionalHeaders) {
        this.additionalHeaders = additionalHeaders;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public AdfRestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AdfRestConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getAllowRepeatedRequests() {
        return allowRepeatedRequests;
    }

    public void setAllowRepeatedRequests(Boolean allowRepeatedRequests) {
        this.allowRepeatedRequests = allowRepeatedRequests;
    }

    public Boolean getFailOnRepeatedRequest() {
        return failOnRepeatedRequest;
    }

    public void setFailOnRepeatedRequest(Boolean failOnRepeatedRequest) {
        this.failOnRepeatedRequest = failOnRepeatedRequest;
    }

    public String getHttpRequestTimeout() {
        return httpRequestTimeout;
    }

    public void setHttpRequestTimeout(String httpRequestTimeout) {
        this.httpRequestTimeout = httpRequestTimeout;
    }

    public Boolean getKeepQueryParameters() {
        return keepQueryParameters;
    }

    public void setKeepQueryParameters(Boolean keepQueryParameters) {
        this.keepQueryParameters = keepQueryParameters;
    }

    public Map<String, String> getPaginationRules() {
        return paginationRules;
    }

    public void setPaginationRules(Map<String, String> paginationRules) {
        this.paginationRules = paginationRules;
    }

    public Integer getPartitions() {
        return partitions;
    }

    public void setPartitions(Integer partitions) {
        this.partitions = partitions;
    }

    public Integer getPartition() {
        return partition;
    }

    public void setPartition(Integer partition) {
        this.partition = partition;
    }

    public Integer getParallelRequests() {
        return parallelRequests;
    }

    public void setParallelRequests(Integer parallelRequests) {
        this.parallelRequests = parallelRequests;
    }

    public String getRelativeUrl() {
        return relativeUrl;
    }

    public void setRelativeUrl(String relativeUrl) {
        this.relativeUrl = relativeUrl;
    }

    public String getRequestBody() {
        return requestBody;
    }

    public void setRequestBody(String requestBody) {
        this.requestBody = requestBody;
    }

    public String getRequestInterval() {
        return requestInterval;
    }

    public void setRequestInterval(String requestInterval) {
        this.requestInterval = requestInterval;
    }

    public String getRequestMethod() {
        return requestMethod;
    }

    public void setRequestMethod(String requestMethod) {
        this.requestMethod = requestMethod;
    }

    public String getAdfActivity() {
        return adfActivity;
    }

    public void setAdfActivity(String adfActivity) {
        this.adfActivity = adfActivity;
    }

    public String getAdfDataset() {
        return adfDataset;
    }

    public void setAdfDataset(String adfDataset) {
        this.adfDataset = adfDataset;
    }

    public String getAdfLinkedService() {
        return adfLinkedService;
    }

    public void setAdfLinkedService(String adfLinkedService) {
        this.adfLinkedService = adfLinkedService;
    }

    public String getAdfPipeline() {
        return adfPipeline;
    }

    public void setAdfPipeline(String adfPipeline) {
        this.adfPipeline = adfPipeline;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(Long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(String maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public String getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(String readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(String retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Boolean getRetryPost() {
        return retryPost;
    }

    public void setRetryPost(Boolean retryPost) {
        this.retryPost = retryPost;
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    public Long getSpoolThreshold() {
        return spoolThreshold;
    }

    public void setSpoolThreshold(Long spoolThreshold) {
        this.spoolThreshold = spoolThreshold;
    }

    public String getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(String callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Boolean getFailOnStaleResume() {
        return failOnStaleResume;
    }

    public void setFailOnStaleResume(Boolean failOnStaleResume) {
        this.failOnStaleResume = failOnStaleResume;
    }

    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getWatermarkPath() {
        return watermarkPath;
    }

    public void setWatermarkPath(String watermarkPath) {
        this.watermarkPath = watermarkPath;
    }

    public String getWatermarkInitialValue() {
        return watermarkInitialValue;
    }

    public void setWatermarkInitialValue(String watermarkInitialValue) {
        this.watermarkInitialValue = watermarkInitialValue;
    }

    public String getWatermarkLag() {
        return watermarkLag;
    }

    public void setWatermarkLag(String watermarkLag) {
        this.watermarkLag = watermarkLag;
    }

    public String getCollectionReference() {
        return collectionReference;
    }

    public void setCollectionReference(String collectionReference) {
        this.collectionReference = collectionReference;
    }

    public Boolean getEnableSkipIncompatibleRow() {
        return enableSkipIncompatibleRow;
    }

    public void setEnableSkipIncompatibleRow(Boolean enableSkipIncompatibleRow) {
        this.enableSkipIncompatibleRow = enableSkipIncompatibleRow;
    }

    public String getTranslator() {
        return translator;
    }

    public void setTranslator(String translator) {
        this.translator = translator;
    }

    public String getAadResourceId() {
        return aadResourceId;
    }

    public void setAadResourceId(String aadResourceId) {
        this.aadResourceId = aadResourceId;
    }

    public Boolean getAllowCrossOriginCredentials() {
        return allowCrossOriginCredentials;
    }

    public void setAllowCrossOriginCredentials(Boolean allowCrossOriginCredentials) {
        this.allowCrossOriginCredentials = allowCrossOriginCredentials;
    }

    public String getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(String allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public String getAuthenticationType() {
        return authenticationType;
    }

    public void setAuthenticationType(String authenticationType) {
        this.authenticationType = authenticationType;
    }

    public Map<String, String> getAuthHeaders() {
        return authHeaders;
    }

    public void setAuthHeaders(Map<String, String> authHeaders) {
        this.authHeaders = authHeaders;
    }

    public String getAuthorityHost() {
        return authorityHost;
    }

    public void setAuthorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
    }

    public String getAzureCloudType() {
        return azureCloudType;
    }

    public void setAzureCloudType(String azureCloudType) {
        this.azureCloudType = azureCloudType;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public Boolean getEnableServerCertificateValidation() {
        return enableServerCertificateValidation;
    }

    public void setEnableServerCertificateValidation(Boolean enableServerCertificateValidation) {
        this.enableServerCertificateValidation = enableServerCertificateValidation;
    }

    public String getManagedIdentityClientId() {
        return managedIdentityClientId;
    }

    public void setManagedIdentityClientId(String managedIdentityClientId) {
        this.managedIdentityClientId = managedIdentityClientId;
    }

    public String getManagedIdentityEndpoint() {
        return managedIdentityEndpoint;
    }

    public void setManagedIdentityEndpoint(String managedIdentityEndpoint) {
        this.managedIdentityEndpoint = managedIdentityEndpoint;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getServicePrincipalCredentialType() {
        return servicePrincipalCredentialType;
    }

    public void setServicePrincipalCredentialType(String servicePrincipalCredentialType) {
        this.servicePrincipalCredentialType = servicePrincipalCredentialType;
    }

    public String getServicePrincipalEmbeddedCert() {
        return servicePrincipalEmbeddedCert;
    }

    public void setServicePrincipalEmbeddedCert(String servicePrincipalEmbeddedCert) {
        this.servicePrincipalEmbeddedCert = servicePrincipalEmbeddedCert;
    }

    public String getServicePrincipalEmbeddedCertPassword() {
        return servicePrincipalEmbeddedCertPassword;
    }

    public void setServicePrincipalEmbeddedCertPassword(String servicePrincipalEmbeddedCertPassword) {
        this.servicePrincipalEmbeddedCertPassword = servicePrincipalEmbeddedCertPassword;
    }

    public String getServicePrincipalId() {
        return servicePrincipalId;
    }

    public void setServicePrincipalId(String servicePrincipalId) {
        this.servicePrincipalId = servicePrincipalId;
    }

    public String getServicePrincipalKey() {
        return servicePrincipalKey;
    }

    public void setServicePrincipalKey(String servicePrincipalKey) {
        this.servicePrincipalKey = servicePrincipalKey;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public TokenCredential getTokenCredential() {
        return tokenCredential;
    }

    public void setTokenCredential(TokenCredential tokenCredential) {
        this.tokenCredential = tokenCredential;
    }

    public String getTokenEndpoint() {
        return tokenEndpoint;
    }

    public void setTokenEndpoint(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public Boolean getUseSystemProperties() {
        return useSystemProperties;
    }

    public void setUseSystemProperties(Boolean useSystemProperties) {
        this.useSystemProperties = useSystemProperties;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public Integer getWriteBatchSize() {
        return writeBatchSize;
    }

    public void setWriteBatchSize(Integer writeBatchSize) {
        this.writeBatchSize = writeBatchSize;
    }

    public String getHttpCompressionType() {
        return httpCompressionType;
    }

    public void setHttpCompressionType(String httpCompressionType) {
        this.httpCompressionType = httpCompressionType;
    }
}
