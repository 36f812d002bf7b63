package dev.adfrest.camel;

import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever fails, the route sees an AdfRestException subtype that says which page and what to do. */
class FailureFamilyTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    private Exception firstError(String path, String options) throws Exception {
        return Runs.firstFailure(context, "adfrest:" + Pages.baseUrl(api) + path
                + "?requestInterval=0&repeatCount=1&initialDelay=0&maxRetries=0&retryDelay=0" + options);
    }

    @Test
    void anErrorStatusIsAnHttpException() throws Exception {
        api.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(410).withBody("{\"error\":\"gone\"}")));

        assertThat(firstError("/gone", "")).isInstanceOf(AdfRestHttpException.class)
                .hasMessage("HTTP 410 from GET " + Pages.baseUrl(api) + "/gone: {\"error\":\"gone\"}");
    }

    @Test
    void aPageThatIsNotJsonIsAPageException() throws Exception {
        api.stubFor(get(urlEqualTo("/html")).willReturn(aResponse().withStatus(200).withBody("<html/>")));

        assertThat(firstError("/html", "")).isExactlyInstanceOf(AdfRestPageException.class)
                .hasMessageStartingWith("Page 1 from " + Pages.baseUrl(api) + "/html: the response body is not valid JSON");
    }

    @Test
    void aRuleThatCannotBeAppliedIsAPaginationException() throws Exception {
        api.stubFor(get(urlEqualTo("/obj")).willReturn(Pages.json("{\"next\":{\"href\":\"/p2\"}}")));

        assertThat(firstError("/obj", "&paginationRules.AbsoluteUrl=$.next"))
                .isInstanceOfSatisfying(AdfRestPaginationException.class, e -> assertThat(e.getPageNumber()).isEqualTo(1))
                .hasMessageContaining("Pagination rule").hasMessageContaining("an object");
    }

    @Test
    void aRecordThatCannotBeMappedIsAMappingException() throws Exception {
        api.stubFor(get(urlEqualTo("/rows")).willReturn(Pages.json("{\"data\":[{\"id\":\"not a number\"}]}")));

        assertThat(firstError("/rows", "&translator=RAW({\"type\":\"TabularTranslator\",\"collectionReference\":"
                                       + "\"$.data\",\"mappings\":[{\"source\":{\"path\":\"['id']\",\"type\":\"Int32\"},"
                                       + "\"sink\":{\"name\":\"id\"}}]})"))
                .isInstanceOfSatisfying(AdfRestMappingException.class, e -> {
                    assertThat(e.getRow()).isEqualTo(1);
                    assertThat(e.getColumn()).isEqualTo("id");
                });
    }

    @Test
    void noAnswerIsATransportException() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Exchange error = Runs.firstError(context, "adfrest:http://127.0.0.1:" + closed
                + "/x?requestInterval=0&repeatCount=1&initialDelay=0&maxRetries=1&retryDelay=0");

        assertThat(error.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOfSatisfying(AdfRestTransportException.class, e -> {
                    assertThat(e.getAttempts()).isEqualTo(2);
                    assertThat(e.getPageNumber()).isEqualTo(1);
                })
                .hasMessageContaining("Page 1: GET http://127.0.0.1:" + closed + "/x failed after 2 attempts");
    }

    @Test
    void aRequestTheComponentWillNotSendIsARefusal() throws Exception {
        // a host that does not resolve: the policy refuses it before any DNS look-up or connection
        api.stubFor(get(urlEqualTo("/away")).willReturn(Pages.json("{\"next\":\"http://api.invalid/p2\"}")));

        assertThat(firstError("/away", "&paginationRules.AbsoluteUrl=$.next"))
                .isInstanceOf(AdfRestRequestRefusedException.class)
                .hasMessageContaining("http://api.invalid/p2").hasMessageContaining("allowedHosts")
                .hasMessageNotContaining("UnknownHost");
    }
}
