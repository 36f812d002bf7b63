package dev.adfrest.camel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * partitions=3: three routes, partition=0, 1 and 2, together deliver the pages of one unpartitioned run of the same
 * endpoint, each page once, under its number in the whole run. The API is an offset API (ADF's example 1) with 47
 * records, 5 a page: offsets past the data answer an empty list, as real offset APIs do.
 */
class PartitionsTest extends CamelTestSupport {

    private static final int RECORDS = 47;
    private static final int PAGE = 5;

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    /** A page as a route received it. */
    record Delivered(String route, int number, String url, String body, boolean last) {
        /** What must be the same whichever route delivered it. */
        String page() {
            return number + " " + url + " " + body;
        }

        boolean empty() {
            return body.equals("{\"data\":[]}");
        }
    }

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void offsetApi() {
        api.resetAll();
        for (int offset = 0; offset <= 200; offset += PAGE) {
            String records = IntStream.range(offset, Math.min(offset + PAGE, RECORDS))
                    .mapToObj(Integer::toString).collect(Collectors.joining(","));
            api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo(Integer.toString(offset)))
                    .willReturn(Pages.json("{\"data\":[" + records + "]}")));
        }
    }

    /** The requests for the page at {@code offset}. */
    private static List<?> requestsAt(int offset) {
        return api.findAll(getRequestedFor(urlPathEqualTo("/items")).withQueryParam("offset",
                equalTo(Integer.toString(offset))));
    }

    private static String uri(String rules, String options) {
        return "adfrest:" + Pages.baseUrl(api) + "/items?offset={offset}&limit=" + PAGE + "&paginationRules=RAW(" + rules
               + ")&requestInterval=0&repeatCount=1&initialDelay=0&maxRetries=0" + options;
    }

    /** Starts a route per URI and waits until each has delivered its last page. */
    private List<Delivered> copy(List<String> uris) throws Exception {
        return copy(uris, null);
    }

    /** A route policy for the route of {@code uris[i]}. */
    interface Policies {
        RoutePolicy of(int i) throws Exception;
    }

    /** The same, each route under its policy. */
    private List<Delivered> copy(List<String> uris, Policies policies) throws Exception {
        delivered.clear();
        String prefix = "r" + System.nanoTime() + "-";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                for (int i = 0; i < uris.size(); i++) {
                    RouteDefinition route = from(uris.get(i)).routeId(prefix + i);
                    if (policies != null) {
                        route.routePolicy(policies.of(i));
                    }
                    route.process(exchange -> {
                        Message m = exchange.getMessage();
                        delivered.add(new Delivered(exchange.getFromRouteId(),
                                m.getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class),
                                m.getHeader(AdfRestConstants.REQUEST_URL, String.class), m.getBody(String.class),
                                m.getHeader(AdfRestConstants.LAST_PAGE, Boolean.class)));
                    });
                }
            }
        });
        await().atMost(Duration.ofSeconds(20))
                .until(() -> delivered.stream().filter(Delivered::last).count() == uris.size());
        return List.copyOf(delivered);
    }

    private List<Delivered> whole(String rules, String options) throws Exception {
        return copy(List.of(uri(rules, options)));
    }

    private List<Delivered> threePartitions(String rules, String options) throws Exception {
        return copy(List.of(uri(rules, options + "&partitions=3&partition=0"),
                uri(rules, options + "&partitions=3&partition=1"), uri(rules, options + "&partitions=3&partition=2")));
    }

    private static Set<String> pages(List<Delivered> pages) {
        Set<String> set = pages.stream().map(Delivered::page).collect(Collectors.toSet());
        assertThat(set).as("no page delivered twice").hasSameSizeAs(pages);
        return set;
    }

    /** A RANGE end, and MaxRequestNumber over an open range, bound the whole run: no partition goes past them. */
    @ParameterizedTest(name = "{0}, parallelRequests={1}")
    @CsvSource(delimiter = '|', value = {
            "RANGE:0:95:5                           | 1 | 20",
            "RANGE:0:95:5                           | 3 | 20",
            "RANGE:0::5\",\"MaxRequestNumber\":\"7 | 1 | 7",
            "RANGE:0::5\",\"MaxRequestNumber\":\"7 | 3 | 7" })
    void threePartitionsDeliverExactlyThePagesOfTheWholeRun(String range, int parallel, int pages) throws Exception {
        String rules = "{\"QueryParameters.{offset}\":\"" + range.trim() + "\"}";
        String options = "&parallelRequests=" + parallel;
        Set<String> whole = pages(whole(rules, options));

        List<Delivered> split = threePartitions(rules, options);

        assertThat(whole).hasSize(pages);
        assertThat(pages(split)).isEqualTo(whole);
        for (int i = 0; i < 3; i++) { // each partition: every third page from page i+1, in order
            int partition = i;
            assertThat(split.stream().filter(d -> d.route().endsWith("-" + partition)).map(Delivered::number))
                    .containsExactlyElementsOf(IntStream.iterate(i + 1, n -> n <= pages, n -> n + 3).boxed().toList());
        }
        assertThat(requestsAt(pages * PAGE)).isEmpty(); // the page after the whole run's last is never requested
    }

    @Test
    void threePartitionsUnderClusteredRoutePoliciesDeliverTheWholeRun(@TempDir Path locks) throws Exception {
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(locks.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        String rules = "{\"QueryParameters.{offset}\":\"RANGE:0:95:5\"}";
        Set<String> whole = pages(whole(rules, ""));

        List<Delivered> split = copy(List.of(uri(rules, "&partitions=3&partition=0"), uri(rules, "&partitions=3&partition=1"),
                uri(rules, "&partitions=3&partition=2")), i -> ClusteredRoutePolicy.forNamespace(cluster, "copy-p" + i));

        assertThat(pages(split)).isEqualTo(whole);
        assertThat(cluster.getNamespaces()).containsExactlyInAnyOrder("copy-p0", "copy-p1", "copy-p2");
    }

    @ParameterizedTest(name = "parallelRequests={0}")
    @ValueSource(ints = { 1, 3 })
    void anEndConditionEndsEachPartitionAtItsFirstEmptyPage(int parallel) throws Exception {
        String rules = "{\"QueryParameters.{offset}\":\"RANGE:0::5\",\"EndCondition:$.data\":\"Empty\"}";
        String options = "&parallelRequests=" + parallel;
        List<Delivered> wholeRun = whole(rules, options);

        List<Delivered> split = threePartitions(rules, options);

        // the whole run: pages 1-10 hold the 47 records, page 11 (offset 50) is empty and the last
        assertThat(wholeRun).hasSize(11);
        Set<String> withRecords = pages(wholeRun.stream().filter(d -> !d.empty()).toList());
        assertThat(pages(split.stream().filter(d -> !d.empty()).toList())).isEqualTo(withRecords);
        // each partition ends on its own first empty page (pages 11, 12, 13): the whole run's last page and two more
        List<Delivered> ends = split.stream().filter(Delivered::empty).toList();
        assertThat(ends).allMatch(Delivered::last);
        assertThat(ends).extracting(Delivered::number).containsExactlyInAnyOrder(11, 12, 13);
        assertThat(ends.stream().map(Delivered::route).collect(Collectors.toSet())).hasSize(3);
    }

    @Test
    void aPartitionResumesAtItsOwnFirstUnprocessedPage() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        context.getRegistry().bind("state", state);
        AtomicBoolean failedOnce = new AtomicBoolean();
        String rules = "{\"QueryParameters.{offset}\":\"RANGE:0:45:5\"}"; // 10 pages
        List<Delivered> processed = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < 2; i++) {
                    // partition 1 polls twice: its second poll resumes the run its first poll failed
                    from(uri(rules, "&stateRepository=#state&partitions=2&partition=" + i)
                         .replace("repeatCount=1", "repeatCount=" + (i + 1)).replace("initialDelay=0", "initialDelay=0&delay=10"))
                            .routeId("copy-" + i)
                            .process(exchange -> {
                                int page = exchange.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class);
                                if (page == 6 && failedOnce.compareAndSet(false, true)) {
                                    throw new IllegalStateException("sink refused page 6");
                                }
                                processed.add(new Delivered(exchange.getFromRouteId(), page, "", "", false));
                            });
                }
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> processed.size() == 10);

        assertThat(processed.stream().filter(d -> d.route().equals("copy-1")).map(Delivered::number))
                .containsExactly(2, 4, 6, 8, 10); // page 6 failed once, then came again; 2 and 4 did not
        assertThat(processed.stream().filter(d -> d.route().equals("copy-0")).map(Delivered::number))
                .containsExactly(1, 3, 5, 7, 9);
        assertThat(requestsAt(5)).hasSize(1); // page 2: not fetched again
        assertThat(requestsAt(25)).hasSize(2); // page 6: fetched again
        await().atMost(Duration.ofSeconds(20)).until(() -> "".equals(state.getState("copy-1#partition-1-of-2")));
        assertThat(state.getState("copy-0#partition-0-of-2")).isEmpty(); // both runs completed
    }

    @Test
    void aPartitionWithNoPageInTheWholeRunEndsAtOnce() throws Exception {
        String rules = "{\"QueryParameters.{offset}\":\"RANGE:0::5\",\"MaxRequestNumber\":\"2\"}";
        try (LogCapture log = LogCapture.open()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri(rules, "&partitions=3&partition=2")).routeId("nothing").to("mock:nothing");
                }
            });

            await().atMost(Duration.ofSeconds(20)).until(() -> log.all().contains(" done: 0 pages"));
            assertThat(log.all()).contains("ended: MAX_REQUESTS");
        }
        assertThat(getMockEndpoint("mock:nothing").getReceivedCounter()).isZero();
        assertThat(api.getAllServeEvents()).isEmpty(); // page 3 lies past MaxRequestNumber 2
    }
}
