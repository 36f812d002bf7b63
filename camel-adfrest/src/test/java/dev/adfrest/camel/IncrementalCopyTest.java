package dev.adfrest.camel;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.adfrest.camel.state.JdbcStateRepository;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.testsupport.ChangingApi;
import dev.adfrest.camel.testsupport.H2Server;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Incremental copy against an API whose records change between runs: each run asks only for what is newer than the
 * watermark the last completed run saved. Each run is one poll of a route in a context of its own (a restart), the
 * state repository living on between them.
 */
class IncrementalCopyTest {

    private static final String INITIAL = "2024-05-01T00:00:00Z";
    private static final Comparator<String> INSTANTS = Comparator.comparing(s -> OffsetDateTime.parse(s).toInstant());

    private static final ChangingApi ORDERS = new ChangingApi();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer(ORDERS);

    private static H2Server h2;

    @TempDir
    Path dir;

    private final MemoryStateRepository memory = new MemoryStateRepository();

    /** A page as the route got it. */
    record Page(int number, String watermark, List<String> ids) {
    }

    /** What one run did: its pages, whether its poll completed (rather than failing). */
    record Run(List<Page> pages, boolean completed) {
        List<String> ids() {
            return pages.stream().flatMap(p -> p.ids().stream()).toList();
        }
    }

    @BeforeAll
    static void database() throws SQLException {
        h2 = H2Server.start();
    }

    @AfterAll
    static void stopDatabase() {
        h2.close();
    }

    @BeforeEach
    void orders() {
        api.resetAll();
        ORDERS.reset();
        ORDERS.filterBy("updatedAt", INSTANTS).pageSize(2);
        api.stubFor(get(urlPathEqualTo("/orders")).willReturn(aResponse().withTransformers(ChangingApi.NAME)));
        api.stubFor(post(urlPathEqualTo("/orders/search")).willReturn(aResponse().withTransformers(ChangingApi.NAME)));
    }

    private static String order(int id, String updatedAt) {
        return "{\"id\":\"o" + id + "\",\"updatedAt\":\"" + updatedAt + "\"}";
    }

    /** The endpoint: GET /orders?since={watermark}, the next link followed, records of $.data. */
    private static String endpoint(String options) {
        return "adfrest:" + Pages.baseUrl(api) + "/orders?since={watermark}&paginationRules.AbsoluteUrl=$.next"
               + "&collectionReference=$.data&watermarkPath=$.updatedAt&watermarkInitialValue=" + INITIAL + options;
    }

