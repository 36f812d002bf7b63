package dev.adfrest.examples;

import java.util.concurrent.CountDownLatch;

import dev.adfrest.camel.AdfRestConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The whole ADF copy, REST to REST, as one route: every order of the paginated demo API, mapped by an ADF
 * TabularTranslator, written into the demo API's archive as ADF's REST sink writes (JSON arrays of at most
 * writeBatchSize records, gzip-compressed, HTTP Basic). It starts its own demo API on 127.0.0.1, so it runs anywhere.
 *
 * <pre>
 * mvn -B -q -pl examples -am package exec:java@api-to-api -DskipTests
 * </pre>
 */
public final class CopyApiToApi {

    /** What a copy did. */
    public record Result(int ordersServed, int ordersArchived, int archiveRequests, DemoApi api) {
        public boolean complete() {
            return ordersArchived == ordersServed;
        }
    }

    private CopyApiToApi() {
    }

    public static void main(String[] args) throws Exception {
        int pages = Integer.getInteger("demo.pages", 25);
        int perPage = Integer.getInteger("demo.perPage", 40);
        Result result = copy(pages, perPage, 100);
        System.out.printf("%nCopied %d of %d orders from the demo API into its archive in %d requests; the first: %s%n",
                result.ordersArchived(), result.ordersServed(), result.archiveRequests(),
                result.api().archived().isEmpty() ? "none" : result.api().archived().get(0));
        if (!result.complete()) {
            System.err.println("The copy is incomplete");
            System.exit(1);
        }
    }

    /** Starts the demo API, copies its orders into its archive with one adfrest-to-adfrest route. */
    public static Result copy(int pages, int perPage, int writeBatchSize) throws Exception {
        String apiKey = "demo-key-" + Long.toHexString(System.nanoTime());
        try (DemoApi api = DemoApi.start(pages, perPage, apiKey)) {
            CountDownLatch lastPage = new CountDownLatch(1);
            Main main = new Main();
            main.addInitialProperty("demo.url", api.baseUrl());
            main.addInitialProperty("demo.apiKey", apiKey);
            main.addInitialProperty("demo.archiveUser", DemoApi.ARCHIVE_USER);
            main.addInitialProperty("demo.batch", String.valueOf(writeBatchSize));
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    // ADF: the source (linked service, dataset, RestSource, translator) ...
                    from("adfrest:{{demo.url}}?relativeUrl=/v1/orders"
                         + "&authHeaders.x-api-key={{demo.apiKey}}"
                         + "&paginationRules=RAW({\"AbsoluteUrl\":\"$.paging.next\"})"
                         + "&translator=classpath:archive-mapping.json"
                         + "&requestInterval=0&repeatCount=1")
                            .routeId("copy-orders-to-archive")
                            // ... and the sink (linked service, dataset, RestSink)
                            .to("adfrest:{{demo.url}}?relativeUrl=/v1/archive"
                                + "&authenticationType=Basic&userName={{demo.archiveUser}}&password={{demo.apiKey}}"
                                + "&writeBatchSize={{demo.batch}}&httpCompressionType=gzip")
                            .log("Page ${header.CamelAdfRestPageNumber}: ${header.CamelAdfRestRecordsWritten} orders"
                                 + " archived in ${header.CamelAdfRestRequestCount} request(s)")
                            .filter(header(AdfRestConstants.LAST_PAGE))
                            .process(exchange -> lastPage.countDown());
                }
            });
            CopyDemoApi.runUntil(main, lastPage);
            return new Result(api.pagesServed() * perPage, api.archived().size(), api.archiveRequests(), api);
        }
    }
}
