package dev.adfrest.camel;

import java.util.List;

import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A POST "scroll" API (Elasticsearch-style) whose next page is the answer to the same request: ADF pipelines write it
 * as a request body and rules that only stop the run; adfrest sends the same request again with allowRepeatedRequests.
 */
class ScrollPaginationTest extends PaginationRouteSupport {

    private static final String BODY = "{\"scroll\":\"1m\",\"scroll_id\":\"DXF1ZXJ5QW5kRmV0Y2gBAAAAAAAAAD4WYm9laVYtZndUQlNsdDcwakFMNjU1QQ==\"}";
    private static final String PIPELINE = "classpath:adf/exports/screen/CopyScrollPipeline.json";

    /** Three answers to the same POST: two batches, then none. */
    private void scroll() {
        String id = "DXF1ZXJ5QW5kRmV0Y2gBAAAAAAAAAD4WYm9laVYtZndUQlNsdDcwakFMNjU1QQ==";
        api.stubFor(post(urlEqualTo("/_search/scroll")).withRequestBody(equalToJson(BODY)).inScenario("scroll")
                .whenScenarioStateIs(STARTED).willSetStateTo("second")
                .willReturn(Pages.json("{\"_scroll_id\":\"" + id + "\",\"hits\":{\"hits\":[{\"n\":1},{\"n\":2}]}}")));
        api.stubFor(post(urlEqualTo("/_search/scroll")).withRequestBody(equalToJson(BODY)).inScenario("scroll")
                .whenScenarioStateIs("second").willSetStateTo("done")
                .willReturn(Pages.json("{\"_scroll_id\":\"" + id + "\",\"hits\":{\"hits\":[{\"n\":3}]}}")));
        api.stubFor(post(urlEqualTo("/_search/scroll")).withRequestBody(equalToJson(BODY)).inScenario("scroll")
                .whenScenarioStateIs("done")
                .willReturn(Pages.json("{\"_scroll_id\":\"" + id + "\",\"hits\":{\"hits\":[]}}")));
    }

    @Test
    void anImportedScrollPipelineRunsWithAllowRepeatedRequests() throws Exception {
        scroll();
        consume("adfrest:" + base() + "/_search/scroll?adfPipeline=" + PIPELINE + "&allowRepeatedRequests=true");

        List<Exchange> pages = pages(3);
        assertThat(lastPageFlags(pages)).containsExactly(false, false, true);
        assertThat(pages.get(2).getMessage().getBody(String.class)).contains("\"hits\":[]");
        api.verify(3, postRequestedFor(urlEqualTo("/_search/scroll")).withRequestBody(equalToJson(BODY)));
    }

    @Test
    void withoutItTheImportWarnsAndTheRunEndsAfterTheFirstPage() throws Exception {
        scroll();
        try (LogCapture log = LogCapture.open()) {
            consume("adfrest:" + base() + "/_search/scroll?adfPipeline=" + PIPELINE);

            assertThat(lastPageFlags(pages(1))).containsExactly(true);
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN")
                    .contains("ADF Copy activity 'Copy events' (" + PIPELINE + "), property"
                              + " properties.activities[0].typeProperties.source.paginationRules")
                    .contains("only stop a run ([EndCondition:$.hits.hits, MaxRequestNumber])")
                    .contains("set allowRepeatedRequests=true"));
            RepeatedRequestPaginationTest.awaitRunEnd(log);
        }
        api.verify(1, postRequestedFor(urlEqualTo("/_search/scroll")));
    }

    @Test
    void aScrollIdThatNeverChangesIsNotARepeatWithTheOption() throws Exception {
        scroll();
        consume("adfrest:" + base() + "/_search/scroll?requestMethod=POST&requestBody=RAW(" + BODY + ")"
                + "&paginationRules=RAW({\"Body.scroll_id\":\"$._scroll_id\",\"EndCondition:$.hits.hits\":\"Empty\"})"
                + "&allowRepeatedRequests=true");

        assertThat(lastPageFlags(pages(3))).containsExactly(false, false, true);
        api.verify(3, postRequestedFor(urlEqualTo("/_search/scroll")).withRequestBody(equalToJson(BODY)));
    }

    @Test
    void allowRepeatedRequestsNeedsAStopAndContradictsFailOnRepeatedRequest() {
        String uri = "adfrest:" + base() + "/_search/scroll?requestMethod=POST&requestBody=RAW(" + BODY + ")"
                     + "&allowRepeatedRequests=true";
        assertThatThrownBy(() -> context.getEndpoint(uri + "&paginationRules.Body.scroll_id=$._scroll_id"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Option 'allowRepeatedRequests' needs an EndCondition or MaxRequestNumber"
                                      + " pagination rule");
        assertThatThrownBy(() -> context.getEndpoint(uri + "&paginationRules.MaxRequestNumber=5"
                                                      + "&failOnRepeatedRequest=true"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Options 'allowRepeatedRequests' and 'failOnRepeatedRequest' contradict each"
                                      + " other");
    }
}
