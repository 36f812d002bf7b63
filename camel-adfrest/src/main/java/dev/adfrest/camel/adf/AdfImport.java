package dev.adfrest.camel.adf;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.adfrest.camel.AdfRestConfiguration;
import org.apache.camel.CamelContext;

/**
 * Imports ADF definitions into an endpoint: a RestService linked service, a RestResource dataset and a pipeline's Copy
 * activity become endpoint options of the same names. Options the endpoint URI sets win; options set on the component
 * are overridden by the definitions.
 */
public final class AdfImport {

    /** The linked service's url: the endpoint's base URL unless its path is an http(s) URL. */
    static final String BASE_URL = "baseUrl";

    private AdfImport() {
    }

    /**
     * Reads the definitions named by adfLinkedService, adfDataset, adfPipeline and adfActivity (from the URI, else
     * from the component's configuration) and adds their options to {@code parameters} where the URI does not set
     * them.
     *
     * @param  config                   the endpoint's configuration, its base URL set from the URI path
     * @param  parameters               the URI's options, before binding; gains the imported ones
     * @param  isOption                 whether the component has an option of that name
     * @param  secrets                  collects the imported secret values, to keep them out of messages
     * @throws IllegalArgumentException naming the definition and property that cannot be imported
     */
    public static void apply(CamelContext context, AdfRestConfiguration config, Map<String, Object> parameters,
                             Predicate<String> isOption, List<String> secrets) {
        String ls = option(parameters, "adfLinkedService", config.getAdfLinkedService());
        String ds = option(parameters, "adfDataset", config.getAdfDataset());
        String pl = option(parameters, "adfPipeline", config.getAdfPipeline());
        String activityName = option(parameters, "adfActivity", config.getAdfActivity());
        if (ls == null && ds == null && pl == null) {
            if (activityName != null) {
                throw new IllegalArgumentException("Option 'adfActivity' names an activity of adfPipeline, which is not set");
            }
            return;
        }
        AdfDefinition linked = ls == null ? null
                : AdfDefinition.entity("linked service", ls, AdfJson.read(context, "adfLinkedService", ls));
        AdfDefinition dataset = ds == null ? null
                : AdfDefinition.entity("dataset", ds, AdfJson.read(context, "adfDataset", ds));
        AdfDefinition activity = pl == null ? null
                : CopyActivityReader.find(pl, AdfJson.read(context, "adfPipeline", pl), activityName);

        ImportedOptions imported = new ImportedOptions(context::resolvePropertyPlaceholders);
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
            String input = CopyActivityReader.inputDataset(activity);
            if (input != null && dataset != null && dataset.name() != null && !input.equals(dataset.name())) {
                throw new IllegalArgumentException(activity.describe() + " reads dataset '" + input + "', but adfDataset"
                                                   + " is " + dataset.describe());
            }
            if (input != null && dataset == null && !parameters.containsKey("relativeUrl")) {
                throw new IllegalArgumentException(activity.describe() + " reads dataset '" + input + "': set"
                                                   + " adfDataset to its JSON (or relativeUrl on the endpoint)");
            }
            CopyActivityReader.read(activity, imported);
        }
        merge(imported, config, parameters, isOption);
        secrets.addAll(imported.secrets());
    }

    private static void merge(ImportedOptions imported, AdfRestConfiguration config, Map<String, Object> parameters,
                              Predicate<String> isOption) {
        imported.refusals().forEach((option, message) -> {
            int dot = option.indexOf('.');
            boolean explicit = parameters.containsKey(option) || dot > 0 && parameters.containsKey(option.substring(0, dot));
            if (!explicit) {
                throw new IllegalArgumentException(message);
            }
        });
        imported.values().forEach((option, value) -> {
            if (BASE_URL.equals(option)) {
                if (!isHttpUrl(config.getBaseUrl())) {
                    config.setBaseUrl(value.toString());
                }
                return;
            }
            if (!isOption.test(option)) {
                throw new IllegalArgumentException(imported.origin(option) + " sets option '" + option + "', which this"
                                                   + " version of adfrest does not have yet");
            }
            parameters.putIfAbsent(option, value); // a map the URI also sets by prefixed entries merges, the URI's win
        });
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
