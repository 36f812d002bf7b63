package dev.adfrest.camel.mapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ADF's copy activity {@code translator} of type TabularTranslator, read once per endpoint: the columns (explicit
 * {@code mappings}, or the legacy {@code schemaMapping} / {@code columnMappings}), the {@code collectionReference} to
 * cross-apply, and the type conversion settings. No mappings means ADF's default mapping by name.
 *
 * @param columns                  the columns in order; empty for the default mapping
 * @param collectionReference      the array to cross-apply, or null
 * @param mapComplexValuesToString objects and arrays become their JSON text instead of staying JSON nodes
 */
record TabularTranslator(List<Column> columns, CollectionReference collectionReference, boolean mapComplexValuesToString) {

    private static final Logger LOG = LoggerFactory.getLogger(TabularTranslator.class);
    private static final JsonNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    private static final Set<String> TRANSLATOR_PROPERTIES = Set.of("type", "mappings", "collectionReference",
            "mapComplexValuesToString", "typeConversion", "typeConversionSettings", "schemaMapping", "columnMappings");
    private static final Set<String> SETTINGS = Set.of("allowDataTruncation", "treatBooleanAsNumber", "dateTimeFormat",
            "dateTimeOffsetFormat", "timeSpanFormat", "culture");
    private static final Set<String> SOURCE_PROPERTIES = Set.of("name", "path", "type", "format", "culture");
    /** Describe the sink store's own column; the route's sink decides those. */
    private static final Set<String> SINK_STORE_PROPERTIES = Set.of("physicalType");
    private static final Set<String> SINK_PROPERTIES = Set.of("name", "type", "format", "culture", "physicalType");

    /**
     * One column of the rows.
     *
     * @param name       the sink name: the key in each row
     * @param path       where the value is: relative to the collection element, or absolute from $
     * @param sourceType the source's interim type, applied first (null: the JSON value as it is)
     * @param sinkType   the column's interim type (null: the JSON value as it is)
     */
    record Column(String name, JsonPathRef path, ValueConverter sourceType, ValueConverter sinkType) {

        /** Where the value comes from, as the mapping wrote it. */
        String source() {
            return path.toString();
        }
    }

    TabularTranslator {
        columns = List.copyOf(columns);
    }

    /** Whether rows take each record's top-level fields by name (no explicit mappings). */
    boolean defaultMapping() {
        return columns.isEmpty();
    }

