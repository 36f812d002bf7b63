package dev.adfrest.camel;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.InFlight;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * parallelRequests with RANGE rules (ADF's example 1, an offset in the query): up to N pages in flight, handed to the
 * route one by one, in order, with an exact CamelAdfRestLastPage; every stop falls on the page it falls on when pages
 * are fetched one at a time. The server's gates force concurrency and completion order, so nothing here depends on
 * timing.
 */
class ParallelRequestsTest extends CamelTestSupport {

    static final InFlight SERVER = new InFlight();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer(SERVER);

    @BeforeEach
    void offsets() {
        SERVER.reset();
        api.resetAll();
        for (int offset = 0; offset < 40; offset++) {
            api.stubFor(get(urlEqualTo(offset(offset))).willReturn(Pages.json("{\"data\":[" + offset + "]}")));
        }
    }

    static String offset(int offset) {
        return "/items?offset=" + offset;
    }

    static String uri(String rules, int parallel) {
        return "adfrest:" + Pages.baseUrl(api) + "/items?offset={offset}&paginationRules=RAW(" + rules + ")"
               + "&parallelRequests=" + parallel + "&requestInterval=0&repeatCount=1&initialDelay=0&maxRetries=0";
    }

    static String range(String range) {
        return "{\"QueryParameters.{offset}\":\"" + range + "\"}";
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("copy").to("mock:pages");
            }
        });
    }

    private List<Exchange> pages(int expected) throws InterruptedException {
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(expected);
        pages.assertIsSatisfied();
        return pages.getReceivedExchanges();
    }

    /** Waits for the run's summary line: after it, nothing more is delivered. */
    private static String runEnd(LogCapture log) {
        await().atMost(Duration.ofSeconds(20)).until(() -> log.all().contains(" done: "));
        return log.lines().stream().filter(l -> l.contains(" done: ")).findFirst().orElseThrow();
    }

    static List<Integer> data(List<Exchange> pages) {
        return pages.stream().map(e -> e.getMessage().getBody(com.fasterxml.jackson.databind.JsonNode.class)
                .path("data").path(0).asInt()).toList();
    }

    static List<Boolean> lastFlags(List<Exchange> pages) {
        return pages.stream().map(e -> e.getMessage().getHeader(AdfRestConstants.LAST_PAGE, Boolean.class)).toList();
    }

    @Test
    void tenRequestsAreInFlightAtOnceAndPagesArriveInOrder() throws Exception {
        SERVER.firstTogether(10); // no response before ten requests are in flight: more than the pool's default 8

        consume(uri(range("RANGE:0:29:1"), 10));

        List<Exchange> pages = pages(30);
        assertThat(SERVER.gatesTimedOut()).isEmpty();
        assertThat(SERVER.most()).isEqualTo(10);
        assertThat(data(pages)).containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
        assertThat(pages).extracting(e -> e.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(lastFlags(pages)).containsOnlyOnce(true).endsWith(true);
    }

    @Test
    void responsesSentInReverseOrderAreStillDeliveredInOrder() throws Exception {
        SERVER.answerAfter(offset(2), offset(3));
        SERVER.answerAfter(offset(1), offset(2));
        SERVER.answerAfter(offset(0), offset(1));

        consume(uri(range("RANGE:0:3:1"), 4));

        List<Exchange> pages = pages(4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> // the server may note the last one after it arrived
                assertThat(SERVER.sent()).containsExactly(offset(3), offset(2), offset(1), offset(0)));
        assertThat(data(pages)).containsExactly(0, 1, 2, 3);
        assertThat(lastFlags(pages)).containsExactly(false, false, false, true);
    }

    @Test
    void anEndConditionInsideTheWindowEndsTheRunNormallyAndPagesFetchedAheadAreNeverDelivered() throws Exception {
        api.stubFor(get(urlEqualTo(offset(5))).willReturn(Pages.json("{\"data\":[]}")));
        SERVER.answerAfter(offset(5), offset(6), offset(7), offset(8)); // three pages past the end arrive first

        try (LogCapture log = LogCapture.open()) {
            consume(uri("{\"QueryParameters.{offset}\":\"RANGE:0::1\",\"EndCondition:$.data\":\"Empty\"}", 4));

            assertThat(runEnd(log)).contains("6 pages", "ended: END_CONDITION");
        }
        List<Exchange> pages = getMockEndpoint("mock:pages").getReceivedExchanges();
        assertThat(pages).hasSize(6);
        assertThat(lastFlags(pages)).containsExactly(false, false, false, false, false, true);
        assertThat(SERVER.sent()).contains(offset(6), offset(7), offset(8));
        api.verify(9, getRequestedFor(urlPathEqualTo("/items"))); // offsets 0..8: the window never went further
    }

    @Test
    void maxRequestNumberIsNeverExceeded() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            consume(uri("{\"QueryParameters.{offset}\":\"RANGE:0::1\",\"MaxRequestNumber\":5}", 8));

            assertThat(runEnd(log)).contains("5 pages", "ended: MAX_REQUESTS");
        }
        assertThat(lastFlags(getMockEndpoint("mock:pages").getReceivedExchanges()))
                .containsExactly(false, false, false, false, true);
        api.verify(5, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void a204InsideTheWindowMakesThePageBeforeItTheLast() throws Exception {
        api.stubFor(get(urlEqualTo(offset(3))).willReturn(aResponse().withStatus(204)));
        SERVER.answerAfter(offset(2), offset(3), offset(4), offset(5));

        try (LogCapture log = LogCapture.open()) {
            consume(uri(range("RANGE:0::1"), 4));

            assertThat(runEnd(log)).contains("3 pages", "ended: NO_CONTENT");
        }
        assertThat(lastFlags(getMockEndpoint("mock:pages").getReceivedExchanges())).containsExactly(false, false, true);
    }

    @Test
    void aRequestThatKeepsFailingIsRetriedThenFailsTheRunAfterEveryPageBeforeIt() throws Exception {
        api.stubFor(get(urlEqualTo(offset(3))).willReturn(aResponse().withStatus(503).withBody("{\"error\":\"busy\"}")));
        SERVER.answerAfter(offset(0), offset(3)); // the failure is known before page 1 arrives
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(range("RANGE:0:9:1"), 4).replace("maxRetries=0", "maxRetries=2&retryDelay=10")
                     + "&bridgeErrorHandler=true")
                        .onException(Exception.class).handled(true).to("mock:errors").end()
                        .to("mock:pages");
            }
        });

        errors.assertIsSatisfied();
        AdfRestHttpException e = errors.getReceivedExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestHttpException.class);
        assertThat(e.getStatusCode()).isEqualTo(503);
        assertThat(e.getUrl()).endsWith(offset(3));
        api.verify(3, getRequestedFor(urlEqualTo(offset(3)))); // the request and two retries
        List<Exchange> pages = getMockEndpoint("mock:pages").getReceivedExchanges();
        assertThat(data(pages)).containsExactly(0, 1, 2);
        assertThat(lastFlags(pages)).containsExactly(false, false, false);
    }

    @Test
    void aPageTheRouteFailsEndsTheRunAndNoLaterPageIsDelivered() throws Exception {
        MockEndpoint handled = getMockEndpoint("mock:handled");
        handled.expectedMessageCount(1);
        handled.expectedHeaderReceived(AdfRestConstants.PAGE_NUMBER, 3);

        try (LogCapture log = LogCapture.open()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(deadLetterChannel("mock:handled"));
                    from(uri(range("RANGE:0:19:1"), 4))
                            .to("mock:pages")
                            .filter(header(AdfRestConstants.PAGE_NUMBER).isEqualTo(3))
                            .throwException(new IllegalStateException("sink refused page 3"));
                }
            });

            handled.assertIsSatisfied();
            await().atMost(Duration.ofSeconds(20)).until(() -> log.all().contains("stopped: the route failed page 3"));
        }
        assertThat(data(getMockEndpoint("mock:pages").getReceivedExchanges())).containsExactly(0, 1, 2);
        api.verify(0, getRequestedFor(urlEqualTo(offset(7)))); // at most the window (4) past page 3 was requested
    }
}
