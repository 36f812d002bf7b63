package dev.adfrest.camel.mapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.mapping.ValueConverter.IncompatibleValueException;

/**
 * Turns a page into rows as ADF's hierarchical-to-tabular copy does: one row per element of the collection (or per
 * record when there is none), the root fields ({@code $...} paths) repeated on every row of their document. Pure.
 */
final class RowMapper {

    /** A row that was left out because a value does not convert. */
    record IncompatibleRow(int row, String column, String source, String value, String type, String reason) {

        String describe() {
            return "row " + row + ", column '" + column + "' (source " + source + "): cannot convert " + value + " to "
                   + type + ": " + reason;
        }
    }

    /** A page as rows, and the rows left out. */
    record Rows(List<Map<String, Object>> rows, List<IncompatibleRow> skipped) {
    }

    private final TabularTranslator translator;
    private final boolean skipIncompatibleRows;
    private final int capacity;

    RowMapper(TabularTranslator translator, boolean skipIncompatibleRows) {
        this.translator = translator;
        this.skipIncompatibleRows = skipIncompatibleRows;
        this.capacity = (int) (translator.columns().size() / 0.75f) + 1;
    }

    /** The collection the rows cross-apply; null when each document is one record. */
    CollectionReference collectionReference() {
        return translator.collectionReference();
    }

    /**
     * @throws MappingException naming the row, column and value that does not convert (unless such rows are skipped)
     */
    Rows map(JsonNode page) {
        Output out = new Output();
        CollectionReference collection = translator.collectionReference();
        if (collection != null) {
            document(page, collection.records(page), out);
        } else if (page.isArray()) {
            for (JsonNode element : page) { // each element of a top-level array is its own document
                document(element, List.of(element), out);
            }
        } else {
            document(page, List.of(page), out);
        }
        return new Rows(out.rows, out.skipped);
    }

    private void document(JsonNode root, List<JsonNode> records, Output out) {
        if (records.isEmpty()) {
            return; // cross apply: a document whose collection is empty gives no row, as in ADF
        }
        if (translator.defaultMapping()) {
            for (JsonNode record : records) {
                out.rows.add(byName(record, ++out.number));
            }
            return;
        }
        List<TabularTranslator.Column> columns = translator.columns();
        int n = columns.size();
        // root fields are read and converted once per document, then repeated
        Object[] rootValues = new Object[n];
        IncompatibleRow[] rootFailures = new IncompatibleRow[n];
        for (int i = 0; i < n; i++) {
            TabularTranslator.Column c = columns.get(i);
            if (c.path().absolute()) {
                Object raw = ValueConverter.natural(c.path().find(root), translator.mapComplexValuesToString());
                try {
                    rootValues[i] = convert(c, raw);
                } catch (IncompatibleValueException e) {
                    rootFailures[i] = failure(0, c, raw, e);
                }
            }
        }
        for (JsonNode record : records) {
            int number = ++out.number;
            Map<String, Object> row = new LinkedHashMap<>(capacity);
            IncompatibleRow failure = null;
            for (int i = 0; i < n && failure == null; i++) {
                TabularTranslator.Column c = columns.get(i);
                if (c.path().absolute()) {
                    if (rootFailures[i] != null) {
                        IncompatibleRow f = rootFailures[i];
                        failure = new IncompatibleRow(number, f.column(), f.source(), f.value(), f.type(), f.reason());
                    } else {
                        row.put(c.name(), rootValues[i]);
                    }
                } else {
                    Object raw = ValueConverter.natural(c.path().find(record), translator.mapComplexValuesToString());
                    try {
                        row.put(c.name(), convert(c, raw));
                    } catch (IncompatibleValueException e) {
                        failure = failure(number, c, raw, e);
                    }
                }
            }
            if (failure == null) {
                out.rows.add(row);
            } else if (skipIncompatibleRows) {
                out.skip(failure);
            } else {
                throw new MappingException(failure.describe(), number, failure.column());
            }
        }
    }

    private static Object convert(TabularTranslator.Column c, Object raw) throws IncompatibleValueException {
        Object v = c.sourceType() == null ? raw : c.sourceType().convert(raw);
        return c.sinkType() == null ? v : c.sinkType().convert(v);
    }

    private Map<String, Object> byName(JsonNode record, int number) {
        if (!record.isObject()) {
            throw new MappingException("row " + number + " is a JSON " + record.getNodeType().name().toLowerCase(
                    java.util.Locale.ROOT) + ", not an object: the default mapping takes an object's fields by name;"
                                       + " add mappings with a path", number, null);
        }
        Map<String, Object> row = new LinkedHashMap<>((int) (record.size() / 0.75f) + 1);
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            row.put(field.getKey(), ValueConverter.natural(field.getValue(), translator.mapComplexValuesToString()));
        }
        return row;
    }

    private static IncompatibleRow failure(int number, TabularTranslator.Column c, Object raw,
                                           IncompatibleValueException e) {
        return new IncompatibleRow(number, c.name(), c.source(), describe(raw), e.target().adfName(), e.getMessage());
    }

    /** A value for a message: strings quoted, everything cut to 100 characters. */
    static String describe(Object value) {
        String text;
        if (value instanceof String s) {
            text = '"' + s.replace("\"", "\\\"") + '"';
        } else if (value instanceof byte[] b) {
            text = b.length + " bytes";
        } else {
            text = String.valueOf(value);
        }
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    private static final class Output {
        final List<Map<String, Object>> rows = new ArrayList<>();
        List<IncompatibleRow> skipped = List.of();
        int number;

        void skip(IncompatibleRow row) {
            if (skipped.isEmpty()) {
                skipped = new ArrayList<>();
            }
            skipped.add(row);
        }
    }
}
