package dev.adfrest.camel;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.InFlight;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.adfrest.camel.ParallelRequestsTest.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * parallelRequests across the consumer's life: resume with a stateRepository, a route stopped while requests are in
 * flight (no thread outlives it), and rules that read the next request from a response (one page at a time).
 */
class ParallelRequestsLifecycleTest {

    private static final String FETCH_THREADS = "AdfRestFetch";
    private static final int PAGES = 12;

    static final InFlight SERVER = new InFlight();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer(SERVER);

    @TempDir
    Path dir;

    private final List<Integer> processed = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private CamelContext context;

    @BeforeEach
    void offsets() {
        SERVER.reset();
        api.resetAll();
        for (int offset = 0; offset < PAGES; offset++) {
            api.stubFor(get(urlEqualTo(offset(offset))).willReturn(Pages.json("{\"data\":[" + offset + "]}")));
        }
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        if (context != null) {
            context.stop();
        }
    }

    private static String rangeUri(int parallel, String options) {
        return "adfrest:" + Pages.baseUrl(api) + "/items?offset={offset}"
               + "&paginationRules.QueryParameters.{offset}=RANGE:0:" + (PAGES - 1) + ":1&parallelRequests=" + parallel
               + "&requestInterval=0&initialDelay=0&delay=1&maxRetries=0" + options;
    }

    /** Starts a context with the route "copy": records each page's offset, failing the pages {@code fail} says. */
    private void start(String uri, java.util.function.IntPredicate fail) throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(new File(dir.toFile(), "state.dat")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("copy").process(exchange -> {
                    int offset = exchange.getMessage().getBody(com.fasterxml.jackson.databind.JsonNode.class)
                            .path("data").path(0).asInt();
                    if (fail.test(offset)) {
                        throw new IllegalStateException("sink refused offset " + offset);
                    }
                    processed.add(offset);
                });
            }
        });
        context.start();
    }

    /** Live threads this test's context fetches pages ahead on. */
    private long fetchThreads() {
        String camel = "Camel (" + context.getName() + ") ";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(camel) && t.getName().endsWith(FETCH_THREADS)).count();
    }

    @Test
    void aRunResumedAfterAFailedPageGoesOnFromThatPageWithTheWindow() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        SERVER.answerAfter(offset(4), offset(5), offset(6), offset(7)); // pages past the failure were fetched ahead

        start(rangeUri(4, "&stateRepository=#state&repeatCount=2"), offset -> offset == 4 && failedOnce.compareAndSet(false, true));

        await().atMost(Duration.ofSeconds(20)).until(() -> processed.contains(PAGES - 1));
        assertThat(failedOnce).isTrue();
        // the second poll resumed at offset 4: every page processed exactly once, in order
        assertThat(processed).containsExactlyElementsOf(IntStream.range(0, PAGES).boxed().toList());
    }

    @Test
    void stoppingTheRouteMidWindowDeliversNothingMoreAndLeavesNoFetchThreads() throws Exception {
        for (int offset = 4; offset < PAGES; offset++) {
            SERVER.hold(offset(offset), release); // pages 5.. stay on the wire until the test lets them go
        }
        try (LogCapture log = LogCapture.open()) {
            start(rangeUri(4, "&repeatCount=1"), offset -> false);
            await().atMost(Duration.ofSeconds(20)).until(() -> processed.size() == 3);
            assertThat(fetchThreads()).isEqualTo(4);

            context.getRouteController().stopRoute("copy");
            release.countDown(); // the requests on the wire end; their threads with them

            await().atMost(Duration.ofSeconds(20)).until(() -> fetchThreads() == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> log.all().contains("interrupted by shutdown after 3 pages"));
        }
        assertThat(processed).containsExactly(0, 1, 2);
    }

    @Test
    void stoppingTheContextAbortsRequestsOnTheWire() throws Exception {
        for (int offset = 4; offset < PAGES; offset++) {
            SERVER.hold(offset(offset), release); // never answered while the context runs
        }
        start(rangeUri(4, "&repeatCount=1"), offset -> false);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed.size() == 3);

        context.stop(); // closes the connection pool: the reads in flight end without an answer

        await().atMost(Duration.ofSeconds(10)).until(() -> fetchThreads() == 0);
        assertThat(processed).containsExactly(0, 1, 2);
    }

    @Test
    void nextLinksFromTheBodyAreFetchedOneAtATimeAndTheStartLogSaysWhy() throws Exception {
        for (int page = 1; page <= 5; page++) {
            String next = page < 5 ? "\"next\":\"" + Pages.baseUrl(api) + "/n/" + (page + 1) + "\"," : "";
            api.stubFor(get(urlEqualTo("/n/" + page)).willReturn(Pages.json("{" + next + "\"data\":[" + page + "]}")));
        }
        List<Long> threadsDuringRun = new CopyOnWriteArrayList<>();

        try (LogCapture log = LogCapture.open()) {
            context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("adfrest:" + Pages.baseUrl(api) + "/n/1?paginationRules.AbsoluteUrl=$.next&parallelRequests=8"
                         + "&requestInterval=0&initialDelay=0&repeatCount=1")
                            .process(e -> threadsDuringRun.add(fetchThreads()))
                            .process(e -> processed.add(e.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class)));
                }
            });
            context.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> processed.size() == 5);

            assertThat(log.lines()).filteredOn(l -> l.contains("parallelRequests=8 does not apply")).singleElement()
                    .asString().startsWith("INFO ")
                    .contains("\"AbsoluteUrl\": \"$.next\"", "takes the next request from each response",
                            "one at a time");
        }
        assertThat(processed).containsExactly(1, 2, 3, 4, 5);
        assertThat(SERVER.most()).isEqualTo(1);
        assertThat(threadsDuringRun).containsOnly(0L);
    }
}
