package dev.adfrest.camel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.http.HttpClientConfigurer;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The httpClientConfigurer hook: what tracing or metrics instrumentation would add, here a pair of interceptors. */
class HttpClientConfigurerTest {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @Test
    void interceptorsAddedThroughTheConfigurerSeeEveryRequestAndResponse() throws Exception {
        api.stubFor(get(urlPathEqualTo("/p/1")).willReturn(Pages.json("{\"next\":\"/p/2\",\"data\":[1]}")));
        api.stubFor(get(urlPathEqualTo("/p/2")).willReturn(Pages.json("{\"data\":[2]}")));
        AtomicInteger configured = new AtomicInteger();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        HttpClientConfigurer tracing = builder -> {
            configured.incrementAndGet();
            builder.addRequestInterceptorFirst((request, entity, context) ->
                    request.setHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
            builder.addResponseInterceptorLast((response, entity, context) -> statuses.add(response.getCode()));
        };
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("tracing", tracing);
        context.start();
        try {
            Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/p/1?paginationRules.AbsoluteUrl=$.next"
                                   + "&requestInterval=0&initialDelay=0&repeatCount=1&httpClientConfigurer=#tracing", 2);
        } finally {
            context.stop();
        }

        for (String page : List.of("/p/1", "/p/2")) {
            api.verify(1, getRequestedFor(urlPathEqualTo(page)).withHeader("traceparent",
                    equalTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
        }
        assertThat(statuses).containsExactly(200, 200);
        assertThat(configured).as("once per endpoint, when it starts").hasValue(1);
    }
}
