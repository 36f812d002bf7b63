package dev.adfrest.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adfrest.camel.adf.AdfImport;
import dev.adfrest.camel.adf.AdfOrigins;
import dev.adfrest.camel.support.Masking;
import dev.adfrest.camel.support.OptionMaps;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;

/**
 * The {@code adfrest:} component. Its configuration is a shared ADF linked service: every endpoint starts from a copy
 * and overrides what its URI sets.
 */
@Component("adfrest")
public class AdfRestComponent extends DefaultComponent {

    /** Map options: name and whether its values are secret. */
    static final Map<String, Boolean> MAP_OPTIONS = Map.of(
            "additionalHeaders", false,
            "paginationRules", false,
            "authHeaders", true);

    static {
        // Camel's own messages about our URIs (its wrapper of ResolveEndpointFailedException, ...) mask by keyword only
        URISupport.addSanitizeKeywords(String.join(",", AdfRestConfiguration.SECRETS.names()));
    }

    @Metadata(description = "Shared configuration: the options every endpoint starts from (an ADF linked service).")
    private AdfRestConfiguration configuration = new AdfRestConfiguration();

    public AdfRestComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String shownUri = maskedUri(uri, parameters, this::isOption);
        List<String> secrets = secretParameterValues(parameters);
        AdfOrigins imported = AdfOrigins.NONE;
        try {
            AdfRestConfiguration config = configuration.copy();
            config.setBaseUrl(remaining);
            imported = AdfImport.apply(getCamelContext(), config, parameters, this::isOption, secrets); // the URI wins
            bindMapOptions(config, parameters);
            AdfRestEndpoint endpoint = new AdfRestEndpoint(shownUri, this, config);
            setProperties(endpoint, parameters);
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

    private static List<String> secretParameterValues(Map<String, Object> parameters) {
        List<String> values = new ArrayList<>();
        parameters.forEach((k, v) -> {
            if (v != null && isSecretParameter(k)) {
                values.add(v.toString());
                if (v instanceof String s && s.trim().startsWith("{")) {
                    try {
                        values.addAll(OptionMaps.toMap(k, s, true).values());
                    } catch (IllegalArgumentException ignored) {
                        // malformed JSON: the whole value is already listed
                    }
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
        parameters.forEach((k, v) -> shown.put(k, isSecretParameter(k) || !isOption.test(k) && Masking.isSensitiveName(k)
                ? Masking.MASK : v));
        return Masking.maskUrl(base) + "?" + URISupport.createQueryString(shown);
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
