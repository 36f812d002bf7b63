package dev.adfrest.camel;

import java.util.List;

import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules driven by what each response says: header cursors, RFC 5988 Link headers, MaxRequestNumber. */
class CursorPaginationTest extends PaginationRouteSupport {

    @Test
    void cursorFromAResponseHeaderGoesIntoTheNextRequestHeader() throws Exception {
        api.stubFor(get(urlEqualTo("/events")).withHeader("X-Cursor", absent())
                .willReturn(Pages.json("[{\"id\": 1}]").withHeader("X-Next-Cursor", "c2")));
        api.stubFor(get(urlEqualTo("/events")).withHeader("X-Cursor", equalTo("c2"))
                .willReturn(Pages.json("[{\"id\": 2}]").withHeader("X-Next-Cursor", "c3")));
        api.stubFor(get(urlEqualTo("/events")).withHeader("X-Cursor", equalTo("c3"))
                .willReturn(Pages.json("[{\"id\": 3}]")));

        consume("adfrest:" + base() + "/events?paginationRules.Headers.X-Cursor=Headers.X-Next-Cursor");

        List<Exchange> pages = pages(3);
        assertThat(lastPageFlags(pages)).containsExactly(false, false, true);
        assertThat(pages.get(2).getMessage().getBody(String.class)).contains("\"id\": 3");
        api.verify(3, getRequestedFor(urlEqualTo("/events")));
    }

    @Test
    void rfc5988LinkHeadersAreFollowedWhenNoRuleIsGiven() throws Exception {
        api.stubFor(get(urlEqualTo("/repos/o/r/issues?per_page=2")).willReturn(Pages.json("[{\"number\": 1}]")
                .withHeader("Link", "<" + base() + "/repos/o/r/issues?per_page=2&page=2>; rel=\"next\", <"
                                    + base() + "/repos/o/r/issues?per_page=2&page=3>; rel=\"last\"")));
        api.stubFor(get(urlEqualTo("/repos/o/r/issues?per_page=2&page=2")).willReturn(Pages.json("[{\"number\": 2}]")
                .withHeader("Link", "</repos/o/r/issues?per_page=2&page=3>; rel=\"next\", </repos/o/r/issues?per_page=2&page=1>; rel=\"first\"")));
        api.stubFor(get(urlEqualTo("/repos/o/r/issues?per_page=2&page=3")).willReturn(Pages.json("[{\"number\": 3}]")
                .withHeader("Link", "</repos/o/r/issues?per_page=2&page=2>; rel=\"prev\"")));

        consume("adfrest:" + base() + "/repos/o/r/issues?per_page=2");

        List<Exchange> pages = pages(3);
        assertThat(lastPageFlags(pages)).containsExactly(false, false, true);
        assertThat(requestUrls(pages)).containsExactly(base() + "/repos/o/r/issues?per_page=2",
                base() + "/repos/o/r/issues?per_page=2&page=2", base() + "/repos/o/r/issues?per_page=2&page=3");
    }

    @Test
    void supportRfc5988FalseReadsOnePage() throws Exception {
        api.stubFor(get(urlEqualTo("/items")).willReturn(Pages.json("[1]").withHeader("Link", "</items?page=2>; rel=next")));

        consume("adfrest:" + base() + "/items?paginationRules.SupportRFC5988=false");

        assertThat(lastPageFlags(pages(1))).containsExactly(true);
        api.verify(0, getRequestedFor(urlEqualTo("/items?page=2")));
    }

    @Test
    void maxRequestNumberCapsAnEndlessRun() throws Exception {
        for (int page = 1; page <= 5; page++) {
            api.stubFor(get(urlEqualTo("/feed?page=" + page))
                    .willReturn(Pages.json("{\"items\": [" + page + "], \"next\": \"/feed?page=" + (page + 1) + "\"}")));
        }

        consume("adfrest:" + base() + "/feed?page=1&paginationRules=RAW({\"AbsoluteUrl\": \"$.next\", \"MaxRequestNumber\": 3})");

        List<Exchange> pages = pages(3);
        assertThat(lastPageFlags(pages)).containsExactly(false, false, true);
        api.verify(3, getRequestedFor(urlPathEqualTo("/feed")));
    }
}
