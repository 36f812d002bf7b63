package dev.adfrest.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adfrest.camel.adf.AdfImport;
import dev.adfrest.camel.adf.AdfOrigins;
import dev.adfrest.camel.support.Masking;
import dev.adfrest.camel.support.OptionMaps;
import dev.adfrest.camel.support.OptionNames;
import dev.adfrest.camel.support.SecretNames;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;

/**
 * The {@code adfrest:} component. Its configuration is a shared ADF linked service: every endpoint starts from a copy
 * and overrides what its URI sets. Its consumers and producers report readiness to Camel's health checks
 * ({@code healthCheckConsumerEnabled}, {@code healthCheckProducerEnabled}).
 */
@Component("adfrest")
public class AdfRestComponent extends HealthCheckComponent {

    /** Map options: name and whether its values are secret. */
    static final Map<String, Boolean> MAP_OPTIONS = Map.of(
            "additionalHeaders", false,
            "paginationRules", false,
            "authHeaders", true);

    static {
        // Camel's own messages about our URIs (its wrapper of ResolveEndpointFailedException, ...) mask by keyword only
        // (and additionalHeaders: some of them are credentials)
        URISupport.addSanitizeKeywords(String.join(",", AdfRestConfiguration.SECRETS.names()) + ",additionalHeaders");
    }

    @Metadata(description = "Shared configuration: the options every endpoint starts from (an ADF linked service).")
    private AdfRestConfiguration configuration = new AdfRestConfiguration();

