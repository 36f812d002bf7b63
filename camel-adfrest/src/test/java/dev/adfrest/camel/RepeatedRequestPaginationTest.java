package dev.adfrest.camel;

import java.util.List;

import dev.adfrest.camel.pagination.PaginationException;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** ADF's Example 5: a next link that repeats the last request. We end the run (or fail it) instead of looping. */
class RepeatedRequestPaginationTest extends PaginationRouteSupport {

    void stubEndlessLastPage() {
        api.stubFor(get(urlEqualTo("/me/albums?token=s3cr3t-token"))
                .willReturn(Pages.json("{\"data\": [1], \"paging\": {\"next\": \"" + base() + "/me/albums?token=s3cr3t-token&after=A\"}}")));
        api.stubFor(get(urlEqualTo("/me/albums?token=s3cr3t-token&after=A"))
                .willReturn(Pages.json("{\"data\": [], \"paging\": {\"next\": \"" + base() + "/me/albums?token=s3cr3t-token&after=A\"}}")));
    }

    @Test
    void theEndlessLoopGuardEndsTheRunWithAWarningAndMarksTheLastPage() throws Exception {
        stubEndlessLastPage();
        try (LogCapture log = LogCapture.open()) {
            consume("adfrest:" + base() + "/me/albums?token=s3cr3t-token&paginationRules.AbsoluteUrl=$.paging.next");

            List<Exchange> pages = pages(2);

            assertThat(lastPageFlags(pages)).containsExactly(false, true);
            api.verify(2, getRequestedFor(urlPathEqualTo("/me/albums")));
            awaitRunEnd(log);
            assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN"))
                    .anySatisfy(l -> assertThat(l).contains("would repeat", "/me/albums?token=xxxxxx&after=A"));
            assertThat(log.lines()).filteredOn(l -> l.contains(" dev.adfrest."))
                    .isNotEmpty().noneMatch(l -> l.contains("s3cr3t-token"));
        }
    }

    @Test
    void failOnRepeatedRequestFailsTheRun() throws Exception {
        stubEndlessLastPage();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(AdfRestPaginationException.class).handled(true).to("mock:failed");
                from("adfrest:" + base() + "/me/albums?token=s3cr3t-token&paginationRules.AbsoluteUrl=$.paging.next"
                     + "&failOnRepeatedRequest=true&bridgeErrorHandler=true&requestInterval=0&repeatCount=1&initialDelay=0")
                        .to("mock:pages");
            }
        });

        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        failed.assertIsSatisfied();

        Exception error = failed.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(error).isInstanceOf(AdfRestPaginationException.class).hasCauseInstanceOf(PaginationException.class)
                .hasMessageContaining("failOnRepeatedRequest")
                .hasMessageContaining("/me/albums?token=xxxxxx&after=A").hasMessageNotContaining("s3cr3t-token");
        assertThat(getMockEndpoint("mock:pages").getReceivedExchanges()).hasSize(1);
        api.verify(2, getRequestedFor(urlPathEqualTo("/me/albums")));
    }

    /** The run logs its summary after the last page is handed over; wait for it rather than for time. */
    static void awaitRunEnd(LogCapture log) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> log.lines().stream().anyMatch(l -> l.contains(" done: ")));
    }
}
