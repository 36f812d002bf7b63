package dev.adfrest.camel.testsupport;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;

/** Runs one copy run of an adfrest endpoint in a started context and hands back the page exchanges. */
public final class Runs {

    private static final AtomicInteger IDS = new AtomicInteger();

    private Runs() {
    }

    /**
     * Adds a route {@code from(uri).to(mock)} (the URI should set repeatCount=1), waits for the expected number of
     * pages, and returns them in arrival order.
     */
    public static List<Exchange> copyOnce(CamelContext context, String uri, int expectedPages) throws Exception {
        String mock = "mock:pages-" + IDS.incrementAndGet();
        MockEndpoint pages = context.getEndpoint(mock, MockEndpoint.class);
        pages.expectedMessageCount(expectedPages);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to(mock);
            }
        });
        pages.assertIsSatisfied(10_000);
        return pages.getReceivedExchanges();
    }

    /**
     * Adds a route whose errors (poll failures bridged to the route, and failed pages) land in a mock, waits for the
     * first error and returns it.
     */
    public static Exchange firstError(CamelContext context, String uri) throws Exception {
        int id = IDS.incrementAndGet();
        String errors = "mock:errors-" + id;
        MockEndpoint mock = context.getEndpoint(errors, MockEndpoint.class);
        mock.expectedMinimumMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + (uri.contains("?") ? "&" : "?") + "bridgeErrorHandler=true")
                        .routeId("errors-" + id)
                        .onException(Exception.class).handled(true).to(errors).end()
                        .to("mock:ok-" + id);
            }
        });
        mock.assertIsSatisfied(10_000);
        return mock.getReceivedExchanges().get(0);
    }

    /** The failure {@link #firstError} caught. */
    public static Exception firstFailure(CamelContext context, String uri) throws Exception {
        return firstError(context, uri).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

}
