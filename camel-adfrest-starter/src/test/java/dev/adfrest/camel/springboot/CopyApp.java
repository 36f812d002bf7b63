package dev.adfrest.camel.springboot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.AdfRestConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application of the starter's tests: one adfrest route, its URI only the API's address
 * ({@code orders.api.url}); credentials and pagination rules come from the properties files.
 */
@SpringBootApplication
public class CopyApp {

    /** What the route received: page number, last-page flag, order ids. */
    record CopiedPage(int number, boolean last, List<Integer> ids) {
    }

    @Bean
    List<CopiedPage> copiedPages() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    RouteBuilder copyOrders(List<CopiedPage> copiedPages) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:{{orders.api.url}}?relativeUrl=/v1/orders&repeatCount=1&initialDelay=0")
                        .routeId("copy-orders")
                        .process(exchange -> {
                            JsonNode page = exchange.getMessage().getBody(JsonNode.class);
                            List<Integer> ids = page.path("data").findValuesAsText("id").stream()
                                    .map(Integer::valueOf).toList();
                            copiedPages.add(new CopiedPage(
                                    exchange.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class),
                                    exchange.getMessage().getHeader(AdfRestConstants.LAST_PAGE, Boolean.class), ids));
                        });
            }
        };
    }
}