    /**
     * Reads a translator as ADF writes it.
     *
     * @param  collectionReference      the endpoint's collectionReference option, used when the translator has none
     * @throws IllegalArgumentException naming the property that is wrong or not supported
     */
    static TabularTranslator parse(JsonNode json, String collectionReference) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("translator must be a JSON object such as"
                                               + " {\"type\":\"TabularTranslator\",\"mappings\":[...]}");
        }
        checkKnown("translator", json, TRANSLATOR_PROPERTIES, Set.of());
        String type = text(json, "type", "translator");
        if (type != null && !type.equals("TabularTranslator")) {
            throw new IllegalArgumentException("translator type '" + type + "' is not supported; only TabularTranslator");
        }
        String ownCollection = text(json, "collectionReference", "translator");
        if (ownCollection != null && ownCollection.isBlank()) {
            ownCollection = null; // what ADF's mapping tab writes when no array is cross-applied: the page itself
        }
        if (ownCollection != null && collectionReference != null && !collectionReference.isBlank()
            && !ownCollection.trim().equals(collectionReference.trim())) {
            throw new IllegalArgumentException("collectionReference is '" + collectionReference
                                               + "' but the translator's collectionReference is '" + ownCollection
                                               + "'; set only one");
        }
        String collection = ownCollection != null ? ownCollection : collectionReference;
        CollectionReference collectionPath = collection == null || collection.isBlank() ? null
                : CollectionReference.compile(ownCollection != null ? "translator collectionReference"
                        : "collectionReference", collection);

        TypeConversionSettings settings = settings(json);
        List<Column> columns = new ArrayList<>();
        int forms = 0;
        if (json.has("mappings")) {
            forms++;
            JsonNode mappings = json.get("mappings");
            if (!mappings.isArray()) {
                throw new IllegalArgumentException("translator mappings must be an array of {\"source\":...,\"sink\":...}");
            }
            for (int i = 0; i < mappings.size(); i++) {
                columns.add(column(mappings.get(i), "translator mappings[" + i + "]", settings));
            }
        }
        if (json.has("schemaMapping")) {
            forms++;
            legacy(json.get("schemaMapping"), "schemaMapping", true, columns);
        }
        if (json.has("columnMappings")) {
            forms++;
            legacy(json.get("columnMappings"), "columnMappings", false, columns);
        }
        if (forms > 1) {
            throw new IllegalArgumentException("translator has more than one of mappings, schemaMapping and"
                                               + " columnMappings; use mappings");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("translator maps two values to the sink column '" + c.name() + "'");
            }
        }
        boolean complexToString = bool(json, "mapComplexValuesToString", "translator");
        return new TabularTranslator(columns, collectionPath, complexToString);
    }

    private static TypeConversionSettings settings(JsonNode json) {
        boolean enabled = bool(json, "typeConversion", "translator");
        JsonNode s = json.get("typeConversionSettings");
        if (s == null || s.isNull()) {
            return TypeConversionSettings.DEFAULTS;
        }
        if (!s.isObject()) {
            throw new IllegalArgumentException("translator typeConversionSettings must be a JSON object");
        }
        checkKnown("translator typeConversionSettings", s, SETTINGS, Set.of());
        if (!enabled) {
            LOG.warn("The translator's typeConversionSettings are not applied because typeConversion is not true"
                     + " (as in ADF); the defaults apply");
            return TypeConversionSettings.DEFAULTS;
        }
        String where = "translator typeConversionSettings";
        TypeConversionSettings settings = new TypeConversionSettings(
                !s.has("allowDataTruncation") || bool(s, "allowDataTruncation", where),
                bool(s, "treatBooleanAsNumber", where),
                text(s, "dateTimeFormat", where),
                text(s, "dateTimeOffsetFormat", where),
                text(s, "timeSpanFormat", where),
                text(s, "culture", where));
        try {
            new ValueConverter(InterimType.STRING, settings, null, null); // checks formats and culture once
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return settings;
    }

    private static Column column(JsonNode mapping, String where, TypeConversionSettings settings) {
        if (mapping == null || !mapping.isObject()) {
            throw new IllegalArgumentException(where + " must be {\"source\":{...},\"sink\":{...}}");
        }
        checkKnown(where, mapping, Set.of("source", "sink"), Set.of());
        JsonNode source = mapping.get("source");
        JsonNode sink = mapping.get("sink");
        if (sink == null || sink.isNull()) {
            sink = EMPTY; // a mapping with only a source: the column is named after it
        }
        if (source == null || !source.isObject() || !sink.isObject()) {
            throw new IllegalArgumentException(where + " needs a source and a sink object");
        }
        if (source.has("ordinal") || sink.has("ordinal")) {
            throw new IllegalArgumentException(where + ": 'ordinal' is for delimited text without a header line;"
                                               + " map a REST response by path or name");
        }
        if (sink.has("path")) {
            throw new IllegalArgumentException(where + ": sink 'path' writes hierarchical data; rows are tabular:"
                                               + " give the sink a 'name'");
        }
        checkKnown(where + ".source", source, SOURCE_PROPERTIES, Set.of());
        checkKnown(where + ".sink", sink, SINK_PROPERTIES, SINK_STORE_PROPERTIES);
        String path = text(source, "path", where + ".source");
        String name = text(source, "name", where + ".source");
        if (path == null && name == null) {
            throw new IllegalArgumentException(where + ".source needs a 'path' or a 'name'");
        }
        JsonPathRef ref;
        try {
            ref = path != null ? JsonPathRef.compile(path) : JsonPathRef.compile("['" + name.replace("'", "\\'") + "']");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".source path: " + e.getMessage(), e);
        }
        String sinkName = text(sink, "name", where + ".sink");
        if (sinkName == null || sinkName.isEmpty()) {
            sinkName = name != null ? name : ref.lastName(); // ADF keeps the source's name when the sink has none
        }
        if (sinkName == null || sinkName.isEmpty()) {
            throw new IllegalArgumentException(where + ".sink needs a 'name'");
        }
        return new Column(sinkName, ref, converter(source, where + ".source", settings),
                converter(sink, where + ".sink", settings));
    }

    private static ValueConverter converter(JsonNode side, String where, TypeConversionSettings settings) {
        String type = text(side, "type", where);
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return new ValueConverter(InterimType.of(type), settings, text(side, "format", where),
                    text(side, "culture", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** The legacy forms: schemaMapping {"$.path": "column"} and columnMappings {"name": "column"} or "a: b, c: d". */
    private static void legacy(JsonNode node, String property, boolean paths, List<Column> columns) {
        List<String[]> pairs = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> pairs.add(new String[] { e.getKey(), e.getValue().asText() }));
        } else if (node.isTextual() && !paths) {
            for (String pair : node.textValue().split(",")) {
                String[] kv = pair.split(":", 2);
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw new IllegalArgumentException("translator columnMappings entry '" + pair.trim()
                                                       + "' is not 'source: sink'");
                }
                pairs.add(new String[] { kv[0].trim(), kv[1].trim() });
            }
        } else {
            throw new IllegalArgumentException("translator " + property + " must be a JSON object");
        }
        for (String[] kv : pairs) {
            String where = "translator " + property + " '" + kv[0] + "'";
            JsonPathRef ref;
            try {
                ref = JsonPathRef.compile(paths ? kv[0] : "['" + kv[0].replace("'", "\\'") + "']");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            columns.add(new Column(kv[1], ref, null, null));
        }
    }

    private static void checkKnown(String where, JsonNode node, Set<String> known, Set<String> ignored) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            String name = it.next().getKey();
            if (ignored.contains(name)) {
                LOG.info("{}: '{}' describes the sink store's column and is not used: the route's sink decides it",
                        where, name);
            } else if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": property '" + name + "' is not supported");
            }
        }
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(where + ": '" + name + "' must be a string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String name, String where) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw new IllegalArgumentException(where + ": '" + name + "' must be true or false, but is " + v);
    }
}
