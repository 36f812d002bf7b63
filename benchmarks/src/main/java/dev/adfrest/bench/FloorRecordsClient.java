package dev.adfrest.bench;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code floor-records}: what {@code collectionReference} does, by hand: the page's tree, its records array's elements
 * as a {@code List<JsonNode>}.
 */
final class FloorRecordsClient extends TreeFloor {

    @Override
    void deliver(JsonNode records, Sink sink) {
        List<JsonNode> list = new ArrayList<>(records.size());
        records.forEach(list::add);
        sink.records(list);
    }
}
