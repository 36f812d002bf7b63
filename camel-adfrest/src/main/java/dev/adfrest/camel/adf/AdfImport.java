package dev.adfrest.camel.adf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.AdfRestConfiguration;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports ADF definitions into an endpoint: a RestService linked service, a RestResource dataset and a pipeline's Copy
 * activity become endpoint options of the same names. Options the endpoint URI sets win; options set on the component
 * are overridden by the definitions. Definitions come as ADF's code view and Git integration write them, or from an
 * ARM template ({@code file:ARMTemplateForFactory.json#<name>}); from a template, the dataset and linked service a
 * pipeline's Copy activity refers to are taken from the same template unless their options are set.
 */
public final class AdfImport {

    private static final Logger LOG = LoggerFactory.getLogger(AdfImport.class);

    /** The linked service's url: the endpoint's base URL unless its path is an http(s) URL. */
    static final String BASE_URL = "baseUrl";

    private AdfImport() {
    }

    /**
     * Reads the definitions named by adfLinkedService, adfDataset, adfPipeline and adfActivity (from the URI, else
     * from the component's configuration) and adds their options to {@code parameters} where the URI does not set
     * them.
     *
     * @param  config                   the endpoint's configuration (a copy of the component's), its base URL set from
     *                                  the URI path
     * @param  parameters               the URI's options, before binding; gains the imported ones
     * @param  isOption                 whether the component has an option of that name
     * @param  secrets                  collects the imported secret values, to keep them out of messages
     * @return                          where the options taken from the definitions came from, for messages
     * @throws IllegalArgumentException naming the file, the property and what to do when a definition cannot be
     *                                  imported
     */
    public static AdfOrigins apply(CamelContext context, AdfRestConfiguration config, Map<String, Object> parameters,
                                   Predicate<String> isOption, List<String> secrets) {
        String ls = option(parameters, AdfKind.LINKED_SERVICE.option, config.getAdfLinkedService());
        String ds = option(parameters, AdfKind.DATASET.option, config.getAdfDataset());
        String pl = option(parameters, AdfKind.PIPELINE.option, config.getAdfPipeline());
        String activityName = option(parameters, "adfActivity", config.getAdfActivity());
        if (ls == null && ds == null && pl == null) {
            if (activityName != null) {
                throw new IllegalArgumentException("Option 'adfActivity' names an activity of adfPipeline, which is not"
                                                   + " set; set adfPipeline, or remove adfActivity");
            }
            return AdfOrigins.NONE;
        }
        Map<String, JsonNode> files = new HashMap<>();
        AdfDefinition activity = pl == null ? null
                : CopyActivityReader.find(AdfFile.read(context, AdfKind.PIPELINE.option, pl, files), activityName);
        Object operation = parameters.get("operation");
        AdfOrigins.Side side = activity == null ? null
                : CopyActivityReader.side(activity, operation == null ? null : operation.toString().trim());
        AdfDefinition dataset = ds != null
                ? AdfDefinition.entity(AdfKind.DATASET, AdfFile.read(context, AdfKind.DATASET.option, ds, files),
                        DatasetReader::isRest, "REST datasets (type RestResource)")
                : fromSameTemplate(activity, AdfKind.DATASET,
                        activity == null ? null : CopyActivityReader.dataset(activity, side));
        AdfDefinition linked = ls != null
                ? AdfDefinition.entity(AdfKind.LINKED_SERVICE,
                        AdfFile.read(context, AdfKind.LINKED_SERVICE.option, ls, files),
                        LinkedServiceReader::isRest, "REST linked services (type RestService)")
                : fromSameTemplate(dataset, AdfKind.LINKED_SERVICE,
                        dataset == null ? null : DatasetReader.linkedServiceName(dataset));

        ImportedOptions imported = new ImportedOptions();
        if (linked != null) {
            LinkedServiceReader.read(linked, imported);
        }
        if (dataset != null) {
            String uses = DatasetReader.linkedServiceName(dataset);
            if (linked == null && uses != null && !isHttpUrl(config.getBaseUrl())) {
                throw new IllegalArgumentException(dataset.describe() + " uses linked service '" + uses + "': set"
                                                   + " adfLinkedService to its JSON, or give the base URL as the"
                                                   + " endpoint path (adfrest:https://...)");
            }
            DatasetReader.read(dataset, linked, imported);
        }
        if (activity != null) {
            String named = CopyActivityReader.dataset(activity, side);
            String verb = side == AdfOrigins.Side.SOURCE ? "reads" : "writes to";
            if (named != null && dataset != null && dataset.name() != null && !named.equalsIgnoreCase(dataset.name())) {
                throw new IllegalArgumentException(activity.describe() + " " + verb + " dataset '" + named + "' ("
                                                   + activity.at(CopyActivityReader.datasetProperty(side))
                                                   + "), but adfDataset is " + dataset.describe()
                                                   + "; set adfDataset to '" + named + "'");
            }
            if (named != null && dataset == null && !parameters.containsKey("relativeUrl")) {
                throw new IllegalArgumentException(activity.describe() + " " + verb + " dataset '" + named + "': set"
                                                   + " adfDataset to its JSON (or relativeUrl on the endpoint)");
            }
            CopyActivityReader.read(activity, side, imported);
        }
        Map<String, ImportedOptions.Origin> used = merge(imported, config, parameters, isOption);
        warnWhenRulesOnlyStop(imported, parameters);
        secrets.addAll(imported.secrets());
        boolean otherSideRest = activity != null && (side == AdfOrigins.Side.SOURCE
                ? "RestSink".equals(activity.get("typeProperties.sink.type").asText(null))
                : "RestSource".equals(activity.get("typeProperties.source.type").asText(null)));
        return new AdfOrigins(used, side, activity == null ? null : activity.describe(), otherSideRest);
    }

    /**
     * The definition a pipeline's activity or a dataset refers to, when both live in the same ARM template; null
     * otherwise (then the option must name it).
     */
    private static AdfDefinition fromSameTemplate(AdfDefinition from, AdfKind kind, String name) {
        if (from == null || name == null || from.arm() == null || from.arm().find(kind, name) == null) {
            return null;
        }
        AdfDefinition d = AdfDefinition.entity(kind, from.file().refer(kind, name), r -> true, kind.noun);
        LOG.info("{}: its {} '{}' is taken from the same ARM template ({} is not set)", from.describe(), kind.noun,
                name, kind.option);
        return d;
    }

    /** @return the origins of the options (and map entries) the endpoint took from the definitions */
    private static Map<String, ImportedOptions.Origin> merge(ImportedOptions imported, AdfRestConfiguration config,
                                                            Map<String, Object> parameters, Predicate<String> isOption) {
        imported.refusals().forEach((option, message) -> {
            int dot = option.indexOf('.');
            boolean explicit = parameters.containsKey(option) || dot > 0 && parameters.containsKey(option.substring(0, dot))
                               || setOnComponent(config, option);
            if (!explicit) {
                throw new IllegalArgumentException(message);
            }
        });
        Map<String, ImportedOptions.Origin> used = new LinkedHashMap<>();
        imported.values().forEach((option, value) -> {
            if (BASE_URL.equals(option)) {
                if (!isHttpUrl(config.getBaseUrl())) {
                    config.setBaseUrl(value.toString());
                    used.put(option, imported.origins().get(option));
                }
                return;
            }
            if (!isOption.test(option)) {
                throw new IllegalArgumentException(imported.origin(option) + " sets option '" + option + "', which this"
                                                   + " version of adfrest does not have yet; remove the property, or"
                                                   + " give its meaning with the endpoint's options");
            }
            if (parameters.putIfAbsent(option, value) == null) { // a map the URI also sets by prefixed entries merges, the URI's win
                used.put(option, imported.origins().get(option));
                imported.origins().forEach((entry, origin) -> {
                    if (entry.startsWith(option + ".") && !parameters.containsKey(entry)) {
                        used.put(entry, origin);
                    }
                });
            }
        });
        return used;
    }

    /** Whether the component's own configuration gives an option that a definition could not (a secret, ...). */
    private static boolean setOnComponent(AdfRestConfiguration c, String option) {
        if (option.startsWith("authHeaders.")) {
            return c.getAuthHeaders().containsKey(option.substring("authHeaders.".length()));
        }
        return switch (option) {
            case BASE_URL -> isHttpUrl(c.getBaseUrl());
            case "password" -> c.getPassword() != null;
            case "servicePrincipalKey" -> c.getServicePrincipalKey() != null;
            case "servicePrincipalEmbeddedCert" -> c.getServicePrincipalEmbeddedCert() != null;
            case "servicePrincipalEmbeddedCertPassword" -> c.getServicePrincipalEmbeddedCertPassword() != null;
            case "clientSecret" -> c.getClientSecret() != null;
            case "managedIdentityClientId" -> c.getManagedIdentityClientId() != null;
            default -> false;
        };
    }

    /**
     * ADF sends the same request again when its pagination rules only stop a run (EndCondition, MaxRequestNumber);
     * adfrest does that only with allowRepeatedRequests, so an imported rule set like that is said out loud.
     */
    private static void warnWhenRulesOnlyStop(ImportedOptions imported, Map<String, Object> parameters) {
        if (!(imported.values().get("paginationRules") instanceof Map<?, ?> rules)
            || parameters.get("paginationRules") != rules || parameters.containsKey("allowRepeatedRequests")) {
            return;
        }
        Map<String, Object> effective = new LinkedHashMap<>();
        rules.forEach((k, v) -> effective.put(k.toString(), v));
        parameters.forEach((k, v) -> {
            if (k.startsWith("paginationRules.")) {
                effective.put(k.substring("paginationRules.".length()), v);
            }
        });
        boolean stops = false;
        for (Map.Entry<String, Object> rule : effective.entrySet()) {
            String key = rule.getKey().trim();
            if (key.startsWith("EndCondition:") || key.equals("MaxRequestNumber")) {
                stops = true;
            } else if (!key.equalsIgnoreCase("SupportRFC5988") || "true".equalsIgnoreCase(String.valueOf(rule.getValue()).trim())) {
                return; // a rule that says what the next request is
            }
        }
        if (stops) {
            LOG.warn("{}: these pagination rules only stop a run ({}). ADF sends the same request again until one of"
                     + " them holds; adfrest follows RFC 5988 Link headers and otherwise ends the run after the first"
                     + " page. For an API that answers the same request with the next page (a scroll), set"
                     + " allowRepeatedRequests=true; set allowRepeatedRequests=false to silence this warning",
                    imported.origin("paginationRules"), effective.keySet());
        }
    }

    private static String option(Map<String, Object> parameters, String name, String fallback) {
        Object v = parameters.get(name);
        String s = v != null ? v.toString() : fallback;
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean isHttpUrl(String url) {
        String u = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://");
    }
}