    public AdfRestComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String shownUri = maskedUri(uri, parameters, this::isOption);
        List<String> secrets = secretParameterValues(parameters, this::isOption);
        AdfOrigins imported = AdfOrigins.NONE;
        try {
            AdfRestConfiguration config = configuration.copy();
            config.setBaseUrl(remaining);
            imported = AdfImport.apply(getCamelContext(), config, parameters, this::isOption, secrets); // the URI wins
            bindMapOptions(config, parameters);
            AdfRestEndpoint endpoint = new AdfRestEndpoint(shownUri, this, config);
            endpoint.imported(imported);
            setProperties(endpoint, parameters);
            refuseNearMisses(parameters.keySet());
            // what is left is not ours: ADF sends it to the REST API as query parameters
            endpoint.configureSource(new LinkedHashMap<>(parameters));
            parameters.clear();
            return endpoint;
        } catch (ResolveEndpointFailedException e) {
            throw e;
        } catch (Exception e) {
            // a bad imported value is named with the file and property it came from
            String reason = Masking.of(secrets).scrub(imported.explain(e.getMessage()));
            throw new ResolveEndpointFailedException(shownUri, reason);
        }
    }

    /**
     * A parameter left over after binding goes to the API; one that is a near miss of an option ({@code clientSecrte})
     * is refused instead, so that a misspelt secret never travels in a URL and a misspelt option is not silently
     * ignored.
     */
    private void refuseNearMisses(java.util.Set<String> leftOver) {
        org.apache.camel.spi.EndpointUriFactory factory = PluginHelper.getUriFactoryResolver(getCamelContext())
                .resolveFactory("adfrest", getCamelContext());
        if (factory == null) {
            return;
        }
        java.util.Set<String> options = factory.propertyNames();
        for (String name : leftOver) {
            int dot = name.indexOf('.');
            String head = dot > 0 ? name.substring(0, dot) : name;
            String option = dot > 0 ? OptionNames.nearMiss(head, MAP_OPTIONS.keySet()) : OptionNames.nearMiss(name, options);
            if (option != null) {
                throw new IllegalArgumentException("Unknown option '" + head + "': did you mean '" + option + "'? (A"
                                                   + " query parameter adfrest does not know is sent to the API; to"
                                                   + " send one named like an option, put it in relativeUrl's query"
                                                   + " string)");
            }
        }
    }

    /** Map options arrive as a JSON string, a #bean reference, a Map, and/or prefixed entries. */
    private void bindMapOptions(AdfRestConfiguration config, Map<String, Object> parameters) {
        MAP_OPTIONS.forEach((name, secret) -> {
            Object whole = parameters.remove(name);
            if (whole instanceof String text && text.contains("{{")) {
                // a placeholder Camel leaves to the binding, e.g. a Kamelet's {{?authHeaders}}: null when not given
                whole = getCamelContext().resolvePropertyPlaceholders(text);
            }
            Map<String, Object> prefixed = PropertiesHelper.extractProperties(parameters, name + ".");
            if (whole == null && prefixed.isEmpty()) {
                return;
            }
            if (whole instanceof String ref && ref.startsWith("#")) {
                whole = EndpointHelper.resolveReferenceParameter(getCamelContext(), ref, Map.class);
            }
            Map<String, String> value = OptionMaps.toMap(name, whole, secret);
            value.putAll(OptionMaps.toMap(name, prefixed, secret));
            switch (name) {
                case "additionalHeaders" -> config.setAdditionalHeaders(value);
                case "paginationRules" -> config.setPaginationRules(value);
                case "authHeaders" -> config.setAuthHeaders(value);
                default -> throw new IllegalStateException(name);
            }
        });
    }

    /**
     * The values to keep out of messages: secret options, additionalHeaders (some are credentials) and query parameters
     * for the API whose names look like credentials.
     */
    private static List<String> secretParameterValues(Map<String, Object> parameters,
                                                      java.util.function.Predicate<String> isOption) {
        List<String> values = new ArrayList<>();
        parameters.forEach((k, v) -> {
            boolean secretHeader = k.startsWith("additionalHeaders.") && SecretNames.looksSecret(k.substring(18));
            if (v != null && (isSecretParameter(k) || secretHeader || !isOption.test(k) && looksSecret(k))) {
                values.add(v.toString());
                if (v instanceof String s && s.trim().startsWith("{")) {
                    try {
                        values.addAll(OptionMaps.toMap(k, s, true).values());
                    } catch (IllegalArgumentException ignored) {
                        // malformed JSON: the whole value is already listed
                    }
                }
            } else if (k.equals("additionalHeaders") && v instanceof String s && s.trim().startsWith("{")) {
                try {
                    OptionMaps.toMap(k, s, false).forEach((name, value) -> {
                        if (SecretNames.looksSecret(name) && value != null) {
                            values.add(value);
                        }
                    });
                } catch (IllegalArgumentException ignored) {
                    // malformed JSON: the option's own check reports it
                }
            }
        });
        return values;
    }

    static boolean isSecretParameter(String name) {
        return AdfRestConfiguration.SECRETS.isSecret(name);
    }

    /** The endpoint URI as users see it (logs, JMX, route dumps): secret option values masked. */
    static String maskedUri(String uri, Map<String, Object> parameters, java.util.function.Predicate<String> isOption) {
        int q = uri.indexOf('?');
        String base = q < 0 ? uri : uri.substring(0, q);
        if (parameters.isEmpty()) {
            return Masking.maskUrl(base);
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        parameters.forEach((k, v) -> shown.put(k, isSecretParameter(k) || !isOption.test(k) && looksSecret(k)
                ? Masking.MASK : k.equals("additionalHeaders") ? maskedHeaders(v) : v));
        return Masking.maskUrl(base) + "?" + URISupport.createQueryString(shown);
    }

    /** A parameter for the API named like a credential, or a misspelt secret option (clientSecrte). */
    private static boolean looksSecret(String parameter) {
        return SecretNames.looksSecret(parameter)
               || OptionNames.nearMiss(parameter, AdfRestConfiguration.SECRETS.names()) != null;
    }

    /** additionalHeaders as JSON, with the values of credential-like entries masked. */
    private static Object maskedHeaders(Object value) {
        if (!(value instanceof String json) || !json.trim().startsWith("{")) {
            return value;
        }
        try {
            Map<String, String> headers = OptionMaps.toMap("additionalHeaders", json, true);
            Map<String, String> shown = new LinkedHashMap<>();
            headers.forEach((name, v) -> shown.put(name, SecretNames.looksSecret(name) ? Masking.MASK : v));
            return dev.adfrest.camel.support.Json.MAPPER.writeValueAsString(shown);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return Masking.MASK; // unreadable: it may hold anything
        }
    }

    private boolean isOption(String name) {
        if (getEndpointPropertyConfigurer() instanceof PropertyConfigurerGetter getter) {
            return getter.getOptionType(name, true) != null;
        }
        return false;
    }

    public AdfRestConfiguration getConfiguration() {
        return configuration;
    }

    /** Shared configuration: the options every endpoint starts from (an ADF linked service). */
    public void setConfiguration(AdfRestConfiguration configuration) {
        this.configuration = configuration;
    }
}
