package dev.adfrest.camel;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.adfrest.camel.sink.SinkOptions;
import dev.adfrest.camel.testsupport.Receiver;
import org.apache.camel.Exchange;
import org.apache.camel.converter.stream.InputStreamCache;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * operation=write, ADF's REST sink: each request is a JSON array of at most writeBatchSize records, whatever form the
 * exchange's records come in. The API here keeps every request as received.
 */
class SinkWriteTest extends CamelTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    final Receiver api = Receiver.start();

    @AfterEach
    void stopApi() {
        api.close();
    }

    String sink(String options) {
        return "adfrest:" + api.url() + "?relativeUrl=/import&requestInterval=0" + options;
    }

    Exchange write(Object body, String options) {
        return template.send(sink(options), e -> e.getMessage().setBody(body));
    }

    static Map<String, Object> order(int id) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("customer", "c-" + id % 3);
        return order;
    }

    static List<Map<String, Object>> orders(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(SinkWriteTest::order).toList();
    }

    /** The orders as the API should receive them. */
    static List<JsonNode> expected(int n) {
        return orders(n).stream().map(o -> (JsonNode) JSON.valueToTree(o)).toList();
    }

    static String jsonArray(int n) throws Exception {
        return JSON.writeValueAsString(orders(n));
    }

    void assertWritten(Exchange done, int records, int requests) {
        assertThat(done.getException()).isNull();
        assertThat(api.recordsReceived()).containsExactlyElementsOf(expected(records));
        assertThat(done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN, Long.class)).isEqualTo(records);
        assertThat(done.getMessage().getHeader(AdfRestConstants.REQUEST_COUNT, Integer.class)).isEqualTo(requests);
        assertThat(api.requests()).hasSize(requests);
    }

    // --- every input type ------------------------------------------------------------------------------------------

    @Test
    void aListOfMaps() {
        assertWritten(write(orders(5), ""), 5, 1);
    }

    @Test
    void anIterableThatIsNoCollection() {
        Iterable<Map<String, Object>> lazy = () -> orders(4).iterator();
        assertWritten(write(lazy, ""), 4, 1);
    }

    @Test
    void anIterator() {
        assertWritten(write(orders(4).iterator(), ""), 4, 1);
    }

    @Test
    void aStreamAndAnArray() {
        assertWritten(write(orders(3).stream(), ""), 3, 1);
        api.close();
        Receiver again = Receiver.start();
        try {
            Exchange done = template.send("adfrest:" + again.url() + "?requestInterval=0",
                    e -> e.getMessage().setBody(orders(2).toArray()));
            assertThat(done.getException()).isNull();
            assertThat(again.recordsReceived()).containsExactlyElementsOf(expected(2));
        } finally {
            again.close();
        }
    }

    @Test
    void aListOfJsonNodes() {
        assertWritten(write(expected(3), ""), 3, 1);
    }

    /** A POJO, as a Camel route gets it from a bean or a data format. */
    public record Order(int id, String customer) {
    }

    @Test
    void aListOfPojos() {
        List<Order> pojos = IntStream.rangeClosed(1, 3).mapToObj(i -> new Order(i, "c-" + i % 3)).toList();
        assertWritten(write(pojos, ""), 3, 1);
    }

    @Test
    void aJsonArrayAsString() throws Exception {
        assertWritten(write(jsonArray(6), ""), 6, 1);
    }

    @Test
    void aJsonArrayAsBytes() throws Exception {
        assertWritten(write(jsonArray(6).getBytes(StandardCharsets.UTF_8), ""), 6, 1);
    }

    @Test
    void aJsonArrayAsAStream() throws Exception {
        assertWritten(write(new ByteArrayInputStream(jsonArray(6).getBytes(StandardCharsets.UTF_8)), ""), 6, 1);
    }

    @Test
    void aJsonArrayInUtf16IsReadAsJacksonDetectsIt() throws Exception {
        assertWritten(write(jsonArray(2).getBytes(StandardCharsets.UTF_16), ""), 2, 1);
    }

    @Test
    void aJsonArrayAsAJsonNode() throws Exception {
        ArrayNode array = (ArrayNode) JSON.readTree(jsonArray(6));
        assertWritten(write(array, ""), 6, 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "String", "ObjectNode", "Map", "POJO" })
    void oneObjectIsOneRecord(String form) throws Exception {
        Object one = switch (form) {
            case "String" -> "{\"id\":1,\"customer\":\"c-1\"}";
            case "ObjectNode" -> JSON.readTree("{\"id\":1,\"customer\":\"c-1\"}");
            case "Map" -> order(1);
            default -> new Order(1, "c-1");
        };
        assertWritten(write(one, ""), 1, 1);
    }

    @Test
    void listsOfListsAreFlattenedAsAnAggregationMakesThem() {
        List<Object> aggregated = List.of(orders(2), List.of(), expected(3).subList(2, 3), List.of(order(4)));
        Exchange done = write(aggregated, "");
        assertThat(done.getException()).isNull();
        assertThat(api.recordsReceived()).extracting(r -> r.get("id").asInt()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void jsonTextsInAListAreReadAsJson() throws Exception {
        Exchange done = write(List.of("{\"id\":1,\"customer\":\"c-1\"}", jsonArray(2)), "");
        assertThat(done.getException()).isNull();
        assertThat(api.recordsReceived()).extracting(r -> r.get("id").asInt()).containsExactly(1, 1, 2);
    }

    @Test
    void aCachedStreamIsLeftAsItWasForTheNextStep() throws Exception {
        InputStreamCache cache = new InputStreamCache(jsonArray(3).getBytes(StandardCharsets.UTF_8));
        Exchange done = write(cache, "");
        assertWritten(done, 3, 1);
        assertThat(done.getMessage().getBody(String.class)).isEqualTo(jsonArray(3));
    }

    @Test
    void theBodyIsLeftAsItWas() {
        List<Map<String, Object>> body = orders(2);
        Exchange done = write(body, "");
        assertThat(done.getMessage().getBody()).isSameAs(body);
    }

    // --- batches ---------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} records, writeBatchSize=3: {1} requests")
    @CsvSource({ "0, 0", "1, 1", "3, 1", "4, 2", "6, 2", "7, 3" })
    void batchBoundaries(int records, int requests) {
        Exchange done = write(orders(records), "&writeBatchSize=3");

        assertWritten(done, records, requests);
        for (int i = 0; i < requests; i++) {
            int size = api.requests().get(i).json().size();
            assertThat(size).as("batch %d", i + 1).isEqualTo(Math.min(3, records - 3 * i));
        }
    }

    @Test
    void noRecordsSendNothingAndSayNoStatus() {
        Exchange done = template.send(sink(""), e -> {
            e.getMessage().setBody(List.of());
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200); // from an earlier step
        });
        assertThat(done.getException()).isNull();
        assertThat(api.received()).isZero();
        assertThat(done.getMessage().getHeaders()).containsEntry(AdfRestConstants.RECORDS_WRITTEN, 0L)
                .containsEntry(AdfRestConstants.REQUEST_COUNT, 0).doesNotContainKey(Exchange.HTTP_RESPONSE_CODE);
    }

    @Test
    void aStreamedJsonArrayIsCutIntoBatches() throws Exception {
        Exchange done = write(new ByteArrayInputStream(jsonArray(2_500).getBytes(StandardCharsets.UTF_8)),
                "&writeBatchSize=1000");
        assertWritten(done, 2_500, 3);
        assertThat(api.requests()).extracting(r -> r.json().size()).containsExactly(1000, 1000, 500);
    }

    // --- the request -----------------------------------------------------------------------------------------------

    @Test
    void eachRequestIsAJsonArrayWithAKnownLength() {
        Exchange done = write(orders(2), "&additionalHeaders.x-user-defined=hello&additionalHeaders.Accept=text/csv");
        assertThat(done.getException()).isNull();
        Receiver.Request request = api.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/import");
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("x-user-defined")).isEqualTo("hello");
        assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(request.body().length));
        assertThat(request.header("Content-Encoding")).isNull();
        assertThat(request.text()).isEqualTo("[{\"id\":1,\"customer\":\"c-1\"},{\"id\":2,\"customer\":\"c-2\"}]");
        assertThat(done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(204);
    }

    @Test
    void aContentTypeFromAdditionalHeadersIsSentAsWritten() {
        write(orders(1), "&additionalHeaders.Content-Type=RAW(application/vnd.api+json)");
        assertThat(api.requests().get(0).header("Content-Type")).isEqualTo("application/vnd.api+json");
    }

    @Test
    void unknownQueryParametersGoToTheApi() {
        write(orders(1), "&mode=upsert");
        assertThat(api.requests().get(0).uri()).isEqualTo("/import?mode=upsert");
    }

    @Test
    void gzipBodiesDecodeToTheSameRecords() throws Exception {
        Exchange done = write(new ByteArrayInputStream(jsonArray(1_500).getBytes(StandardCharsets.UTF_8)),
                "&writeBatchSize=1000&httpCompressionType=gzip");

        assertWritten(done, 1_500, 2);
        for (Receiver.Request request : api.requests()) {
            assertThat(request.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(request.body()).startsWith(0x1f, 0x8b); // the gzip magic: the bytes sent are compressed
            assertThat(request.body().length).isLessThan(request.decodedBody().length / 3);
            assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(request.body().length));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "PUT", "PATCH", "post", "Put" })
    void putAndPatchAsAdfAllows(String method) {
        Exchange done = write(orders(2), "&requestMethod=" + method);
        assertWritten(done, 2, 1);
        assertThat(api.requests().get(0).method()).isEqualTo(method.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void adfsSinkDefaultsApplyWhenTheOptionsAreNotSet() {
        AdfRestEndpoint endpoint = context.getEndpoint("adfrest:" + api.url(), AdfRestEndpoint.class);
        SinkOptions sink = endpoint.sinkOptions();
        assertThat(sink.request().method()).isEqualTo("POST");
        assertThat(sink.requestInterval()).isEqualTo(Duration.ofMillis(10));
        assertThat(sink.batchSize()).isEqualTo(10_000);
        assertThat(sink.gzip()).isFalse();
        assertThat(sink.api().responseTimeout()).isEqualTo(Duration.ofSeconds(100));

        // the same endpoint read as a source keeps the source's defaults
        AdfRestEndpoint reading = context.getEndpoint("adfrest:" + api.url() + "?operation=read", AdfRestEndpoint.class);
        assertThat(reading.getConfiguration().method()).isEqualTo("GET");
        assertThat(reading.getConfiguration().requestIntervalOr(AdfRestConfiguration.SOURCE_REQUEST_INTERVAL))
                .isEqualTo("00:00:01");
    }

    @Test
    void adfsNumericRequestIntervalIsMilliseconds() {
        AdfRestEndpoint endpoint = context.getEndpoint("adfrest:" + api.url() + "?requestInterval=250",
                AdfRestEndpoint.class);
        assertThat(endpoint.sinkOptions().requestInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void translatorRowsAreWrittenAsAdfWritesItsTypes() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("at", java.time.LocalDateTime.of(2024, 5, 1, 12, 0));
        row.put("atOffset", java.time.OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, java.time.ZoneOffset.ofHours(2)));
        row.put("took", Duration.ofHours(26).plusMinutes(3));
        row.put("id", java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"));
        row.put("amount", new java.math.BigDecimal("12.50"));
        row.put("bytes", new byte[] { 1, 2, 3 });
        write(List.of(row), "");

        assertThat(api.requests().get(0).text()).isEqualTo("[{\"at\":\"2024-05-01T12:00:00\","
                                                           + "\"atOffset\":\"2024-05-01T12:00:00+02:00\","
                                                           + "\"took\":\"1.02:03:00\","
                                                           + "\"id\":\"00000000-0000-0000-0000-000000000001\","
                                                           + "\"amount\":12.50,\"bytes\":\"AQID\"}]");
    }

    // --- what is no record -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "Integer", "null", "Boolean" })
    void aBodyThatHoldsNoRecordsFailsNamingItsType(String type) {
        Object body = switch (type) {
            case "Integer" -> 42;
            case "Boolean" -> true;
            default -> null;
        };
        Exchange done = write(body, "");

        assertThat(done.getException()).isInstanceOf(AdfRestException.class)
                .hasMessageContaining("adfrest cannot write a body of type " + (body == null ? "null" : body.getClass().getName()));
        assertThat(api.received()).isZero();
        assertThat(done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN)).isEqualTo(0L);
    }

    @Test
    void anElementThatIsNoRecordFailsNamingItsNumberAndType() {
        List<Object> body = new ArrayList<>(orders(4));
        body.add(3, 7); // record 4
        Exchange done = write(body, "&writeBatchSize=2");

        assertThat(done.getException()).isInstanceOf(AdfRestWriteException.class)
                .hasMessage("Batch 2 (records 3-3 read) was not sent: record 4 is a java.lang.Integer, not a record (a"
                            + " Map, a JSON object or a POJO); 2 records of the exchange were written before it");
        AdfRestWriteException e = (AdfRestWriteException) done.getException();
        assertThat(e.getBatchNumber()).isEqualTo(2);
        assertThat(e.getRecordsWritten()).isEqualTo(2);
        assertThat(e.getAttempts()).isZero();
        assertThat(api.recordsReceived()).hasSize(2);
        assertThat(done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN)).isEqualTo(2L);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "[{\"id\":1},2]                  | record 2 is a number in JSON, not a record (an object)",
            "[{\"id\":1},[{\"id\":2}]]       | record 2 is an array in JSON, not a record (an object)",
            "42                              | the JSON starts with a number, not an array of records or one record",
            "''                              | the JSON is empty",
            "[{\"id\":1}] [{\"id\":2}]       | the JSON goes on after its array with an array",
            "[{\"id\":1},{\"id\":                | record 2 could not be read: the input is not valid JSON: Unexpected end-of-input" })
    void jsonThatHoldsNoRecordsFailsSayingWhere(String json, String message) {
        Exchange done = write(json.getBytes(StandardCharsets.UTF_8), "");

        assertThat(done.getException()).isInstanceOf(AdfRestWriteException.class).hasMessageContaining(message.trim());
        assertThat(api.received()).isZero();
    }

    @Test
    void aStreamOfRecordsIsClosedWhenWritten() {
        boolean[] closed = { false };
        Stream<Map<String, Object>> records = orders(2).stream().onClose(() -> closed[0] = true);
        write(records, "");
        assertThat(closed[0]).isTrue();
    }

    @Test
    void aLazyIteratorIsReadBatchByBatch() {
        // when the API gets batch 1, at most batch 2 has been read besides it (written while batch 1 is sent)
        java.util.concurrent.atomic.AtomicInteger produced = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger producedWhenBatch1Arrived = new java.util.concurrent.atomic.AtomicInteger(-1);
        api.answering((r, i) -> {
            if (i == 0) {
                producedWhenBatch1Arrived.set(produced.get());
            }
            return Receiver.Response.of(204);
        });
        Iterator<Map<String, Object>> lazy = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return produced.get() < 20;
            }

            @Override
            public Map<String, Object> next() {
                return order(produced.incrementAndGet());
            }
        };
        Exchange done = write(lazy, "&writeBatchSize=3");

        assertThat(done.getException()).isNull();
        assertThat(producedWhenBatch1Arrived.get()).isBetween(3, 6);
        assertThat(api.recordsReceived()).extracting(r -> r.get("id").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
    }
}
