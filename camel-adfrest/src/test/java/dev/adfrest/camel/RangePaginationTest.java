package dev.adfrest.camel;

import java.util.List;

import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** RANGE rules end to end, with {var} written in the Camel URI the ways ADF users write it. */
class RangePaginationTest extends PaginationRouteSupport {

    static final String PAGE = "{\"result\": [{\"number\": \"INC1\"}, {\"number\": \"INC2\"}]}";

    @Test
    void serviceNowOffsetInTheQueryUntilAnEmptyResult() throws Exception {
        for (int offset : new int[] { 0, 2 }) {
            api.stubFor(get(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_offset", equalTo("" + offset))
                    .willReturn(Pages.json(PAGE)));
        }
        api.stubFor(get(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_offset", equalTo("4"))
                .willReturn(Pages.json("{\"result\": []}")));

        consume("adfrest:" + base() + "/api/now/table/incident?sysparm_limit=2&sysparm_offset={offset}"
                + "&paginationRules.QueryParameters.{offset}=RANGE:0::2"
                + "&paginationRules.EndCondition:$.result=Empty");

        List<Exchange> pages = pages(3);
        assertThat(lastPageFlags(pages)).containsExactly(false, false, true);
        assertThat(requestUrls(pages)).containsExactly(
                base() + "/api/now/table/incident?sysparm_limit=2&sysparm_offset=0",
                base() + "/api/now/table/incident?sysparm_limit=2&sysparm_offset=2",
                base() + "/api/now/table/incident?sysparm_limit=2&sysparm_offset=4");
        api.verify(3, getRequestedFor(urlPathEqualTo("/api/now/table/incident")));
    }

    @Test
    void rawJsonRulesWithTheOffsetInRelativeUrlStopWhenTheRangeEnds() throws Exception {
        api.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(Pages.json(PAGE)));

        consume("adfrest:" + base() + "?relativeUrl=/api/now/table/incident?sysparm_limit=1000%26sysparm_offset={offset}"
                + "&paginationRules=RAW({\"AbsoluteUrl.{offset}\":\"RANGE:0:2000:1000\",\"EndCondition:$.result\":\"Empty\"})");

        List<Exchange> pages = pages(3);
        assertThat(lastPageFlags(pages)).containsExactly(false, false, true);
        api.verify(getRequestedFor(urlEqualTo("/api/now/table/incident?sysparm_limit=1000&sysparm_offset=0")));
        api.verify(getRequestedFor(urlEqualTo("/api/now/table/incident?sysparm_limit=1000&sysparm_offset=1000")));
        api.verify(getRequestedFor(urlEqualTo("/api/now/table/incident?sysparm_limit=1000&sysparm_offset=2000")));
        api.verify(3, getRequestedFor(urlPathEqualTo("/api/now/table/incident")));
    }

    @Test
    void example2IdInTheBaseUrlPath() throws Exception {
        api.stubFor(get(urlPathMatching("/api/now/table/t[0-9]+")).willReturn(Pages.json("{\"result\": [1]}")));

        consume("adfrest:" + base() + "/api/now/table/t{id}?paginationRules.AbsoluteUrl.{id}=RANGE:1:3:1");

        assertThat(lastPageFlags(pages(3))).containsExactly(false, false, true);
        for (String table : List.of("t1", "t2", "t3")) {
            api.verify(getRequestedFor(urlEqualTo("/api/now/table/" + table)));
        }
    }

    @Test
    void example3IdInAHeader() throws Exception {
        api.stubFor(get(urlEqualTo("/table")).willReturn(Pages.json("{\"result\": [1]}")));

        consume("adfrest:" + base() + "/table?additionalHeaders.id={id}"
                + "&paginationRules=RAW({\"Headers.{id}\": \"RANGE:0:20:10\"})");

        pages(3);
        for (String id : List.of("0", "10", "20")) {
            api.verify(1, getRequestedFor(urlEqualTo("/table")).withHeader("id", equalTo(id)));
        }
    }
}
