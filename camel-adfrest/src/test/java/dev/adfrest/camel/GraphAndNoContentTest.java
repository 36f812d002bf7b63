package dev.adfrest.camel;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class GraphAndNoContentTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    /** Microsoft Graph: the next link is in "@odata.nextLink", a name with a dot and an @ (bracket notation). */
    @Test
    void followsGraphODataNextLink() throws Exception {
        String base = Pages.baseUrl(api);
        api.stubFor(get(urlEqualTo("/v1.0/users?$top=2")).willReturn(Pages.json(
                "{\"@odata.context\":\"x\",\"value\":[{\"id\":\"u1\"},{\"id\":\"u2\"}],"
                + "\"@odata.nextLink\":\"" + base + "/v1.0/users?$top=2&$skiptoken=T1\"}")));
        api.stubFor(get(urlEqualTo("/v1.0/users?$top=2&$skiptoken=T1")).willReturn(Pages.json(
                "{\"value\":[{\"id\":\"u3\"}]}")));

        List<Exchange> pages = Runs.copyOnce(context, "adfrest:" + base + "/v1.0?relativeUrl=RAW(users?$top=2)"
                + "&paginationRules=RAW({\"AbsoluteUrl\":\"$['@odata.nextLink']\"})"
                + "&requestInterval=0&repeatCount=1&initialDelay=0", 2);

        assertThat(pages.get(0).getMessage().getBody(String.class)).contains("u1", "u2");
        assertThat(pages.get(1).getMessage().getBody(String.class)).contains("u3");
        assertThat(pages.get(1).getMessage().getHeader(AdfRestConstants.LAST_PAGE)).isEqualTo(true);
    }

    /** ADF stops on 204 No Content; the page before it is then the last page. */
    @Test
    void stopsOn204AndMarksThePageBeforeAsLast() throws Exception {
        String base = Pages.baseUrl(api);
        api.stubFor(get(urlEqualTo("/nc?page=1")).willReturn(Pages.json("{\"items\":[1],\"next\":\"/nc?page=2\"}")));
        api.stubFor(get(urlEqualTo("/nc?page=2")).willReturn(Pages.json("{\"items\":[2],\"next\":\"/nc?page=3\"}")));
        api.stubFor(get(urlEqualTo("/nc?page=3")).willReturn(aResponse().withStatus(204)));

        List<Exchange> pages = Runs.copyOnce(context, "adfrest:" + base + "/nc?page=1"
                + "&paginationRules.AbsoluteUrl=$.next&requestInterval=0&repeatCount=1&initialDelay=0", 2);

        assertThat(pages).extracting(e -> e.getMessage().getHeader(AdfRestConstants.LAST_PAGE))
                .containsExactly(false, true);
        assertThat(pages).extracting(e -> e.getMessage().getHeader(AdfRestConstants.REQUEST_URL))
                .containsExactly(base + "/nc?page=1", base + "/nc?page=2"); // relative next links resolved
        api.verify(1, getRequestedFor(urlEqualTo("/nc?page=3")));
    }
}
