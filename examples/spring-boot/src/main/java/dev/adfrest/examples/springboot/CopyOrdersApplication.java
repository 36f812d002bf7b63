package dev.adfrest.examples.springboot;

import java.io.IOException;

import dev.adfrest.examples.DemoApi;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application that copies every page of a paginated API into its own file, as an ADF copy activity with
 * {@code "AbsoluteUrl": "$.paging.next"} would: once at start, then every {@code orders.copy-every}. The linked
 * service (API key) and the copy source (pagination rule) are in application.properties, bound by the adfrest starter;
 * {@code /actuator/health} shows the route. It copies from the demo API, started on 127.0.0.1 with the application.
 */
@SpringBootApplication
public class CopyOrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(CopyOrdersApplication.class, args);
    }

    @Bean(destroyMethod = "close")
    DemoApi demoApi(@Value("${demo.pages}") int pages, @Value("${demo.per-page}") int perPage,
            @Value("${demo.api-key}") String apiKey) throws IOException {
        return DemoApi.start(pages, perPage, apiKey);
    }

    @Bean
    RouteBuilder copyOrders(DemoApi api) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + api.baseUrl() + "?relativeUrl=/v1/orders&delay={{orders.copy-every}}")
                        .routeId("copy-orders")
                        .to("file:{{orders.output}}?fileName=orders-${header.CamelAdfRestPageNumber}.json")
                        .log("Copied page ${header.CamelAdfRestPageNumber} from ${header.CamelAdfRestRequestUrl}")
                        .filter(header("CamelAdfRestLastPage"))
                        .log("Copied all ${header.CamelAdfRestPageNumber} pages of the demo API into {{orders.output}}");
            }
        };
    }
}
