package dev.adfrest.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Today's Camel way: a hand-written route with camel-http, the jsonpath language and loopDoWhile, as a Camel user
 * writes it without adfrest. Defaults everywhere (stream caching on, camel-http's pool, gzip asked for and
 * decompressed), the next link kept in an exchange property, request headers cleared before each call so that one
 * response's headers are not sent as the next request's, and the method set to GET (camel-http would otherwise POST
 * the previous page back, as the body is still there). RANGE needs no JSON: a counted loop sets the offset.
 * <p>
 * {@code camel-http-rows} (W7) adds what such a route does for rows: {@code setBody().jsonpath("$.data")} and a Java
 * bean mapping each record to a typed row.
 */
public final class CamelHttpClient implements BenchClient {

    private final boolean rows;
    private CamelContext camel;
    private ProducerTemplate template;
    private Run run;

    /** @param rows map each page's records to typed rows (W7) */
    public CamelHttpClient(boolean rows) {
        this.rows = rows;
    }

    @Override
    public void prepare(Run run) throws Exception {
        this.run = run;
        Workload w = run.workload();
        PageBodies.Pages pages = run.pages();
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
                                        + pages.path(e.getProperty(Exchange.LOOP_INDEX, Integer.class) + 1)))
                                .to(http)
                                .process(e -> run.sink().page(e.getMessage().getBody(byte[].class)))
                            .end();
                    return;
                }
                ProcessorDefinition<?> page = from("direct:copy")
                        .setProperty("next", header("firstUrl"))
                        .loopDoWhile(exchangeProperty("next").isNotNull())
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setHeader(Exchange.HTTP_URI, exchangeProperty("next"))
                            .to(http);
                String next = w.shape().nextPath();
                if (w.shape() == Workload.Shape.HUGE) { // as-is to a file first, while the stream cache still holds it
                    page.to("file:" + run.outDir() + "?fileName=" + run.file("camel-http").getFileName())
                            .setProperty("next").jsonpath(next, true, String.class)
                            .process(e -> run.sink().streamed(Files.size(run.file("camel-http"))));
                } else if (rows) {
                    page.setProperty("next").jsonpath(next, true, String.class)
                            .setBody().jsonpath(w.shape().recordsPath())
                            .bean(new RowMapping(), "map")
                            .process(e -> run.sink().rows(e.getMessage().getBody(List.class)));
                } else {
                    page.setProperty("next").jsonpath(next, true, String.class)
                            .process(e -> run.sink().page(e.getMessage().getBody(byte[].class)));
                }
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    /** The Java bean a Camel user writes to turn jsonpath's Maps into typed rows. */
    public static final class RowMapping {
        public List<Map<String, Object>> map(List<Map<String, Object>> records) {
            List<Map<String, Object>> out = new ArrayList<>(records.size());
            for (Map<String, Object> record : records) {
                out.add(TypedRows.fromMap(record));
            }
            return out;
        }
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
