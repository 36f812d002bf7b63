package dev.adfrest.camel.adf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.support.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline's Copy activity: for an endpoint that reads, its RestSource (the source's request properties, the
 * translator and enableSkipIncompatibleRow; where and how the rows are written is the route's); for an endpoint that
 * writes, its RestSink (the sink's request properties, batch size and compression; what is read and how it is mapped
 * is the route's). A Copy activity from REST to REST is two endpoints, one per side.
 */
final class CopyActivityReader {

    private static final Logger LOG = LoggerFactory.getLogger(CopyActivityReader.class);

    private static final Set<String> ACTIVITY = Set.of("name", "type", "typeProperties", "inputs", "outputs");
    /** state is checked when the activity is chosen: an inactive one is never imported. */
    private static final Set<String> ACTIVITY_BOOKKEEPING = Set.of("description", "dependsOn", "policy",
            "userProperties", "state", "onInactiveMarkAs");
    private static final Set<String> COPY = Set.of("source", "translator", "enableSkipIncompatibleRow");
    /**
     * What ADF does on its side of the copy (sink, staging, its own parallelism, its copy log): the route decides
     * those here.
     */
    private static final Set<String> COPY_SINK_SIDE = Set.of("sink", "enableStaging", "stagingSettings",
            "parallelCopies", "dataIntegrationUnits", "logSettings");
    private static final Set<String> SOURCE = Set.of("type", "requestMethod", "additionalHeaders", "requestBody",
            "paginationRules", "httpRequestTimeout", "requestInterval");
    private static final Set<String> SINK = Set.of("type", "requestMethod", "additionalHeaders", "httpRequestTimeout",
            "requestInterval", "writeBatchSize", "httpCompressionType");
    /** Limits, retries and metrics of ADF's own runtime on the sink side: the endpoint's own options set those. */
    private static final Set<String> SINK_RUNTIME = Set.of("maxConcurrentConnections", "disableMetricsCollection",
            "writeBatchTimeout", "sinkRetryCount", "sinkRetryWait");
    /** What the other side of a REST-to-REST Copy activity does: the source endpoint reads and maps. */
    private static final Set<String> COPY_SOURCE_SIDE = Set.of("source", "translator", "enableSkipIncompatibleRow");
    /** Limits and metrics of ADF's own runtime that do not change what is copied. */
    private static final Set<String> SOURCE_RUNTIME = Set.of("maxConcurrentConnections", "disableMetricsCollection");
    /** The containers whose activities ADF runs: ForEach, Until, If Condition, Switch. */
    private static final List<String> NESTED = List.of("activities", "ifTrueActivities", "ifFalseActivities",
            "defaultActivities");
    private static final Pattern TRANSLATOR_PATH = Pattern.compile(
            "^translator ((?:mappings\\[\\d+](?:\\.(?:source|sink)(?: path)?)?)|typeConversionSettings|collectionReference"
            + "|schemaMapping|columnMappings|mappings)\\b(.*)$", Pattern.DOTALL);

    /** A Copy activity found in a pipeline, with its JSON path and why it does not run (null when it does). */
    private record Found(JsonNode activity, String path, String inactive) {
        String name() {
            return activity.path("name").asText();
        }
    }

    private CopyActivityReader() {
    }

    /**
     * Finds the Copy activity in a pipeline (also inside ForEach, If, Switch and Until), or takes the JSON as the
     * activity itself. A pipeline comes from its own file or from an ARM template (by #name, or the only pipeline
     * with a fitting Copy activity). A deactivated activity ("state": "Inactive") is not run by ADF and is refused.
     *
     * @param name the activity's name; may be null when there is exactly one active Copy activity
     */
    static AdfDefinition find(AdfFile file, String name) {
        JsonNode json = file.root();
        String base = "";
        String pipelineName = null;
        if (file.arm() != null) {
            ArmTemplate.Resource r = file.arm().select(AdfKind.PIPELINE, file.option(), file.location(),
                    file.selected(), p -> copies(p.node().path("properties"), "").stream()
                            .anyMatch(f -> name == null || name.equals(f.name())),
                    name == null ? "pipeline with a Copy activity" : "pipeline with a Copy activity '" + name + "'");
            json = r.node();
            base = r.path();
            pipelineName = r.name();
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("Option 'adfPipeline': " + file.location() + " is not a JSON object;"
                                               + " give the pipeline's JSON as ADF's code view ({}) or Git integration"
                                               + " writes it, or an ARM template");
        }
        String type = json.path("type").asText(null);
        if (AdfKind.isResourceType(type) && AdfKind.ofResourceType(type) != AdfKind.PIPELINE) {
            AdfKind other = AdfKind.ofResourceType(type);
            throw new IllegalArgumentException("Option 'adfPipeline': " + file.location() + " is "
                                               + AdfKind.describeResourceType(type) + " (type " + type + "), not a"
                                               + " pipeline" + (other == null ? "" : "; give it as " + other.option));
        }
        if ("Copy".equals(type) && json.has("typeProperties")) {
            if (name != null && !name.equals(json.path("name").asText())) {
                throw new IllegalArgumentException("Option 'adfPipeline': " + file.location() + " is the activity '"
                                                   + json.path("name").asText() + "', not adfActivity '" + name + "'");
            }
            checkActive(new Found(json, base, inactive(json, base)), file);
            return new AdfDefinition("Copy activity", json.path("name").asText(null), file, json, base);
        }
        if (pipelineName == null) {
            pipelineName = json.path("name").isTextual() ? json.path("name").textValue() : null;
        }
        if (file.arm() == null && file.selected() != null && pipelineName != null
            && !file.selected().equalsIgnoreCase(pipelineName)) {
            throw new IllegalArgumentException("Option 'adfPipeline': " + file.location() + " holds the pipeline '"
                                               + pipelineName + "', not '" + file.selected() + "'; drop #"
                                               + file.selected() + " or name the right file");
        }
        boolean wrapped = json.path("properties").isObject();
        JsonNode properties = wrapped ? json.get("properties") : json;
        String propertiesPath = wrapped ? AdfDefinition.child(base, "properties") : base;
        String pipeline = "ADF pipeline" + (pipelineName == null ? "" : " '" + pipelineName + "'") + " ("
                          + file.location() + ")";
        String activitiesPath = AdfDefinition.child(propertiesPath, "activities");
        if (!properties.path("activities").isArray()) {
            throw new IllegalArgumentException(pipeline + " has no activities (" + activitiesPath + " is missing):"
                                               + " adfPipeline takes a pipeline, or a single Copy activity, as ADF"
                                               + " writes it");
        }
        List<Found> copies = copies(properties, propertiesPath);
        if (copies.isEmpty()) {
            List<String> others = new ArrayList<>();
            properties.path("activities").forEach(a -> others.add(a.path("name").asText("?") + " ("
                                                                  + a.path("type").asText("?") + ")"));
            throw new IllegalArgumentException(pipeline + " has no Copy activity in " + activitiesPath
                                               + (others.isEmpty() ? "" : " (its activities: " + others + ")")
                                               + "; adfrest imports a Copy activity with a RestSource: point"
                                               + " adfPipeline at the pipeline that holds it");
        }
        List<String> names = copies.stream().map(Found::name).toList();
        Found chosen = null;
        if (name == null) {
            List<Found> active = copies.stream().filter(f -> f.inactive() == null).toList();
            if (active.isEmpty()) {
                checkActive(copies.get(0), file); // every one is deactivated: say why the first is not copied
            }
            if (active.size() > 1) {
                throw new IllegalArgumentException(pipeline + " has several Copy activities "
                                                   + active.stream().map(Found::name).toList()
                                                   + ": set adfActivity to one of them");
            }
            chosen = active.get(0);
        } else {
            for (Found f : copies) {
                if (name.equals(f.name())) {
                    chosen = f;
                }
            }
            if (chosen == null) {
                throw new IllegalArgumentException(pipeline + " has no Copy activity '" + name + "'; its Copy"
                                                   + " activities are " + names + ": set adfActivity to one of them");
            }
            checkActive(chosen, file);
        }
        return new AdfDefinition("Copy activity", chosen.name(), file, chosen.activity(), chosen.path());
    }

    /** The Copy activities under a pipeline's properties, also inside containers, each with its JSON path. */
    private static List<Found> copies(JsonNode properties, String propertiesPath) {
        List<Found> found = new ArrayList<>();
        collect(properties.path("activities"), AdfDefinition.child(propertiesPath, "activities"), null, found);
        return found;
    }

    private static void collect(JsonNode activities, String path, String inactiveContainer, List<Found> into) {
        for (int i = 0; i < activities.size(); i++) {
            JsonNode a = activities.get(i);
            String at = path + "[" + i + "]";
            String inactive = inactiveContainer != null ? inactiveContainer : inactive(a, at);
            if ("Copy".equals(a.path("type").asText())) {
                into.add(new Found(a, at, inactive));
            }
            String container = inactiveContainer != null ? inactiveContainer
                    : inactive == null ? null
                    : "its container '" + a.path("name").asText("?") + "' is deactivated (\"state\": \"Inactive\" at "
                      + at + ".state)";
            JsonNode t = a.path("typeProperties");
            for (String nested : NESTED) {
                collect(t.path(nested), at + ".typeProperties." + nested, container, into);
            }
            JsonNode cases = t.path("cases");
            for (int c = 0; c < cases.size(); c++) {
                collect(cases.get(c).path("activities"), at + ".typeProperties.cases[" + c + "].activities", container,
                        into);
            }
        }
    }

    /** Why an activity is not run by ADF, or null when it is. */
    private static String inactive(JsonNode activity, String path) {
        return "Inactive".equalsIgnoreCase(activity.path("state").asText())
                ? "it is deactivated (\"state\": \"Inactive\" at " + AdfDefinition.child(path, "state") + ")" : null;
    }

    private static void checkActive(Found f, AdfFile file) {
        if (f.inactive() != null) {
            throw new IllegalArgumentException("ADF Copy activity '" + f.name() + "' (" + file.location() + "): "
                                               + f.inactive() + ", so ADF does not run it and adfrest does not copy"
                                               + " it. Activate it in ADF and export the pipeline again, or delete"
                                               + " \"state\" (and \"onInactiveMarkAs\") from the file");
        }
    }

    /** The dataset of a side of the activity: the one it reads (inputs) or writes (outputs); null when not named. */
    static String dataset(AdfDefinition activity, AdfOrigins.Side side) {
        JsonNode refs = activity.get(side == AdfOrigins.Side.SOURCE ? "inputs" : "outputs");
        return refs.isArray() && !refs.isEmpty() ? refs.get(0).path("referenceName").asText(null) : null;
    }

    /** Where a side's dataset is named in the activity, for messages. */
    static String datasetProperty(AdfOrigins.Side side) {
        return (side == AdfOrigins.Side.SOURCE ? "inputs" : "outputs") + "[0].referenceName";
    }

    /**
     * Which side of the activity an endpoint takes: its RestSink when the URI says operation=write, its RestSource
     * when it says operation=read; without operation the RestSource when there is one (a consumer reads), else the
     * RestSink.
     *
     * @param operation the endpoint URI's operation, or null when it has none
     */
    static AdfOrigins.Side side(AdfDefinition activity, String operation) {
        String source = activity.get("typeProperties.source.type").asText(null);
        String sink = activity.get("typeProperties.sink.type").asText(null);
        if ("write".equalsIgnoreCase(operation)) {
            if (!"RestSink".equals(sink)) {
                throw new IllegalArgumentException(activity.describe() + " writes to " + (sink == null ? "no sink"
                        : "a " + sink + " (" + activity.at("typeProperties.sink.type") + ")")
                                                   + ", not a RestSink; operation=write imports a Copy activity's"
                                                   + " RestSink: point adfPipeline at one, or remove operation=write to"
                                                   + " read with its RestSource");
            }
            return AdfOrigins.Side.SINK;
        }
        if (operation == null && !"RestSource".equals(source) && "RestSink".equals(sink)) {
            return AdfOrigins.Side.SINK;
        }
        return AdfOrigins.Side.SOURCE;
    }

    /** Reads the side of the activity the endpoint takes. */
    static void read(AdfDefinition activity, AdfOrigins.Side side, ImportedOptions into) {
        if (side == AdfOrigins.Side.SOURCE) {
            read(activity, into);
        } else {
            readSink(activity, into);
        }
    }

    private static void readSink(AdfDefinition activity, ImportedOptions into) {
        activity.checkType("type", "Copy");
        activity.checkKnown(activity.path(), activity.properties(), ACTIVITY, ACTIVITY_BOOKKEEPING);
        JsonNode copy = activity.get("typeProperties");
        Set<String> handled = Set.of("sink");
        java.util.Set<String> elsewhere = new java.util.HashSet<>(COPY_SINK_SIDE);
        elsewhere.addAll(COPY_SOURCE_SIDE);
        elsewhere.remove("sink");
        activity.checkKnown(activity.at("typeProperties"), copy, handled, elsewhere);
        List<String> notHere = present(copy, elsewhere);
        if (!notHere.isEmpty()) {
            LOG.info("{}: {} not imported by this endpoint, which writes with the RestSink: what is read and how it is"
                     + " mapped is the route's (the source endpoint takes source and translator)", activity.describe(),
                    notHere);
        }
        JsonNode sink = copy.path("sink");
        activity.checkType("typeProperties.sink.type", "RestSink");
        activity.checkKnown(activity.at("typeProperties.sink"), sink, SINK, SINK_RUNTIME);
        List<String> runtime = present(sink, SINK_RUNTIME);
        if (!runtime.isEmpty()) {
            LOG.info("{}: sink {} not imported: they tune ADF's own runtime (the endpoint's maxRetries and retryDelay"
                     + " set the retries)", activity.describe(), runtime);
        }
        String s = "typeProperties.sink.";
        into.scalar(activity, s + "requestMethod", "requestMethod", false);
        into.map(activity, s + "additionalHeaders", "additionalHeaders", false, n -> false);
        into.scalar(activity, s + "httpRequestTimeout", "httpRequestTimeout", false);
        into.scalar(activity, s + "requestInterval", "requestInterval", false);
        into.scalar(activity, s + "writeBatchSize", "writeBatchSize", false);
        into.scalar(activity, s + "httpCompressionType", "httpCompressionType", false);
    }

    /** The properties of {@code node} that are in {@code names}, in the node's order. */
    private static List<String> present(JsonNode node, Set<String> names) {
        List<String> found = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (names.contains(f)) {
                found.add(f);
            }
        });
        return found;
    }

    static void read(AdfDefinition activity, ImportedOptions into) {
        activity.checkType("type", "Copy");
        activity.checkKnown(activity.path(), activity.properties(), ACTIVITY, ACTIVITY_BOOKKEEPING);
        JsonNode copy = activity.get("typeProperties");
        activity.checkKnown(activity.at("typeProperties"), copy, COPY, COPY_SINK_SIDE);
        List<String> sinkSide = present(copy, COPY_SINK_SIDE);
        if (!sinkSide.isEmpty()) {
            LOG.info("{}: {} not imported: where and how the rows are written is the route's job", activity.describe(),
                    sinkSide);
        }
        JsonNode source = copy.path("source");
        if (!source.isObject()) {
            throw new IllegalArgumentException(activity.describe() + ": " + activity.at("typeProperties.source")
                                               + " is missing; adfrest imports a Copy activity with a RestSource or"
                                               + " a RestSink");
        }
        activity.checkType("typeProperties.source.type", "RestSource");
        activity.checkKnown(activity.at("typeProperties.source"), source, SOURCE, SOURCE_RUNTIME);
        List<String> runtime = present(source, SOURCE_RUNTIME);
        if (!runtime.isEmpty()) {
            LOG.info("{}: source {} not imported: they tune ADF's own runtime, not what is copied",
                    activity.describe(), runtime);
        }
        String s = "typeProperties.source.";
        into.scalar(activity, s + "requestMethod", "requestMethod", false);
        into.map(activity, s + "additionalHeaders", "additionalHeaders", false, n -> false);
        into.json(activity, s + "requestBody", "requestBody", false);
        into.map(activity, s + "paginationRules", "paginationRules", false, n -> false);
        into.scalar(activity, s + "httpRequestTimeout", "httpRequestTimeout", false);
        into.scalar(activity, s + "requestInterval", "requestInterval", false);
        into.json(activity, "typeProperties.translator", "translator", true);
        checkTranslator(activity, into);
        into.scalar(activity, "typeProperties.enableSkipIncompatibleRow", "enableSkipIncompatibleRow", false);
    }

    /**
     * Reads the imported translator now, so that a mistake in it (an unknown column type, a bad path) names the file
     * and the property; refused only if the endpoint does not give its own translator.
     */
    private static void checkTranslator(AdfDefinition activity, ImportedOptions into) {
        if (!(into.values().get("translator") instanceof String text) || into.refusals().containsKey("translator")) {
            return;
        }
        try {
            PageOutput.of(null, Json.MAPPER.readTree(text), false);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            String at = activity.at("typeProperties.translator");
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? "is not JSON: "
                                                                                                 + p.getOriginalMessage()
                    : e.getMessage();
            Matcher m = TRANSLATOR_PATH.matcher(message);
            String where = m.matches() ? at + "." + m.group(1) + m.group(2)
                    : message.startsWith("translator") ? at + message.substring("translator".length())
                    : at + ": " + message;
            into.refuse("translator", activity.describe() + ": " + where + ". Fix the translator in the file, or set"
                                      + " the option 'translator' on the endpoint (it wins over the ADF definition)");
        }
    }
}
