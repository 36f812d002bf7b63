package dev.adfrest.camel.ops;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.AdfRestComponent;
import dev.adfrest.camel.testsupport.InFlight;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness as an operator sees it through Camel's health checks (camel-health): ready after the first answer, not
 * after the whole run; DOWN with status and masked URL while the API fails; UP once it answers again.
 */
class HealthCheckTest extends ContextTest {

    private static final String SECRET = "t0ken-in-the-query";
    private static final InFlight IN_FLIGHT = new InFlight();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer(IN_FLIGHT);

    @BeforeEach
    void reset() {
        api.resetAll();
        IN_FLIGHT.reset();
    }

    private void page(int n, boolean last) {
        api.stubFor(get(urlPathEqualTo("/p/" + n)).willReturn(Pages.json(
                "{" + (last ? "" : "\"next\":\"/p/" + (n + 1) + "\",") + "\"data\":[" + n + "]}")));
    }

    private MockEndpoint start(String options) throws Exception {
        context = new DefaultCamelContext();
        Operations.healthChecks(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "/p/1?paginationRules.AbsoluteUrl=$.next&requestInterval=0"
                     + "&initialDelay=0&token=" + SECRET + options)
                        .routeId("copy").to("mock:pages");
            }
        });
        context.start();
        return context.getEndpoint("mock:pages", MockEndpoint.class);
    }

    private HealthCheck.Result readiness() {
        return Operations.consumerCheck(HealthCheckHelper.invokeReadiness(context), "copy");
    }

    @Test
    void readyAfterTheFirstAnswerWhileTheFirstRunIsStillGoing() throws Exception {
        page(1, false);
        page(2, false);
        page(3, true);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        IN_FLIGHT.hold("/p/1?token=" + SECRET, first);
        IN_FLIGHT.hold("/p/2", second); // next links drop the first request's query, as in ADF
        MockEndpoint pages = start("");
        try {
            await().until(() -> IN_FLIGHT.arrived().size() == 1); // page 1 asked for, not answered
            assertThat(readiness().getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(readiness().getMessage()).hasValueSatisfying(m -> assertThat(m).contains("not answered yet"));

            first.countDown();
            await().until(() -> readiness().getState() == HealthCheck.State.UP);
            // page 2 is still held: the first run is far from done, nothing reached the route yet
            assertThat(IN_FLIGHT.sent()).containsExactly("/p/1?token=" + SECRET);
            assertThat(pages.getReceivedCounter()).isZero();
            assertThat(readiness().getDetails()).containsKeys("adfrest.run.id", "adfrest.page");
        } finally {
            first.countDown();
            second.countDown();
        }
        pages.expectedMessageCount(3);
        pages.assertIsSatisfied(10_000);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(IN_FLIGHT.gatesTimedOut()).isEmpty();
    }

    @Test
    void aFailingApiTurnsReadinessDownWithStatusAndMaskedUrlAndTheNextGoodRunUp() throws Exception {
        api.stubFor(get(urlPathEqualTo("/p/1")).willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
        start("&delay=20&maxRetries=1&retryDelay=0");

        await().until(() -> readiness().getState() == HealthCheck.State.DOWN
                            && readiness().getDetails().containsKey(HealthCheck.HTTP_RESPONSE_CODE));
        HealthCheck.Result down = readiness();
        Map<String, Object> details = down.getDetails();
        assertThat(details).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 503)
                .containsEntry("adfrest.page", 1)
                .containsEntry("adfrest.failure.type", "AdfRestHttpException")
                .containsEntry("route.id", "copy");
        assertThat((String) details.get("adfrest.request.url"))
                .isEqualTo(Pages.baseUrl(api) + "/p/1?token=xxxxxx");
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("failed at page 1", "503")
                .doesNotContain(SECRET));
        assertThat(details.toString()).doesNotContain(SECRET);
        assertThat(api.countRequestsMatching(getRequestedFor(urlPathEqualTo("/p/1")).build()).getCount())
                .as("each run retried once before giving up").isGreaterThanOrEqualTo(2);
        // a failing remote API is no reason to restart this JVM
        assertThat(HealthCheckHelper.invokeLiveness(context)).allMatch(r -> r.getState() == HealthCheck.State.UP);

        page(1, true);
        await().until(() -> readiness().getState() == HealthCheck.State.UP);
        assertThat(readiness().getDetails()).doesNotContainKey(HealthCheck.HTTP_RESPONSE_CODE);
    }

    @Test
    void theComponentCanTurnItsConsumerChecksOff() throws Exception {
        api.stubFor(get(urlPathEqualTo("/p/1")).willReturn(aResponse().withStatus(500)));
        context = new DefaultCamelContext();
        Operations.healthChecks(context);
        AdfRestComponent component = new AdfRestComponent();
        component.setHealthCheckConsumerEnabled(false);
        context.addComponent("adfrest", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "/p/1?initialDelay=0&delay=20&maxRetries=0").routeId("copy")
                        .to("mock:pages");
            }
        });
        context.start();
        await().until(() -> api.countRequestsMatching(getRequestedFor(urlPathEqualTo("/p/1")).build()).getCount() >= 2);

        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(result.getMessage()).hasValue("Disabled");
    }
}
