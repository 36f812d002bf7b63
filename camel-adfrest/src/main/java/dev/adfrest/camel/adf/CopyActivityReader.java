package dev.adfrest.camel.adf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline's Copy activity with a RestSource: the source's request properties, the translator and
 * enableSkipIncompatibleRow. The sink side is the route's: its settings are not imported.
 */
final class CopyActivityReader {

    private static final Logger LOG = LoggerFactory.getLogger(CopyActivityReader.class);

    private static final Set<String> ACTIVITY = Set.of("name", "type", "typeProperties", "inputs", "outputs");
    private static final Set<String> ACTIVITY_BOOKKEEPING = Set.of("description", "dependsOn", "policy",
            "userProperties", "state", "onInactiveMarkAs");
    private static final Set<String> COPY = Set.of("source", "translator", "enableSkipIncompatibleRow");
    /** What ADF does on its side of the copy (sink, staging, its own parallelism): the route decides those here. */
    private static final Set<String> COPY_SINK_SIDE = Set.of("sink", "enableStaging", "stagingSettings",
            "parallelCopies", "dataIntegrationUnits");
    private static final Set<String> SOURCE = Set.of("type", "requestMethod", "additionalHeaders", "requestBody",
            "paginationRules", "httpRequestTimeout", "requestInterval");
    /** Limits and metrics of ADF's own runtime that do not change what is copied. */
    private static final Set<String> SOURCE_RUNTIME = Set.of("maxConcurrentConnections", "disableMetricsCollection");

    private CopyActivityReader() {
    }

    /**
     * Finds the Copy activity in a pipeline (also inside ForEach, If, Switch and Until), or takes the JSON as the
     * activity itself.
     *
     * @param name the activity's name; may be null when there is exactly one Copy activity
     */
    static AdfDefinition find(String location, JsonNode json, String name) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("ADF pipeline " + location + " is not a JSON object");
        }
        if ("Copy".equals(json.path("type").asText()) && json.has("typeProperties")) {
            if (name != null && !name.equals(json.path("name").asText())) {
                throw new IllegalArgumentException("ADF activity " + location + " is '" + json.path("name").asText()
                                                   + "', not adfActivity '" + name + "'");
            }
            return new AdfDefinition("Copy activity", json.path("name").asText(null), location, json);
        }
        JsonNode properties = json.has("properties") ? json.get("properties") : json;
        List<JsonNode> copies = new ArrayList<>();
        collect(properties.path("activities"), copies);
        String pipeline = json.path("name").asText("?");
        List<String> names = copies.stream().map(a -> a.path("name").asText()).toList();
        if (copies.isEmpty()) {
            throw new IllegalArgumentException("ADF pipeline '" + pipeline + "' (" + location + ") has no Copy activity");
        }
        JsonNode chosen = null;
        if (name == null) {
            if (copies.size() > 1) {
                throw new IllegalArgumentException("ADF pipeline '" + pipeline + "' (" + location + ") has several Copy"
                                                   + " activities " + names + ": set adfActivity to one of them");
            }
            chosen = copies.get(0);
        } else {
            for (JsonNode a : copies) {
                if (name.equals(a.path("name").asText())) {
                    chosen = a;
                }
            }
            if (chosen == null) {
                throw new IllegalArgumentException("ADF pipeline '" + pipeline + "' (" + location + ") has no Copy"
                                                   + " activity '" + name + "'; its Copy activities are " + names);
            }
        }
        return new AdfDefinition("Copy activity", chosen.path("name").asText(null),
                location + ", pipeline '" + pipeline + "'", chosen);
    }

    private static void collect(JsonNode activities, List<JsonNode> copies) {
        for (JsonNode a : activities) {
            if ("Copy".equals(a.path("type").asText())) {
                copies.add(a);
            }
            JsonNode t = a.path("typeProperties");
            collect(t.path("activities"), copies);
            collect(t.path("ifTrueActivities"), copies);
            collect(t.path("ifFalseActivities"), copies);
            collect(t.path("defaultActivities"), copies);
            for (JsonNode c : t.path("cases")) {
                collect(c.path("activities"), copies);
            }
        }
    }

    /** The dataset the activity reads, or null. */
    static String inputDataset(AdfDefinition activity) {
        JsonNode inputs = activity.get("inputs");
        return inputs.isArray() && !inputs.isEmpty() ? inputs.get(0).path("referenceName").asText(null) : null;
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
        activity.checkKnown("", activity.properties(), ACTIVITY, ACTIVITY_BOOKKEEPING);
        JsonNode copy = activity.get("typeProperties");
        activity.checkKnown("typeProperties.", copy, COPY, COPY_SINK_SIDE);
        List<String> sinkSide = present(copy, COPY_SINK_SIDE);
        if (!sinkSide.isEmpty()) {
            LOG.info("{}: {} not imported: where and how the rows are written is the route's job", activity.describe(),
                    sinkSide);
        }
        JsonNode source = copy.path("source");
        if (!source.isObject()) {
            throw new IllegalArgumentException(activity.describe() + ": typeProperties.source is missing");
        }
        activity.checkType("typeProperties.source.type", "RestSource");
        activity.checkKnown("typeProperties.source.", source, SOURCE, SOURCE_RUNTIME);
        List<String> runtime = present(source, SOURCE_RUNTIME);
        if (!runtime.isEmpty()) {
            LOG.info("{}: source {} not imported: they tune ADF's own runtime, not what is copied",
                    activity.describe(), runtime);
        }
        String s = "typeProperties.source.";
        into.scalar(activity, s + "requestMethod", "requestMethod", false);
        into.map(activity, s + "additionalHeaders", "additionalHeaders", false);
        into.json(activity, s + "requestBody", "requestBody", true);
        into.map(activity, s + "paginationRules", "paginationRules", false);
        into.scalar(activity, s + "httpRequestTimeout", "httpRequestTimeout", false);
        into.scalar(activity, s + "requestInterval", "requestInterval", false);
        into.json(activity, "typeProperties.translator", "translator", false);
        into.scalar(activity, "typeProperties.enableSkipIncompatibleRow", "enableSkipIncompatibleRow", false);
    }
}
