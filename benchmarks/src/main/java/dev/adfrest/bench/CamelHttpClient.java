package dev.adfrest.bench;

import java.nio.file.Files;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ProcessorDefinition;

/**
 * (b) Today's Camel way: a hand-written route with camel-http, the jsonpath language and loopDoWhile, as a Camel user
 * writes it without adfrest. Defaults everywhere (stream caching on, camel-http's pool), the next link kept in an
 * exchange property, request headers cleared before each call so that one response's headers are not sent as the
 * next request's, and the method set to GET (camel-http would otherwise POST the previous page back, as the body is
 * still there). RANGE needs no JSON: a counted loop sets the offset.
 */
public final class CamelHttpClient implements BenchClient {

    private CamelContext camel;
    private ProducerTemplate template;
    private Run run;

    @Override
    public void prepare(Run run) throws Exception {
        this.run = run;
        Workload w = run.workload();
        String http = "http://127.0.0.1"; // every request's URL comes from the CamelHttpUri header
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (w.shape() == Workload.Shape.RANGE) {
                    from("direct:copy")
                            .loop(w.pages())
                                .removeHeaders("*")
                                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                                .process(e -> e.getMessage().setHeader(Exchange.HTTP_URI, run.baseUrl()
                                        + PageBodies.rangePath(w.id()) + "?offset="
                                        + e.getProperty(Exchange.LOOP_INDEX, Integer.class) * Workload.RANGE_STEP))
                                .to(http)
                                .process(e -> run.sink().page(e.getMessage().getBody(byte[].class)))
                            .end();
                    return;
                }
                ProcessorDefinition<?> pages = from("direct:copy")
                        .setProperty("next", header("firstUrl"))
                        .loopDoWhile(exchangeProperty("next").isNotNull())
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setHeader(Exchange.HTTP_URI, exchangeProperty("next"))
                            .to(http);
                if (w.shape() == Workload.Shape.HUGE) { // as-is to a file first, while the stream cache still holds it
                    pages.to("file:" + run.outDir() + "?fileName=" + run.file("camel-http").getFileName())
                            .setProperty("next").jsonpath("$.next", true, String.class)
                            .process(e -> run.sink().streamed(Files.size(run.file("camel-http"))));
                } else {
                    pages.setProperty("next").jsonpath("$.next", true, String.class)
                            .process(e -> run.sink().page(e.getMessage().getBody(byte[].class)));
                }
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @Override
    public void copy() throws Exception {
        Exchange done = template.send("direct:copy", e -> e.getMessage().setHeader("firstUrl", run.firstUrl()));
        if (done.getException() != null) {
            throw done.getException();
        }
    }

    @Override
    public void finish() throws Exception {
        template.close();
        camel.close();
        Files.deleteIfExists(run.file("camel-http"));
    }
}
