package dev.adfrest.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API must not steer the route's sinks through the headers it sends: only a safe set becomes top-level exchange
 * headers; every header is in the CamelAdfRestResponseHeaders map.
 */
class ResponseHeadersTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @TempDir
    Path out;

    /** A page whose headers try to redirect a Kafka topic, a file name and an HTTP producer's credentials. */
    private static void hostileHeaders(String path) {
        hostileHeaders(path, "{\"data\":[1]}");
    }

    private static void hostileHeaders(String path, String body) {
        api.stubFor(get(urlEqualTo(path)).willReturn(Pages.json(body)
                .withHeader("kafka.OVERRIDE_TOPIC", "attacker-topic")
                .withHeader("Authorization", "Bearer attacker")
                .withHeader("CamelFileName", "../../etc/cron.d/evil")
                .withHeader("X-RateLimit-Remaining", "99")
                .withHeader("x-ms-request-id", "r-1")
                .withHeader("X-Total-Count", "1")
                .withHeader("Set-Cookie", "a=1")
                .withHeader("Set-Cookie", "b=2")));
    }

    @Test
    void onlyTheSafeSetBecomesTopLevelHeadersAndEveryHeaderIsInTheMap() throws Exception {
        hostileHeaders("/h");

        Exchange page = Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/h?repeatCount=1&initialDelay=0", 1).get(0);

        Map<String, Object> headers = page.getMessage().getHeaders();
        assertThat(headers).containsEntry("Content-Type", "application/json")
                .containsEntry("X-RateLimit-Remaining", "99")
                .containsEntry("x-ms-request-id", "r-1")
                .doesNotContainKeys("kafka.OVERRIDE_TOPIC", "Authorization", "CamelFileName", "X-Total-Count", "Set-Cookie");
        @SuppressWarnings("unchecked")
        Map<String, Object> all = page.getMessage().getHeader(AdfRestConstants.RESPONSE_HEADERS, Map.class);
        assertThat(all).containsEntry("kafka.OVERRIDE_TOPIC", "attacker-topic")
                .containsEntry("Authorization", "Bearer attacker")
                .containsEntry("CamelFileName", "../../etc/cron.d/evil")
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Set-Cookie", List.of("a=1", "b=2"));
        assertThat(all.keySet()).contains("kafka.OVERRIDE_TOPIC", "CamelFileName"); // names as sent
        assertThat(all.get("x-total-count")).isEqualTo("1"); // look-ups ignore letter case
    }

    /** The safe set's verdicts are remembered by header name: later pages get the same verdicts as the first. */
    @Test
    void everyPageGetsTheSameVerdicts() throws Exception {
        hostileHeaders("/p1", "{\"next\":\"" + Pages.baseUrl(api) + "/p2\"}");
        hostileHeaders("/p2", "{\"next\":\"" + Pages.baseUrl(api) + "/p3\"}");
        hostileHeaders("/p3", "{}");

        List<Exchange> pages = Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/p1?repeatCount=1&initialDelay=0"
                + "&paginationRules=RAW({\"AbsoluteUrl\":\"$.next\"})", 3);

        assertThat(pages).hasSize(3).allSatisfy(page -> {
            assertThat(page.getMessage().getHeaders()).containsEntry("X-RateLimit-Remaining", "99")
                    .containsEntry("x-ms-request-id", "r-1").containsEntry("Content-Type", "application/json")
                    .doesNotContainKeys("kafka.OVERRIDE_TOPIC", "Authorization", "CamelFileName", "X-Total-Count",
                            "Set-Cookie");
            assertThat(page.getMessage().getHeader(AdfRestConstants.RESPONSE_HEADERS, Map.class))
                    .containsEntry("kafka.OVERRIDE_TOPIC", "attacker-topic").containsEntry("Set-Cookie", List.of("a=1", "b=2"));
        });
    }

    @Test
    void aFileSinkIsNotSteeredByAHeaderTheApiSent() throws Exception {
        hostileHeaders("/f");
        MockEndpoint done = getMockEndpoint("mock:written");
        done.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "/f?repeatCount=1&initialDelay=0")
                        .to("file:" + out + "/pages").to("mock:written");
            }
        });

        done.assertIsSatisfied();

        String written = done.getExchanges().get(0).getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class);
        assertThat(Path.of(written).normalize()).startsWith(out.resolve("pages"));
        assertThat(Files.exists(out.resolve("pages/../../etc/cron.d/evil").normalize())).isFalse();
    }

    @Test
    void aHeaderFilterStrategyBeanDecidesInstead() throws Exception {
        hostileHeaders("/s");
        context.getRegistry().bind("totalCount", new HeaderFilterStrategy() {
            @Override
            public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
                return true;
            }

            @Override
            public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
                return !name.equalsIgnoreCase("X-Total-Count"); // only this one goes through
            }
        });

        Exchange page = Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/s?headerFilterStrategy=#totalCount"
                + "&repeatCount=1&initialDelay=0", 1).get(0);

        assertThat(page.getMessage().getHeaders()).containsEntry("X-Total-Count", "1")
                .doesNotContainKeys("Content-Type", "CamelFileName", "kafka.OVERRIDE_TOPIC")
                .containsKey(AdfRestConstants.RESPONSE_HEADERS);
    }
}
