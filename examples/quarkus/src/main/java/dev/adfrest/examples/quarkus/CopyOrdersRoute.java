package dev.adfrest.examples.quarkus;

import dev.adfrest.examples.DemoApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * Copies every page of the orders API into its own file, as an ADF copy activity with
 * {@code "AbsoluteUrl": "$.paging.next"} would: once at start, then every {@code orders.copy-every}. The API key and
 * the pagination rule are in application.properties ({@code camel.component.adfrest.*}).
 */
@ApplicationScoped
public class CopyOrdersRoute extends RouteBuilder {

    @Inject
    DemoApi api;

    @Override
    public void configure() {
        from("adfrest:" + api.baseUrl() + "?relativeUrl=/v1/orders&delay={{orders.copy-every}}")
                .routeId("copy-orders")
                .to("file:{{orders.output}}?fileName=orders-${header.CamelAdfRestPageNumber}.json")
                .log("Copied page ${header.CamelAdfRestPageNumber} from ${header.CamelAdfRestRequestUrl}")
                .filter(header("CamelAdfRestLastPage"))
                .log("Copied all ${header.CamelAdfRestPageNumber} pages of the demo API into {{orders.output}}");
    }
}
