package dev.adfrest.camel;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The seed article's Facebook Graph example: {"AbsoluteUrl": "$.paging.next"}, three pages, end to end. */
class FacebookExampleTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "/v19.0?relativeUrl=/me/albums"
                     + "&additionalHeaders.x-user-defined=helloworld"
                     + "&paginationRules=RAW({\"AbsoluteUrl\":\"$.paging.next\"})"
                     + "&requestInterval=0&repeatCount=1")
                        .to("mock:pages");
            }
        };
    }

    @Test
    void followsPagingNextUntilItIsMissing() throws Exception {
        String base = Pages.baseUrl(api);
        api.stubFor(get(urlEqualTo("/v19.0/me/albums")).willReturn(Pages.json(
                "{\"data\":[{\"name\":\"album1\"}],\"paging\":{\"next\":\"" + base + "/me/albums?limit=25&after=A1\"}}")));
        api.stubFor(get(urlEqualTo("/me/albums?limit=25&after=A1")).willReturn(Pages.json(
                "{\"data\":[{\"name\":\"album2\"}],\"paging\":{\"next\":\"" + base + "/me/albums?limit=25&after=A2\"}}")));
        api.stubFor(get(urlEqualTo("/me/albums?limit=25&after=A2")).willReturn(Pages.json(
                "{\"data\":[{\"name\":\"album3\"}],\"paging\":{\"previous\":\"" + base + "/me/albums?before=B\"}}")));

        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(3);
        pages.expectedHeaderValuesReceivedInAnyOrder(AdfRestConstants.PAGE_NUMBER, 1, 2, 3);
        pages.assertIsSatisfied();

        List<Exchange> received = pages.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader(AdfRestConstants.LAST_PAGE, Boolean.class))
                .containsExactly(false, false, true);
        assertThat(received.get(0).getMessage().getBody(String.class)).contains("album1");
        assertThat(received.get(2).getMessage().getBody(String.class)).contains("album3");
        assertThat(received).extracting(e -> e.getMessage().getHeader(AdfRestConstants.RUN_ID)).doesNotContainNull()
                .containsOnly(received.get(0).getMessage().getHeader(AdfRestConstants.RUN_ID));
        assertThat(received.get(1).getMessage().getHeader(AdfRestConstants.REQUEST_URL, String.class))
                .isEqualTo(base + "/me/albums?limit=25&after=A1");
        api.verify(1, getRequestedFor(urlPathEqualTo("/v19.0/me/albums"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("x-user-defined", equalTo("helloworld")));
        api.verify(2, getRequestedFor(urlPathEqualTo("/me/albums"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("x-user-defined", equalTo("helloworld")));
    }
}
