package dev.adfrest.camel;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.source.RunEnd;
import dev.adfrest.camel.testsupport.H2Server;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Receiver;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * operation=read: one copy run per exchange, its pages a lazy Iterator of Messages that split(body()).streaming()
 * reads one at a time; per-exchange parameters through toD; every run ends, however the route stops reading it.
 */
class ReadProducerTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    DataSource customers;

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        customers = H2Server.dataSource("jdbc:h2:mem:customers-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = customers.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id VARCHAR(20) PRIMARY KEY)");
            s.execute("INSERT INTO customers VALUES ('acme'), ('globex'), ('initech')");
        }
        registry.bind("customers", customers);
    }

    /** Stubs /customers/{customer}/orders?page=1..n: {"data":[{"order":"<customer>-<page>-<i>"}...],"next":...}. */
    static void stubOrders(String customer, int pages, int perPage) {
        for (int page = 1; page <= pages; page++) {
            StringBuilder data = new StringBuilder();
            for (int i = 1; i <= perPage; i++) {
                data.append(i > 1 ? "," : "").append("{\"order\":\"").append(customer).append('-').append(page)
                        .append('-').append(i).append("\"}");
            }
            String next = page < pages ? ",\"next\":\"" + Pages.baseUrl(api) + "/customers/" + customer
                                         + "/orders?page=" + (page + 1) + "\"" : "";
            api.stubFor(get(urlPathEqualTo("/customers/" + customer + "/orders"))
                    .withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(Pages.json("{\"data\":[" + data + "]" + next + "}")));
        }
    }

    static String orders(String customer, String options) {
        return "adfrest:" + Pages.baseUrl(api) + "?relativeUrl=/customers/" + customer + "/orders&page=1"
               + "&paginationRules.AbsoluteUrl=$.next&requestInterval=0&operation=read" + options;
    }

    int requestsSoFar() {
        return api.getAllServeEvents().size();
    }

    List<AdfRestEndpoint> readers() {
        return context.getEndpoints().stream().filter(AdfRestEndpoint.class::isInstance).map(AdfRestEndpoint.class::cast)
                .toList();
    }

    long runsOpen() {
        return readers().stream().map(e -> e.getProducerStats().snapshot())
                .mapToLong(s -> s.runsStarted() - s.runsEnded()).sum();
    }

    int connectionsLeased() {
        return readers().stream().mapToInt(e -> e.runs() == null ? 0 : e.runs().leasedConnections()).sum();
    }

    @Test
    void splitStreamingHoldsOnePageAtATime() throws Exception {
        stubOrders("acme", 4, 2);
        List<Integer> requestsWhenProcessed = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(orders("acme", ""))
                        .split(body()).streaming()
                        .process(e -> requestsWhenProcessed.add(requestsSoFar()))
                        .to("mock:pages");
            }
        });
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(4);

        template.sendBody("direct:in", null);

        pages.assertIsSatisfied();
        // page k is in the route once page k+1 was asked for (the exact last page), never more
        assertThat(requestsWhenProcessed).containsExactly(2, 3, 4, 4);
        List<Exchange> received = pages.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER))
                .containsExactly(1, 2, 3, 4);
        assertThat(received).extracting(e -> e.getMessage().getHeader(AdfRestConstants.LAST_PAGE))
                .containsExactly(false, false, false, true);
        Message first = received.get(0).getMessage();
        assertThat(first.getHeader(AdfRestConstants.REQUEST_URL))
                .isEqualTo(Pages.baseUrl(api) + "/customers/acme/orders?page=1");
        assertThat(first.getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(first.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(first.getBody(JsonNode.class).at("/data/1/order").asText()).isEqualTo("acme-1-2");
        assertThat(received).extracting(e -> e.getMessage().getHeader(AdfRestConstants.RUN_ID)).containsOnly(
                first.getHeader(AdfRestConstants.RUN_ID));
        assertThat(runsOpen()).isZero();
    }

    @Test
    void toDReadsAllOrdersOfEachCustomerFromADatabase() throws Exception {
        for (String customer : List.of("acme", "globex", "initech")) {
            stubOrders(customer, 2, 3);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers").to("sql:SELECT id FROM customers ORDER BY id?dataSource=#customers")
                        .split(body()).setHeader("customer", simple("${body[ID]}"))
                        .toD(orders("${header.customer}", "&collectionReference=$.data"))
                        .split(body()).streaming()
                        .to("mock:pages");
            }
        });
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(6);

        template.sendBody("direct:customers", null);

        pages.assertIsSatisfied();
        List<String> orders = new ArrayList<>();
        for (Exchange page : pages.getReceivedExchanges()) {
            assertThat(page.getMessage().getHeader(AdfRestConstants.RECORD_COUNT)).isEqualTo(3);
            for (Object record : page.getMessage().getBody(List.class)) {
                orders.add(((JsonNode) record).get("order").asText());
            }
        }
        assertThat(orders).hasSize(18).startsWith("acme-1-1", "acme-1-2", "acme-1-3", "acme-2-1")
                .contains("globex-2-3", "initech-1-1").endsWith("initech-2-3");
        for (String customer : List.of("acme", "globex", "initech")) {
            api.verify(2, getRequestedFor(urlPathEqualTo("/customers/" + customer + "/orders")));
        }
        assertThat(readers()).hasSize(3); // one endpoint per customer, each with its own run
        assertThat(runsOpen()).isZero();
    }

    @Test
    void anExceptionInTheSplitterClosesTheRun() throws Exception {
        stubOrders("acme", 6, 1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(orders("acme", ""))
                        .split(body()).streaming().stopOnException()
                        .filter(header(AdfRestConstants.PAGE_NUMBER).isEqualTo(2))
                        .throwException(new IllegalStateException("page 2 is refused"));
            }
        });

        Exchange done = template.send("direct:in", e -> {
        });

        assertThat(done.getException()).hasMessageContaining("page 2 is refused");
        assertThat(runsOpen()).isZero();
        assertThat(connectionsLeased()).isZero();
        // page 3 was read ahead for page 2; nothing after it was asked for
        api.verify(3, getRequestedFor(urlPathEqualTo("/customers/acme/orders")));
        assertThat(readers().get(0).getProducerStats().snapshot().runsStarted()).isEqualTo(1);
        assertThat(readers().get(0).getProducerStats().snapshot().last().outcome()).isEqualTo(RunEnd.Outcome.CLOSED);
    }

    @Test
    void anIteratorNobodyReadsIsClosedWithItsExchange() throws Exception {
        stubOrders("acme", 3, 1);
        Iterator<?>[] body = new Iterator<?>[1];
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(orders("acme", ""))
                        .process(e -> {
                            Iterator<?> pages = e.getMessage().getBody(Iterator.class);
                            body[0] = pages;
                            pages.next(); // reads page 1 only
                        });
            }
        });

        template.sendBody("direct:in", null);

        assertThat(((AdfRestPageIterator) body[0]).isClosed()).isTrue();
        assertThat(runsOpen()).isZero();
        api.verify(2, getRequestedFor(urlPathEqualTo("/customers/acme/orders")));
    }

    /** A ProducerTemplate hands back the body after the exchange completed: its run starts when it is read. */
    @Test
    void anIteratorFromAProducerTemplateIsReadAfterItsExchange() throws Exception {
        stubOrders("zeta", 3, 2);

        Iterator<?> pages = template.requestBody(orders("zeta", "&collectionReference=$.data"), null, Iterator.class);

        assertThat(requestsSoFar()).isZero(); // nothing is fetched before it is read
        List<Message> read = new ArrayList<>();
        pages.forEachRemaining(page -> read.add((Message) page));
        assertThat(read).extracting(m -> m.getHeader(AdfRestConstants.PAGE_NUMBER)).containsExactly(1, 2, 3);
        assertThat(read).extracting(m -> m.getHeader(AdfRestConstants.LAST_PAGE)).containsExactly(false, false, true);
        assertThat(read.get(2).getBody(List.class)).hasSize(2);
        assertThat(runsOpen()).isZero();
    }

    /** A run the route began to read and its exchange closed: reading on says so, rather than that no page is left. */
    @Test
    void readingOnARunItsExchangeClosedFails() throws Exception {
        stubOrders("eta", 3, 1);
        Iterator<?>[] body = new Iterator<?>[1];
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:eta").to(orders("eta", "")).process(e -> {
                    body[0] = e.getMessage().getBody(Iterator.class);
                    body[0].next();
                });
            }
        });

        template.sendBody("direct:eta", null);

        assertThatThrownBy(body[0]::hasNext).isInstanceOf(AdfRestException.class)
                .hasMessageContaining("was closed when its exchange completed, after 1 pages were read");
        assertThat(runsOpen()).isZero();
    }

    @Test
    void aRunThatFailsFailsTheExchangeFromTheSplitter() throws Exception {
        stubOrders("acme", 3, 1);
        api.stubFor(get(urlPathEqualTo("/customers/acme/orders")).withQueryParam("page", equalTo("3")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"gone\"}")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(orders("acme", "")).split(body()).streaming().to("mock:pages");
            }
        });
        // as the consumer does: page 2 is delivered, then the run fails with the request after it
        getMockEndpoint("mock:pages").expectedMessageCount(2);

        Exchange done = template.send("direct:in", e -> {
        });

        getMockEndpoint("mock:pages").assertIsSatisfied();
        assertThat(done.getException()).isInstanceOf(AdfRestHttpException.class).hasMessageContaining("HTTP 404");
        assertThat(runsOpen()).isZero();
        assertThat(readers().get(0).getProducerStats().snapshot().lastFailure().failure().message()).contains("HTTP 404");
    }

    /**
     * Holds the route on page 2 through the forced stop: Camel interrupts the route's thread when the graceful period
     * ends, which would otherwise complete the exchange (and close its iterator) before the producer stops.
     */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (latch.await(30, TimeUnit.SECONDS)) {
                        return;
                    }
                    throw new IllegalStateException("the test never released page 2");
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void stoppingTheRouteClosesARunBeingRead() throws Exception {
        stubOrders("acme", 5, 1);
        CountDownLatch inPage2 = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AdfRestPageIterator[] body = new AdfRestPageIterator[1];
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:in").routeId("reader").to(orders("acme", ""))
                        .process(e -> body[0] = e.getMessage().getBody(AdfRestPageIterator.class))
                        .split(body()).streaming()
                        .process(e -> {
                            if (e.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class) == 2) {
                                inPage2.countDown();
                                awaitUninterruptibly(release);
                            }
                        })
                        .to("mock:pages");
            }
        });
        template.sendBody("seda:in", null);
        assertThat(inPage2.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runsOpen()).isEqualTo(1);

        // the graceful stop gives the exchange a second, then stops the producer: its open run is closed
        context.getRouteController().stopRoute("reader", 1, TimeUnit.SECONDS);
        assertThat(runsOpen()).isZero();
        assertThat(readers().get(0).getProducerStats().snapshot().last().outcome()).isEqualTo(RunEnd.Outcome.CLOSED);
        release.countDown();

        // reading on, the route is told the run was cut short, rather than that the copy is complete
        assertThat(body[0].isClosed()).isTrue();
        assertThatThrownBy(body[0]::hasNext).isInstanceOf(AdfRestException.class)
                .hasMessageContaining("was stopped after").hasMessageContaining("because its producer stopped");
        api.verify(3, getRequestedFor(urlPathEqualTo("/customers/acme/orders"))); // page 3 was in hand; no page 4
    }

    @Test
    void theWholeAdfCopyInOneExchangeBatchesRecordsAcrossPages() throws Exception {
        stubOrders("acme", 3, 4);
        try (Receiver sink = Receiver.start()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:copy").to(orders("acme", "&collectionReference=$.data"))
                            .to("adfrest:" + sink.url() + "/import?writeBatchSize=5&requestInterval=0");
                }
            });

            Exchange done = template.send("direct:copy", e -> {
            });

            assertThat(done.getException()).isNull();
            assertThat(sink.requests()).extracting(r -> r.json().size()).containsExactly(5, 5, 2);
            assertThat(sink.recordsReceived()).extracting(r -> r.get("order").asText())
                    .containsExactly("acme-1-1", "acme-1-2", "acme-1-3", "acme-1-4", "acme-2-1", "acme-2-2",
                            "acme-2-3", "acme-2-4", "acme-3-1", "acme-3-2", "acme-3-3", "acme-3-4");
            assertThat(done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN)).isEqualTo(12L);
            assertThat(runsOpen()).isZero();
        }
    }
}
