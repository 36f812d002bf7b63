package dev.adfrest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code floor-rows}: what W7's translator does, by hand: the page's tree, each record mapped to a row of ten typed
 * columns with Jackson's accessors ({@link TypedRows#fromTree}).
 */
final class FloorRowsClient extends TreeFloor {

    @Override
    void deliver(JsonNode records, Sink sink) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            rows.add(TypedRows.fromTree(record));
        }
        sink.rows(rows);
    }
}
