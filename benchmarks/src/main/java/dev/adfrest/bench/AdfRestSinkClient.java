package dev.adfrest.bench;

import dev.adfrest.camel.AdfRestConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * adfrest's sink (operation=write): a route {@code from("direct:write").to("adfrest:<api>?writeBatchSize=N&
 * httpCompressionType=none|gzip&requestInterval=0")}, the records handed to it as they are, an Iterator. The producer
 * starts with the route (not timed); the copy is one exchange, which returns when the last batch was answered.
 * {@code requestInterval=0}: its default is ADF's 10 ms between requests, which the other clients do not wait.
 */
public final class AdfRestSinkClient implements BenchClient {

    private CamelContext camel;
    private ProducerTemplate template;
    private Run run;

    @Override
    public void prepare(Run run) throws Exception {
        this.run = run;
        Workload w = run.workload();
        String uri = "adfrest:" + run.sinkUrl() + "?requestInterval=0&writeBatchSize=" + w.batch()
                     + "&httpCompressionType=" + (w.gzip() ? "gzip" : "none");
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:write").to(uri);
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @Override
    public void copy() throws Exception {
        Exchange done = template.send("direct:write", e -> e.getMessage().setBody(run.records()));
        if (done.getException() != null) {
            throw done.getException();
        }
        run.sink().written(done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN, Long.class));
    }

    @Override
    public void finish() throws Exception {
        if (template != null) {
            template.close();
        }
        if (camel != null) {
            camel.close();
        }
    }
}
