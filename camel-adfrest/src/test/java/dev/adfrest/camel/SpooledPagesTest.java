package dev.adfrest.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Pages over spoolThreshold: never held in memory, streamed from their temporary file to the route, and the file gone
 * once the page is done with, whatever happened to it.
 */
class SpooledPagesTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @TempDir
    Path spool;

    @TempDir
    Path out;

    private String uri(String path, String options) {
        return "adfrest:" + Pages.baseUrl(api) + path + "?paginationRules.AbsoluteUrl=$.next&spoolThreshold=10000"
               + "&spoolDirectory=" + spool + "&requestInterval=0&repeatCount=1&initialDelay=0&maxRetries=0" + options;
    }

    private static String page(int size, String next) {
        return Pages.recordsPage(size, next);
    }

    private String link(String path) {
        return "\"" + Pages.baseUrl(api) + path + "\"";
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    private void awaitNoSpool() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spooled()).isEmpty());
    }

    @Test
    void aBigPageStreamsToAFileAndItsSpoolGoesWhenItsExchangeCompletes() throws Exception {
        String big = page(200_000, link("/p2"));
        String small = "{\"data\":[1],\"next\":null}";
        api.stubFor(get(urlEqualTo("/p1")).willReturn(Pages.json(big)));
        api.stubFor(get(urlEqualTo("/p2")).willReturn(Pages.json(small)));
        List<String> seen = new CopyOnWriteArrayList<>();
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(2);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("/p1", ""))
                        .process(e -> {
                            AdfRestPage body = e.getMessage().getBody(AdfRestPage.class);
                            seen.add(body.isSpooled() + " " + body.size() + " "
                                     + e.getMessage().getBody(JsonNode.class).get("data").size() + " " + spooled().size());
                        })
                        .to("file:" + out + "?fileName=page-${header.CamelAdfRestPageNumber}.json")
                        .process(e -> {
                            Path written = Path.of(e.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class));
                            if (e.getMessage().getBody() instanceof AdfRestSpooledPage page) {
                                // moved into place, not copied: the file and the page's own name are one inode
                                seen.add("links " + Files.getAttribute(written, "unix:nlink") + " "
                                         + Files.isSameFile(written, page.getFile().toPath()) + " "
                                         + e.getMessage().getBody(String.class).equals(big));
                            }
                        })
                        .to("mock:pages");
            }
        });

        pages.assertIsSatisfied();
        assertThat(seen).contains("links 2 true true"); // and the page still reads whole after the move
        assertThat(Files.readString(out.resolve("page-1.json"))).isEqualTo(big);
        assertThat(Files.readString(out.resolve("page-2.json"))).isEqualTo(small);
        assertThat(seen.get(0)).startsWith("true " + big.length() + " ").endsWith(" 2"); // its file and a work name
        assertThat(seen.get(2)).startsWith("false ");
        awaitNoSpool();
    }

    @Test
    void aSpooledBodyKeptBeyondItsExchangeSaysWhyItIsGone() throws Exception {
        api.stubFor(get(urlEqualTo("/kept")).willReturn(Pages.json(page(50_000, "null"))));

        Exchange kept = Runs.copyOnce(context, uri("/kept", ""), 1).get(0);
        awaitNoSpool();

        assertThat(kept.getMessage().getBody(AdfRestPage.class).toString()).startsWith("AdfRestSpooledPage[");
        assertThatThrownBy(() -> kept.getMessage().getBody(AdfRestPage.class).getText())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("deleted when its exchange completed").hasMessageContaining("spoolThreshold");
    }

    @Test
    void thePagesOfAFailedRouteLeaveNoFile() throws Exception {
        api.stubFor(get(urlEqualTo("/f1")).willReturn(Pages.json(page(50_000, link("/f2")))));
        api.stubFor(get(urlEqualTo("/f2")).willReturn(Pages.json(page(50_000, link("/f3")))));
        MockEndpoint errors = getMockEndpoint("mock:route-errors");
        errors.expectedMessageCount(1);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).handled(true).to("mock:route-errors");
                from(uri("/f1", "")).process(e -> {
                    throw new IllegalStateException("the sink is full");
                });
            }
        });

        errors.assertIsSatisfied();
        awaitNoSpool(); // page 1 (the route failed it) and page 2 (read ahead, never delivered)
        api.verify(0, getRequestedFor(urlEqualTo("/f3")));
    }

    @Test
    void aRunThatFailsLeavesNoFile() throws Exception {
        // the engine refuses page 1's next link (an object): page 1 is never delivered
        api.stubFor(get(urlEqualTo("/r1")).willReturn(Pages.json(page(50_000, "{\"href\":\"/r2\"}"))));
        // page 2 answers 500: page 1 is delivered, then the run fails
        api.stubFor(get(urlEqualTo("/s1")).willReturn(Pages.json(page(50_000, link("/s2")))));
        api.stubFor(get(urlEqualTo("/s2")).willReturn(aResponse().withStatus(500)));

        Exchange engine = Runs.firstError(context, uri("/r1", ""));
        Exchange http = Runs.firstError(context, uri("/s1", ""));

        assertThat(engine.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)).hasMessageContaining("AbsoluteUrl");
        assertThat(http.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestHttpException.class).getStatusCode()).isEqualTo(500);
        awaitNoSpool();
    }

    @Test
    void aRuleNeedingFullJsonPathStillFollowsASpooledPage() throws Exception {
        api.stubFor(get(urlEqualTo("/l1")).willReturn(Pages.json(
                page(50_000, "null").replace("\"next\":null", "\"links\":[{\"rel\":\"next\",\"href\":\"/l2\"}]"))));
        api.stubFor(get(urlEqualTo("/l2")).willReturn(Pages.json("{\"links\":[]}")));

        List<Exchange> pages = Runs.copyOnce(context, uri("/l1", "").replace("paginationRules.AbsoluteUrl=$.next",
                "paginationRules=RAW({\"AbsoluteUrl\":\"$.links[?(@.rel=='next')].href\"})"), 2);

        assertThat(pages.get(1).getMessage().getHeader(AdfRestConstants.LAST_PAGE, Boolean.class)).isTrue();
        awaitNoSpool();
    }

    @Test
    void pagesFetchedAheadPastTheEndLeaveNoFile() throws Exception {
        for (int offset = 0; offset <= 6; offset++) {
            String data = offset == 1 ? "[]" : "[" + "{\"id\":1},".repeat(5_000) + "{\"id\":2}]";
            api.stubFor(get(urlEqualTo("/range?offset=" + offset)).willReturn(Pages.json("{\"data\":" + data + "}")));
        }
        String rules = "&paginationRules=RAW({\"QueryParameters.offset\":\"RANGE:0:6:1\",\"EndCondition:$.data\":\"Empty\"})";

        List<Exchange> pages = Runs.copyOnce(context, uri("/range", rules + "&parallelRequests=4")
                .replace("paginationRules.AbsoluteUrl=$.next&", ""), 2);

        assertThat(pages.get(1).getMessage().getHeader(AdfRestConstants.LAST_PAGE, Boolean.class)).isTrue();
        awaitNoSpool(); // offsets 2 to 4 were fetched ahead and spooled, never delivered
    }

    @Test
    void mappedPagesStayInMemory() throws Exception {
        api.stubFor(get(urlEqualTo("/m1")).willReturn(Pages.json(page(50_000, "null"))));
        List<Integer> spooledWhileRouting = new CopyOnWriteArrayList<>();
        MockEndpoint records = getMockEndpoint("mock:records");
        records.expectedMessageCount(1);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("/m1", "&collectionReference=$.data"))
                        .process(e -> spooledWhileRouting.add(spooled().size()))
                        .to("mock:records");
            }
        });

        records.assertIsSatisfied();
        assertThat(spooledWhileRouting).containsExactly(0);
        assertThat(records.getExchanges().get(0).getMessage().getBody(List.class)).hasSizeGreaterThan(1000);
    }

    @Test
    void aSpoolDirectoryThatCannotBeUsedFailsNamingTheOption() throws Exception {
        Path notADirectory = Files.writeString(out.resolve("file.txt"), "x");

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("/x", "").replace("spoolDirectory=" + spool, "spoolDirectory=" + notADirectory))
                        .to("mock:never");
            }
        })).hasStackTraceContaining("spoolDirectory");
    }
}