    /**
     * One poll of route "orders" in a new context; waits until the poll is over (its run completed, failed, or the
     * route failed a page).
     *
     * @param failPage the pages the route fails
     */
    private static Run runOnce(StateRepository<String, String> state, String uri, IntPredicate failPage)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        CountDownLatch polled = new CountDownLatch(1);
        AtomicInteger completed = new AtomicInteger();
        context.getRegistry().bind("state", state);
        context.getRegistry().bind("polls", new PollingConsumerPollStrategy() {
            @Override
            public boolean begin(Consumer consumer, Endpoint endpoint) {
                return true;
            }

            @Override
            public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
                completed.incrementAndGet();
                polled.countDown();
            }

            @Override
            public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
                polled.countDown();
                return false;
            }
        });
        List<Page> pages = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&stateRepository=#state&pollStrategy=#polls&repeatCount=1&initialDelay=0&requestInterval=0"
                     + "&maxRetries=0")
                        .routeId("orders")
                        .process(exchange -> {
                            int number = exchange.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class);
                            if (failPage.test(number)) {
                                throw new IllegalStateException("the sink refused page " + number);
                            }
                            List<String> ids = new ArrayList<>();
                            Object body = exchange.getMessage().getBody();
                            JsonNode records = body instanceof List<?> list ? Json.MAPPER.valueToTree(list)
                                    : exchange.getMessage().getBody(JsonNode.class); // a page as received
                            records = records.has("data") ? records.get("data") : records;
                            records.forEach(r -> ids.add(r.path("id").asText()));
                            pages.add(new Page(number,
                                    exchange.getMessage().getHeader(AdfRestConstants.WATERMARK, String.class), ids));
                        });
            }
        });
        context.start();
        try {
            assertThat(polled.await(20, TimeUnit.SECONDS)).as("the poll ended").isTrue();
        } finally {
            context.stop();
        }
        return new Run(List.copyOf(pages), completed.get() == 1);
    }

    private static Run runOnce(StateRepository<String, String> state, String uri) throws Exception {
        return runOnce(state, uri, page -> false);
    }

    /** The since parameter of each request for /orders, in order; forgets them. */
    private static List<String> sinceAsked() {
        List<String> since = api.findAll(getRequestedFor(urlPathEqualTo("/orders"))).stream()
                .map(r -> r.queryParameter("since").isPresent() ? r.queryParameter("since").firstValue() : null)
                .toList();
        api.resetRequests();
        return since;
    }

    /** The value saved for route "orders". */
    private static String saved(StateRepository<String, String> state) throws Exception {
        String entry = state.getState("orders#watermark");
        return entry == null || entry.isBlank() ? null : Json.MAPPER.readTree(entry).path("value").asText();
    }

    @Test
    void eachRunAsksOnlyForWhatIsNewerThanTheLastCompletedRun() throws Exception {
        ORDERS.add(order(1, "2024-05-01T10:00:00Z"), order(2, "2024-05-01T11:00:00Z"),
                order(3, "2024-05-01T12:00:00Z"));

        Run first = runOnce(memory, endpoint(""));
        assertThat(first.ids()).containsExactly("o1", "o2", "o3");
        assertThat(first.pages()).extracting(Page::watermark).containsOnly(INITIAL);
        assertThat(sinceAsked()).containsExactly(INITIAL, INITIAL); // two pages of 2 records: the next link keeps it
        assertThat(saved(memory)).isEqualTo("2024-05-01T12:00:00Z");

        ORDERS.add(order(4, "2024-05-02T08:00:00Z"), order(5, "2024-05-02T09:30:00+02:00")); // 07:30Z
        Run second = runOnce(memory, endpoint(""));
        assertThat(second.ids()).containsExactly("o5", "o4");
        assertThat(second.pages()).extracting(Page::watermark).containsOnly("2024-05-01T12:00:00Z");
        assertThat(sinceAsked()).containsExactly("2024-05-01T12:00:00Z");
        assertThat(saved(memory)).isEqualTo("2024-05-02T08:00:00Z"); // an instant: 08:00Z is after 09:30+02:00

        CountingState counting = new CountingState(memory);
        Run third = runOnce(counting, endpoint(""));
        assertThat(third.ids()).isEmpty();
        assertThat(third.pages()).hasSize(1); // the empty page is delivered, as any page is
        assertThat(sinceAsked()).containsExactly("2024-05-02T08:00:00Z"); // nothing new: one request
        assertThat(counting.writes).as("state writes of a run that found nothing new").hasValue(0);
        assertThat(saved(memory)).isEqualTo("2024-05-02T08:00:00Z");
    }

    @Test
    void aRunTheRouteFailedDoesNotAdvanceTheWatermarkAndResumesWithTheValueItStartedWith() throws Exception {
        ORDERS.add(order(1, "2024-05-01T10:00:00Z"));
        runOnce(memory, endpoint(""));
        assertThat(saved(memory)).isEqualTo("2024-05-01T10:00:00Z");
        sinceAsked();

        ORDERS.add(order(2, "2024-05-01T11:00:00Z"), order(3, "2024-05-01T12:00:00Z"),
                order(4, "2024-05-01T13:00:00Z"), order(5, "2024-05-01T14:00:00Z"));
        Run failed = runOnce(memory, endpoint(""), page -> page == 2);
        assertThat(failed.ids()).containsExactly("o2", "o3");
        assertThat(saved(memory)).as("a failed run saves nothing").isEqualTo("2024-05-01T10:00:00Z");
        assertThat(sinceAsked()).containsExactly("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z");

        ORDERS.add(order(6, "2024-05-01T15:00:00Z")); // written meanwhile: the resumed run pages the same query on
        // a lag set meanwhile applies from the next run on: the resumed run keeps the value it started with
        Run resumed = runOnce(memory, endpoint("&watermarkLag=PT1H"));
        assertThat(resumed.pages()).extracting(Page::number).containsExactly(2, 3);
        assertThat(resumed.pages()).extracting(Page::watermark).containsOnly("2024-05-01T10:00:00Z");
        assertThat(resumed.ids()).containsExactly("o4", "o5", "o6");
        assertThat(sinceAsked()).containsExactly("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z");
        assertThat(saved(memory)).isEqualTo("2024-05-01T15:00:00Z");
    }

    @Test
    void aRunThatFailsFetchingDoesNotAdvanceTheWatermark() throws Exception {
        ORDERS.add(order(1, "2024-05-01T10:00:00Z"), order(2, "2024-05-01T11:00:00Z"),
                order(3, "2024-05-01T12:00:00Z"));
        api.stubFor(get(urlPathEqualTo("/orders")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withStatus(503)));

        Run failed = runOnce(memory, endpoint(""));
        assertThat(failed.completed()).isFalse();
        assertThat(failed.ids()).containsExactly("o1", "o2");
        assertThat(saved(memory)).isNull();
        assertThat(memory.getState("orders")).as("the position to resume at").contains("page=2");
    }

    @Test
    void aRunInterruptedByAStopDoesNotAdvanceTheWatermark() throws Exception {
        for (int i = 1; i <= 8; i++) { // 4 pages
            ORDERS.add(order(i, "2024-05-01T1" + i + ":00:00Z"));
        }
        CountDownLatch atPage2 = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        String uri = endpoint("&stateRepository=#state&repeatCount=1&initialDelay=0&requestInterval=0");
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", memory);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri)
                        .routeId("orders")
                        .process(exchange -> {
                            if (exchange.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class) == 2) {
                                atPage2.countDown();
                                // the route is still on page 2 when the stop begins, however fast the pages came
                                assertThat(stopping.await(20, TimeUnit.SECONDS)).isTrue();
                            }
                        });
            }
        });
        context.start();
        assertThat(atPage2.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stop = CompletableFuture.runAsync(context::stop);
        await().atMost(Duration.ofSeconds(20)).until(() -> context.getStatus().isStopping());
        stopping.countDown();
        stop.get(30, TimeUnit.SECONDS);

        assertThat(saved(memory)).as("an interrupted run saves no watermark").isNull();
        assertThat(memory.getState("orders")).as("its position, with its watermark").contains("\"watermark\"");
        Run resumed = runOnce(memory, endpoint(""));
        assertThat(resumed.pages()).extracting(Page::number).containsExactly(3, 4);
        assertThat(saved(memory)).isEqualTo("2024-05-01T18:00:00Z");
    }

    @Test
    void aLagReadsTheOverlapAgainAndCatchesLateWrites() throws Exception {
        ORDERS.add(order(1, "2024-05-01T10:00:00Z"), order(2, "2024-05-01T12:00:00Z"));
        runOnce(memory, endpoint("&watermarkLag=PT1H"));
        assertThat(saved(memory)).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(sinceAsked()).as("the initial value is not moved").containsExactly(INITIAL);

        ORDERS.add(order(3, "2024-05-01T11:30:00Z")); // written late: below the watermark already saved
        Run second = runOnce(memory, endpoint("&watermarkLag=PT1H"));
        assertThat(sinceAsked()).containsExactly("2024-05-01T11:00:00Z");
        assertThat(second.pages()).extracting(Page::watermark).containsOnly("2024-05-01T11:00:00Z");
        assertThat(second.ids()).containsExactly("o3", "o2"); // the late one, and the overlap again
        assertThat(saved(memory)).isEqualTo("2024-05-01T12:00:00Z");
    }

    static Stream<Arguments> kinds() {
        Comparator<String> numbers = Comparator.comparing(BigDecimal::new);
        return Stream.of(
                // numbers compare as numbers: 10 > 9 (as strings 9 would win)
                Arguments.of("numbers", numbers, "0", List.of("{\"id\":\"a\",\"seq\":9}", "{\"id\":\"b\",\"seq\":10}",
                        "{\"id\":\"c\",\"seq\":2}"), "10", "{\"id\":\"d\",\"seq\":11}"),
                // date-times compare as instants, whatever their offset
                Arguments.of("date-times", INSTANTS, "2024-01-01T00:00:00Z", List.of(
                        "{\"id\":\"a\",\"seq\":\"2024-05-01T12:00:00+02:00\"}",
                        "{\"id\":\"b\",\"seq\":\"2024-05-01T11:00:00Z\"}",
                        "{\"id\":\"c\",\"seq\":\"2024-05-01T09:30:00-01:00\"}"), "2024-05-01T11:00:00Z",
                        "{\"id\":\"d\",\"seq\":\"2024-05-01T13:30:00+02:00\"}"),
                // anything else compares as a string, character by character
                Arguments.of("strings", Comparator.<String> naturalOrder(), "a", List.of("{\"id\":\"a\",\"seq\":\"b\"}",
                        "{\"id\":\"b\",\"seq\":\"c10\"}", "{\"id\":\"c\",\"seq\":\"c9\"}"), "c9",
                        "{\"id\":\"d\",\"seq\":\"d\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void valuesCompareByTheirKind(String kind, Comparator<String> apiOrder, String initial, List<String> records,
                                  String highest, String newer) throws Exception {
        ORDERS.filterBy("seq", apiOrder).pageSize(10).add(records.toArray(String[]::new));
        String uri = "adfrest:" + Pages.baseUrl(api) + "/orders?since={watermark}&paginationRules.AbsoluteUrl=$.next"
                     + "&collectionReference=$.data&watermarkPath=$.seq&watermarkInitialValue=" + initial;
        runOnce(memory, uri);
        assertThat(saved(memory)).isEqualTo(highest);
        sinceAsked();

        ORDERS.add(newer);
        Run second = runOnce(memory, uri);
        assertThat(sinceAsked()).containsExactly(highest);
        assertThat(second.ids()).containsExactly("d");
    }

    @Test
    void recordsWithoutTheFieldDoNotCountAndAreCountedAtDebug() throws Exception {
        api.stubFor(get(urlPathEqualTo("/plain")).willReturn(Pages.json("{\"data\":[{\"id\":\"o1\",\"updatedAt\":"
                + "\"2024-05-01T10:00:00Z\"},{\"id\":\"o2\"},{\"id\":\"o3\",\"updatedAt\":null},{\"id\":\"o4\","
                + "\"updatedAt\":\"2024-05-01T09:00:00Z\"}]}")));
        try (LogCapture log = LogCapture.open()) {
            Run run = runOnce(memory, "adfrest:" + Pages.baseUrl(api) + "/plain?collectionReference=$.data"
                                      + "&watermarkPath=$.updatedAt");
            assertThat(run.ids()).containsExactly("o1", "o2", "o3", "o4"); // delivered all the same
            assertThat(run.pages()).extracting(Page::watermark).containsOnly((String) null); // nothing yet to ask from
            assertThat(log.lines()).anyMatch(l -> l.startsWith("DEBUG") && l.contains("page 1: 2 of 4 records have no"
                                                                                     + " value at watermarkPath $.updatedAt"));
        }
        assertThat(saved(memory)).isEqualTo("2024-05-01T10:00:00Z");
    }

    @Test
    void withoutThePlaceholderTheRouteReadsTheWatermarkFromTheHeader() throws Exception {
        ORDERS.add(order(1, "2024-05-01T10:00:00Z"));
        String uri = "adfrest:" + Pages.baseUrl(api) + "/orders?paginationRules.AbsoluteUrl=$.next"
                     + "&collectionReference=$.data&watermarkPath=$.updatedAt";
        assertThat(runOnce(memory, uri).pages()).extracting(Page::watermark).containsOnly((String) null);
        assertThat(runOnce(memory, uri).pages()).extracting(Page::watermark).containsOnly("2024-05-01T10:00:00Z");
        assertThat(sinceAsked()).containsOnlyNulls();
    }

    @Test
    void theValueIsUrlEncodedInTheUrlAndAsIsInAHeader() throws Exception {
        ORDERS.add(order(1, "2024-05-01T10:00:00+02:00"));
        String header = "adfrest:" + Pages.baseUrl(api) + "?relativeUrl=/orders&additionalHeaders.X-Since={watermark}"
                        + "&collectionReference=$.data&watermarkPath=$.updatedAt&watermarkInitialValue=" + INITIAL;
        runOnce(memory, header);
        runOnce(memory, header);
        List<LoggedRequest> asked = api.findAll(getRequestedFor(urlPathEqualTo("/orders")));
        assertThat(asked).extracting(r -> r.getHeader("X-Since")).containsExactly(INITIAL, "2024-05-01T10:00:00+02:00");

        api.resetRequests();
        String relative = "adfrest:" + Pages.baseUrl(api) + "?relativeUrl=RAW(/orders?since={watermark})"
                          + "&collectionReference=$.data&watermarkPath=$.updatedAt&watermarkInitialValue=" + INITIAL;
        runOnce(memory, relative);
        asked = api.findAll(getRequestedFor(urlPathEqualTo("/orders")));
        assertThat(asked).extracting(LoggedRequest::getUrl).containsExactly("/orders?since=2024-05-01T10%3A00%3A00%2B02%3A00");
        assertThat(asked.get(0).queryParameter("since").firstValue()).isEqualTo("2024-05-01T10:00:00+02:00"); // + kept
    }

    @Test
    void theValueIsJsonEscapedInTheRequestBody() throws Exception {
        ORDERS.filterBy("version", Comparator.naturalOrder()).add("{\"id\":\"o1\",\"version\":\"say \\\"hi\\\"\"}");
        String uri = "adfrest:" + Pages.baseUrl(api) + "?relativeUrl=/orders/search&requestMethod=POST"
                     + "&requestBody=RAW({\"filter\":{\"since\":\"{watermark}\"}})&collectionReference=$.data"
                     + "&watermarkPath=$.version&watermarkInitialValue=a";
        runOnce(memory, uri);
        runOnce(memory, uri);
        api.verify(postRequestedFor(urlPathEqualTo("/orders/search"))
                .withRequestBody(equalToJson("{\"filter\":{\"since\":\"say \\\"hi\\\"\"}}")));
    }

    @Test
    void asReceivedPagesAreOneRecordEachOrTheirElementsWhenTheyAreArrays() throws Exception {
        ORDERS.add(order(1, "2024-05-01T10:00:00Z"), order(2, "2024-05-01T11:00:00Z"),
                order(3, "2024-05-01T12:00:00Z"));
        String object = "adfrest:" + Pages.baseUrl(api) + "/orders?since={watermark}&paginationRules.AbsoluteUrl=$.next"
                        + "&watermarkPath=$.data[*].updatedAt&watermarkInitialValue=" + INITIAL;
        assertThat(runOnce(memory, object).pages()).hasSize(2);
        assertThat(saved(memory)).isEqualTo("2024-05-01T12:00:00Z");

        ORDERS.add(order(4, "2024-05-01T13:00:00Z"));
        Run spooled = runOnce(memory, object + "&spoolThreshold=10"); // pages over 10 bytes go to a temporary file
        assertThat(spooled.ids()).containsExactly("o4");
        assertThat(saved(memory)).isEqualTo("2024-05-01T13:00:00Z");

        api.stubFor(get(urlPathEqualTo("/array")).willReturn(Pages.json("[{\"id\":\"o1\",\"n\":3},{\"id\":\"o2\","
                                                                        + "\"n\":12}]")));
        MemoryStateRepository other = new MemoryStateRepository();
        runOnce(other, "adfrest:" + Pages.baseUrl(api) + "/array?watermarkPath=$.n");
        assertThat(saved(other)).isEqualTo("12");
    }

    @Test
    void theEndpointTellsTheSavedWatermark() throws Exception {
        ORDERS.add(order(1, "2024-05-01T10:00:00Z"));
        runOnce(memory, endpoint(""));
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", memory);
        context.start();
        try {
            AdfRestEndpoint endpoint = context.getEndpoint(endpoint("&stateRepository=#state"), AdfRestEndpoint.class);
            endpoint.start();
            assertThat(endpoint.runs().savedWatermark("orders")).isEqualTo("2024-05-01T10:00:00Z");
            assertThat(endpoint.runs().savedWatermark("another-route")).isNull();
        } finally {
            context.stop();
        }
    }

    /** The state repositories a restarted application finds its watermark in. */
    private Supplier<StateRepository<String, String>> restartable(String kind) {
        if (kind.equals("file")) {
            File file = dir.resolve("state.dat").toFile();
            return () -> FileStateRepository.fileStateRepository(file);
        }
        String url = h2.newDatabase();
        return () -> new JdbcStateRepository(H2Server.dataSource(url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "file", "jdbc" })
    void theWatermarkSurvivesARestart(String kind) throws Exception {
        Supplier<StateRepository<String, String>> state = restartable(kind);
        ORDERS.add(order(1, "2024-05-01T10:00:00Z"), order(2, "2024-05-01T11:00:00Z"));
        StateRepository<String, String> before = state.get();
        runOnce(before, endpoint(""));
        sinceAsked();
        ORDERS.add(order(3, "2024-05-01T12:00:00Z"));

        StateRepository<String, String> after = state.get(); // a new instance: what it knows comes from the file / database
        assertThat(after).isNotSameAs(before);
        Run second = runOnce(after, endpoint(""));
        assertThat(sinceAsked()).containsExactly("2024-05-01T11:00:00Z");
        assertThat(second.ids()).containsExactly("o3");
        assertThat(saved(after)).isEqualTo("2024-05-01T12:00:00Z");
    }

    /** A state repository that counts writes. */
    static final class CountingState implements StateRepository<String, String> {
        final AtomicInteger writes = new AtomicInteger();
        private final StateRepository<String, String> delegate;

        CountingState(StateRepository<String, String> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void setState(String key, String value) {
            writes.incrementAndGet();
            delegate.setState(key, value);
        }

        @Override
        public String getState(String key) {
            return delegate.getState(key);
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    }
}
