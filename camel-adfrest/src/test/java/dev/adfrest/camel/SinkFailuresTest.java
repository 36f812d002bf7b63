package dev.adfrest.camel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.adfrest.camel.source.RunEnd;
import dev.adfrest.camel.source.RunStats;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Receiver;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sink's faults: what is retried (429/503 with Retry-After for any method, other transient faults for PUT, for
 * POST and PATCH only with retryPost), and the report of a batch that failed: status, batch number, records, masked
 * URL, body excerpt, and the headers saying what was written before it.
 */
class SinkFailuresTest extends CamelTestSupport {

    final Receiver api = Receiver.start();

    @AfterEach
    void stopApi() {
        api.close();
    }

    String sink(String options) {
        return "adfrest:" + api.url() + "?relativeUrl=/import&requestInterval=0"
               + (options.contains("retryDelay=") ? "" : "&retryDelay=0") + options;
    }

    static List<Map<String, Object>> orders(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", i);
            return o;
        }).toList();
    }

    Exchange write(int records, String options) {
        return template.send(sink(options), e -> e.getMessage().setBody(orders(records)));
    }

    @Test
    void aBatchAnsweredWithAnErrorFailsTheExchangeNamingItsRecords() {
        api.answering((r, i) -> i == 1 ? Receiver.Response.of(422, "{\"error\":\"id 3 is taken\"}")
                : Receiver.Response.of(201));

        Exchange done = write(5, "&writeBatchSize=2");

        assertThat(done.getException()).isInstanceOf(AdfRestWriteException.class)
                .hasMessage("Batch 2 (records 3-4) was answered HTTP 422 from POST " + api.url() + "/import: "
                            + "{\"error\":\"id 3 is taken\"}; 2 records of the exchange were written before it");
        AdfRestWriteException e = (AdfRestWriteException) done.getException();
        assertThat(e.getStatusCode()).isEqualTo(422);
        assertThat(e.getBatchNumber()).isEqualTo(2);
        assertThat(e.getFirstRecord()).isEqualTo(3);
        assertThat(e.getLastRecord()).isEqualTo(4);
        assertThat(e.getRecordsWritten()).isEqualTo(2);
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getCause()).isInstanceOf(AdfRestHttpException.class);
        AdfRestHttpException http = (AdfRestHttpException) e.getCause();
        assertThat(http.getStatusCode()).isEqualTo(422);
        assertThat(http.getMethod()).isEqualTo("POST");
        assertThat(http.getUrl()).isEqualTo(api.url() + "/import");
        assertThat(http.getResponseBody()).isEqualTo("{\"error\":\"id 3 is taken\"}");
        // nothing after the failed batch is sent, and the headers say what was written before it
        assertThat(api.received()).isEqualTo(2);
        assertThat(done.getMessage().getHeaders()).containsEntry(AdfRestConstants.RECORDS_WRITTEN, 2L)
                .containsEntry(AdfRestConstants.REQUEST_COUNT, 2).containsEntry(Exchange.HTTP_RESPONSE_CODE, 422);
    }

    @Test
    void theRouteCatchesTheHttpFailureByItsCauseToo() throws Exception {
        api.answering((r, i) -> Receiver.Response.of(400, "bad"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(AdfRestHttpException.class).handled(true).to("mock:refused");
                from("direct:in").to(sink(""));
            }
        });
        getMockEndpoint("mock:refused").expectedHeaderReceived(AdfRestConstants.RECORDS_WRITTEN, 0L);
        template.sendBody("direct:in", orders(1));
        getMockEndpoint("mock:refused").assertIsSatisfied();
    }

    @Test
    void retryAfterIsHonouredForPost() {
        // Retry-After 0 against a retryDelay of an hour: only honouring the header lets this test end
        api.answering((r, i) -> i == 0 ? Receiver.Response.of(429).with("Retry-After", "0") : Receiver.Response.of(200));

        Exchange done = write(3, "&retryDelay=1h");

        assertThat(done.getException()).isNull();
        assertThat(api.received()).isEqualTo(2);
        assertThat(api.requests().get(1).json()).isEqualTo(api.requests().get(0).json());
        assertThat(done.getMessage().getHeaders()).containsEntry(AdfRestConstants.RECORDS_WRITTEN, 3L)
                .containsEntry(AdfRestConstants.REQUEST_COUNT, 2).containsEntry(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    @Test
    void aRetryAfterLongerThanMaxRetryWaitFailsAtOnce() throws Exception {
        api.answering((r, i) -> Receiver.Response.of(503).with("Retry-After", "3600"));

        try (LogCapture log = LogCapture.open()) {
            Exchange done = write(1, "&maxRetryWait=5s");

            assertThat(done.getException()).isInstanceOf(AdfRestWriteException.class)
                    .hasMessageStartingWith("Batch 1 (records 1-1) was answered HTTP 503");
            assertThat(api.received()).isEqualTo(1);
            assertThat(log.all()).contains("not retried: HTTP 503 with Retry-After 3600 s, longer than maxRetryWait (5 s)");
        }
    }

    @ParameterizedTest(name = "{0} answered {1}, retryPost={2}: {3} requests")
    @CsvSource({
            "POST,  503, false, 2",
            "POST,  429, false, 2",
            "POST,  500, false, 1",
            "POST,  502, false, 1",
            "POST,  500, true,  2",
            "PATCH, 429, false, 2",
            "PATCH, 500, false, 1",
            "PATCH, 500, true,  2",
            "PUT,   500, false, 2",
            "PUT,   408, false, 2",
            "PUT,   400, false, 1",
            "POST,  400, true,  1" })
    void whatIsRetried(String method, int status, boolean retryPost, int requests) {
        api.answering((r, i) -> i == 0 ? Receiver.Response.of(status) : Receiver.Response.of(204));

        Exchange done = write(2, "&requestMethod=" + method + "&retryPost=" + retryPost);

        assertThat(api.received()).isEqualTo(requests);
        assertThat(done.getException() == null).isEqualTo(requests == 2);
        assertThat(done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN)).isEqualTo(requests == 2 ? 2L : 0L);
    }

    @Test
    void aPostTheApiMayHaveTakenSaysWhyItIsNotRetried() throws Exception {
        api.answering((r, i) -> Receiver.Response.of(500));
        try (LogCapture log = LogCapture.open()) {
            write(1, "");
            assertThat(log.all()).contains("not retried: HTTP 500; a POST the API may have taken is not sent again"
                                           + " unless retryPost=true");
        }
    }

    @Test
    void retriesEndAfterMaxRetries() {
        api.answering((r, i) -> Receiver.Response.of(503));

        Exchange done = write(1, "&maxRetries=2");

        assertThat(api.received()).isEqualTo(3);
        assertThat(done.getException()).isInstanceOf(AdfRestWriteException.class)
                .hasMessageStartingWith("Batch 1 (records 1-1) was answered HTTP 503 from POST " + api.url()
                                        + "/import after 3 attempts");
        assertThat(((AdfRestWriteException) done.getException()).getAttempts()).isEqualTo(3);
        assertThat(done.getMessage().getHeader(AdfRestConstants.REQUEST_COUNT)).isEqualTo(3);
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForPost() {
        String url = api.url();
        api.close(); // nothing listens there any more

        Exchange done = template.send("adfrest:" + url + "/import?requestInterval=0&retryDelay=0&maxRetries=2",
                e -> e.getMessage().setBody(orders(1)));

        assertThat(done.getException()).isInstanceOf(AdfRestWriteException.class)
                .hasMessageContaining("Batch 1 (records 1-1) failed after 3 attempts: POST " + url + "/import: ");
        AdfRestWriteException e = (AdfRestWriteException) done.getException();
        assertThat(e.getStatusCode()).isZero();
        assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class);
        assertThat(done.getMessage().getHeaders()).containsEntry(AdfRestConstants.REQUEST_COUNT, 3)
                .doesNotContainKey(Exchange.HTTP_RESPONSE_CODE);
    }

    @Test
    void aRedirectIsNotFollowedByAWrite() {
        api.answering((r, i) -> Receiver.Response.of(302).with("Location", "http://127.0.0.1:1/elsewhere"));

        Exchange done = write(1, "&retryPost=true");

        assertThat(done.getException()).isInstanceOf(AdfRestWriteException.class)
                .hasMessageContaining("was answered HTTP 302 (a write is not redirected: point the endpoint at the"
                                      + " new URL)");
        assertThat(api.received()).isEqualTo(1);
    }

    @Test
    void secretsAreMaskedInSinkErrorsAndLogs() throws Exception {
        String key = "k3y-" + System.nanoTime();
        String password = "pa55-" + System.nanoTime();
        // HttpClient's own DEBUG lines (MainClientExec: "executing POST /import?...") show the query string: a key in
        // the query stays out of the component's messages, but not out of those
        String queryKey = "q-" + System.nanoTime();
        // a hostile or careless API echoes what it was sent
        api.answering((r, i) -> i < 2 ? Receiver.Response.of(503)
                : Receiver.Response.of(401, "{\"message\":\"bad key " + key + " for user with password " + password
                                            + "\"}"));
        Exchange done;
        try (LogCapture log = LogCapture.open()) {
            done = template.send(sink("&authHeaders.x-api-key=" + key + "&authenticationType=Basic&userName=copy"
                                      + "&password=" + password + "&api_key=" + queryKey + "&maxRetries=2"),
                    e -> e.getMessage().setBody(orders(1)));

            assertThat(done.getException()).isInstanceOf(AdfRestWriteException.class);
            assertThat(log.all()).contains("retry 1 of 2").doesNotContain(key).doesNotContain(password);
        }
        String report = done.getException().getMessage() + " " + done.getException().getCause().getMessage();
        assertThat(report).contains("api_key=xxxxxx").contains("bad key xxxxxx").doesNotContain(key)
                .doesNotContain(password).doesNotContain(queryKey);
        assertThat(api.requests().get(0).header("x-api-key")).isEqualTo(key); // it was sent, all the same
        assertThat(context.getEndpoints()).allSatisfy(e -> assertThat(e.getEndpointUri()).doesNotContain(key)
                .doesNotContain(password));
    }

    @Test
    void theProducerCountsWhatItDid() throws Exception {
        api.answering((r, i) -> switch (i) {
            case 0 -> Receiver.Response.of(503);
            case 1, 2 -> Receiver.Response.of(200);
            default -> Receiver.Response.of(400, "no");
        });
        AdfRestEndpoint endpoint = context.getEndpoint(sink("&writeBatchSize=2"), AdfRestEndpoint.class);
        AdfRestProducer producer = (AdfRestProducer) endpoint.createProducer();
        producer.start();
        try {
            Exchange first = new DefaultExchange(context);
            first.getMessage().setBody(orders(4));
            producer.process(first);
            Exchange second = new DefaultExchange(context);
            second.getMessage().setBody(orders(1));
            assertThatThrownBy(() -> producer.process(second)).isInstanceOf(AdfRestWriteException.class);
        } finally {
            producer.stop();
        }
        RunStats.Snapshot stats = producer.getStats().snapshot();
        assertThat(stats.runsStarted()).as("each exchange's write is a run").isEqualTo(2);
        assertThat(stats.runsCompleted()).isEqualTo(1);
        assertThat(stats.runsFailed()).isEqualTo(1);
        assertThat(stats.recordsWritten()).isEqualTo(4);
        assertThat(stats.requests()).isEqualTo(4);
        assertThat(stats.retries()).containsEntry("http-5xx", 1L);
        assertThat(stats.last().pages()).as("batches of the last write").isZero();
        RunEnd.Failure failure = stats.lastFailure().failure();
        assertThat(failure.message()).startsWith("Batch 1 (records 1-1) was answered HTTP 400");
        assertThat(failure.type()).isEqualTo("AdfRestWriteException");
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.page()).isEqualTo(1);
        assertThat(failure.url()).isEqualTo(api.url() + "/import");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "requestMethod=GET               | Option 'requestMethod' must be POST, PUT or PATCH for writing",
            "requestMethod=DELETE            | Option 'requestMethod' must be GET or POST for reading",
            "writeBatchSize=0                | Option 'writeBatchSize' must be 1 or more, but is 0",
            "httpCompressionType=deflate     | Option 'httpCompressionType' must be none or gzip, but is 'deflate'",
            "operation=delete                | Option 'operation' must be write or read, but is 'delete'",
            "translator=RAW({\"type\":\"TabularTranslator\"}) | Option 'translator' maps the pages a source reads",
            "collectionReference=$.data      | Option 'collectionReference' maps the pages a source reads",
            "requestMethod=PUT&operation=read | Option 'requestMethod' must be GET or POST for reading" })
    void optionsThatDoNotFitASinkAreRefusedWhenTheRouteStarts(String options, String message) {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("adfrest:" + api.url() + "?" + options.trim());
            }
        })).hasStackTraceContaining(message.trim());
    }

    @Test
    void aPutEndpointCannotBeAConsumer() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + api.url() + "?requestMethod=PUT").to("mock:never");
            }
        })).hasStackTraceContaining("Option 'requestMethod' must be GET or POST for reading (the consumer,"
                                    + " operation=read), but is 'PUT'; PUT and PATCH are for writing");
    }
}
