package dev.adfrest.camel.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A WireMock extension that plays an API whose records change between runs, as incremental-copy APIs work: it answers
 * the records whose {@code field} is above the {@code since} value of the request (query parameter {@code since},
 * else header {@code X-Since}, else the {@code since} field of a JSON body; every record when there is none), in the
 * field's order, {@code pageSize} a page: {@code {"data":[...],"next":"/orders?since=…&page=2"}} (next null on the
 * last page). Tests add records between runs; requests are read back from WireMock.
 */
public final class ChangingApi implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "changing-api";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> records = new CopyOnWriteArrayList<>();
    private volatile String field = "updatedAt";
    private volatile Comparator<String> order = Comparator.naturalOrder();
    private volatile int pageSize = 2;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false; // only stubs that name it
    }

    /** No records; the field updatedAt compared as text, 2 records a page. */
    public void reset() {
        records.clear();
        field = "updatedAt";
        order = Comparator.naturalOrder();
        pageSize = 2;
    }

    /**
     * @param field the records' watermark field
     * @param order how the API compares the field's values with {@code since}
     */
    public ChangingApi filterBy(String field, Comparator<String> order) {
        this.field = field;
        this.order = order;
        return this;
    }

    public ChangingApi pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** Adds records, each a JSON object. */
    public ChangingApi add(String... json) {
        for (String record : json) {
            try {
                records.add((ObjectNode) JSON.readTree(record));
            } catch (Exception e) {
                throw new IllegalArgumentException(record, e);
            }
        }
        return this;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String since = request.queryParameter("since").isPresent() ? request.queryParameter("since").firstValue() : null;
        if (since == null && request.containsHeader("X-Since")) {
            since = request.getHeader("X-Since");
        }
        if (since == null && request.getBodyAsString() != null && !request.getBodyAsString().isBlank()) {
            try {
                JsonNode body = JSON.readTree(request.getBodyAsString());
                since = body.findValue("since") == null ? null : body.findValue("since").asText();
            } catch (Exception e) {
                return aResponse().withStatus(400).withBody("not JSON: " + e.getMessage()).build();
            }
        }
        int page = request.queryParameter("page").isPresent()
                ? Integer.parseInt(request.queryParameter("page").firstValue()) : 1;
        List<ObjectNode> newer = new ArrayList<>();
        for (ObjectNode record : records) {
            JsonNode value = record.get(field);
            if (value != null && !value.isNull() && (since == null || order.compare(value.asText(), since) > 0)) {
                newer.add(record);
            }
        }
        Comparator<String> byValue = order;
        newer.sort((a, b) -> byValue.compare(a.get(field).asText(), b.get(field).asText()));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        int from = (page - 1) * pageSize;
        newer.subList(Math.min(from, newer.size()), Math.min(from + pageSize, newer.size())).forEach(data::add);
        if (from + pageSize < newer.size()) {
            body.put("next", "/orders?" + (since == null ? "" : "since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)
                                                                 + "&") + "page=" + (page + 1));
        } else {
            body.putNull("next");
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString())
                .build();
    }
}
