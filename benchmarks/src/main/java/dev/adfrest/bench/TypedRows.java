package dev.adfrest.bench;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * W7's mapping: the ten fields of a TYPED record (see {@link PageBodies}) to a row of ten typed columns, as adfrest's
 * translator does it and as the floor and the camel-http bean do it by hand. Every rows client must give the same rows
 * (the smoke test compares them).
 */
public final class TypedRows {

    /** Column name and ADF interim type, in row order. */
    static final List<String[]> COLUMNS = List.of(
            new String[] {"id", "Int64"}, new String[] {"name", "String"}, new String[] {"price", "Decimal"},
            new String[] {"active", "Boolean"}, new String[] {"created", "DateTime"},
            new String[] {"quantity", "Int32"}, new String[] {"rating", "Double"},
            new String[] {"category", "String"}, new String[] {"country", "String"}, new String[] {"guid", "Guid"});

    private static final int CAPACITY = (int) (COLUMNS.size() / 0.75f) + 1;

    private TypedRows() {
    }

    /** The ADF TabularTranslator of W7, as the Copy activity's mapping tab writes it. */
    static String translator(String collectionReference) {
        return "{\"type\":\"TabularTranslator\",\"collectionReference\":\"" + collectionReference + "\",\"mappings\":["
               + COLUMNS.stream().map(c -> "{\"source\":{\"path\":\"['" + c[0] + "']\"},\"sink\":{\"name\":\"" + c[0]
                                           + "\",\"type\":\"" + c[1] + "\"}}")
                       .collect(Collectors.joining(","))
               + "]}";
    }

    /** The floor's mapping: Jackson's tree, each column by hand. */
    static Map<String, Object> fromTree(JsonNode r) {
        Map<String, Object> row = new LinkedHashMap<>(CAPACITY);
        row.put("id", present(r.get("id")) ? r.get("id").longValue() : null);
        row.put("name", text(r.get("name")));
        row.put("price", present(r.get("price")) ? r.get("price").decimalValue() : null);
        row.put("active", present(r.get("active")) ? r.get("active").booleanValue() : null);
        String created = text(r.get("created"));
        row.put("created", created == null ? null : LocalDateTime.parse(created));
        row.put("quantity", present(r.get("quantity")) ? r.get("quantity").intValue() : null);
        row.put("rating", present(r.get("rating")) ? r.get("rating").doubleValue() : null);
        row.put("category", text(r.get("category")));
        row.put("country", text(r.get("country")));
        String guid = text(r.get("guid"));
        row.put("guid", guid == null ? null : UUID.fromString(guid));
        return row;
    }

    /** The camel-http bean's mapping: the Maps jsonpath gives, each column converted by hand. */
    static Map<String, Object> fromMap(Map<?, ?> r) {
        Map<String, Object> row = new LinkedHashMap<>(CAPACITY);
        row.put("id", r.get("id") instanceof Number n ? n.longValue() : null);
        row.put("name", (String) r.get("name"));
        row.put("price", r.get("price") instanceof Number n ? decimal(n) : null);
        row.put("active", (Boolean) r.get("active"));
        row.put("created", r.get("created") instanceof String s ? LocalDateTime.parse(s) : null);
        row.put("quantity", r.get("quantity") instanceof Number n ? n.intValue() : null);
        row.put("rating", r.get("rating") instanceof Number n ? n.doubleValue() : null);
        row.put("category", (String) r.get("category"));
        row.put("country", (String) r.get("country"));
        row.put("guid", r.get("guid") instanceof String s ? UUID.fromString(s) : null);
        return row;
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : n instanceof Double || n instanceof Float
                ? BigDecimal.valueOf(n.doubleValue()) : new BigDecimal(n.toString());
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull();
    }

    private static String text(JsonNode v) {
        return present(v) ? v.asText() : null;
    }

    /** A row as text, each value with its Java type: what every rows client must agree on. */
    static String describe(Map<?, ?> row) {
        return row.entrySet().stream().map(e -> e.getKey() + "=" + typed(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String typed(Object v) {
        if (v == null) {
            return "null";
        }
        String text = v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
        return v.getClass().getSimpleName() + ":" + text;
    }
}
