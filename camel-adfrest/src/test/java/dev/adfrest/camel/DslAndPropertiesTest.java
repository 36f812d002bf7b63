package dev.adfrest.camel;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The ways Camel users configure routes: YAML DSL parameters, and component options in application properties. */
class DslAndPropertiesTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    /**
     * YAML DSL turns dashed parameter names into camelCase (x-user-defined → xUserDefined), so header names with
     * dashes go in the JSON form of a map option, copied from ADF as-is.
     */
    @Test
    void yamlDslParametersWithMapOptionsAsAdfJson() throws Exception {
        String base = Pages.baseUrl(api);
        api.stubFor(get(urlEqualTo("/yaml/me/albums")).willReturn(Pages.json(
                "{\"data\":[1],\"paging\":{\"next\":\"" + base + "/yaml/me/albums?after=A\"}}")));
        api.stubFor(get(urlEqualTo("/yaml/me/albums?after=A")).willReturn(Pages.json("{\"data\":[2],\"paging\":{}}")));
        String yaml = """
                - route:
                    from:
                      uri: adfrest:%s/yaml
                      parameters:
                        relativeUrl: /me/albums
                        additionalHeaders: '{"x-user-defined": "helloworld"}'
                        paginationRules: '{"AbsoluteUrl": "$.paging.next"}'
                        requestInterval: "00:00:00"
                        initialDelay: 0
                        repeatCount: 1
                      steps:
                        - to: mock:yaml
                """.formatted(base);
        MockEndpoint mock = getMockEndpoint("mock:yaml");
        mock.expectedMessageCount(2);

        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("albums.camel.yaml", yaml));

        mock.assertIsSatisfied();
        assertThat(mock.getReceivedExchanges().get(1).getMessage().getHeader(AdfRestConstants.LAST_PAGE)).isEqualTo(true);
        api.verify(getRequestedFor(urlEqualTo("/yaml/me/albums")).withHeader("x-user-defined", equalTo("helloworld")));
    }

    @Test
    void componentOptionsFromApplicationProperties() throws Exception {
        api.stubFor(get(anyUrl()).willReturn(Pages.json("{}")));
        Main main = new Main();
        main.addInitialProperty("camel.component.adfrest.authentication-type", "Basic");
        main.addInitialProperty("camel.component.adfrest.user-name", "svc");
        main.addInitialProperty("camel.component.adfrest.password", "pw");
        main.addInitialProperty("camel.component.adfrest.auth-headers[x-api-key]", "k-1");
        main.addInitialProperty("camel.component.adfrest.request-interval", "00:00:00");
        main.configure().addRoutesBuilder(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "/props?repeatCount=1&initialDelay=0").to("mock:props");
            }
        });
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            MockEndpoint mock = camel.getEndpoint("mock:props", MockEndpoint.class);
            mock.expectedMessageCount(1);
            mock.assertIsSatisfied();
        } finally {
            main.stop();
        }
        api.verify(getRequestedFor(urlEqualTo("/props"))
                .withHeader("Authorization", equalTo("Basic c3ZjOnB3")) // svc:pw
                .withHeader("x-api-key", equalTo("k-1")));
        assertThat(List.of()).isEmpty();
    }
}
