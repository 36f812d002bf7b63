package dev.adfrest.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.adfrest.camel.AdfRestConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The main example: one route copies every page of a paginated API to files, as-is, the way an ADF copy activity
 * with "AbsoluteUrl": "$.paging.next" would. It starts its own demo API on 127.0.0.1, so it runs anywhere.
 *
 * <pre>
 * mvn -B -q -pl examples -am package exec:java -DskipTests
 * </pre>
 */
public final class CopyDemoApi {

    /** What a copy did. */
    public record Result(int pagesServed, int pagesExpected, long filesWritten, Path output) {
        public boolean complete() {
            return pagesServed == pagesExpected && filesWritten == pagesExpected;
        }
    }

    private CopyDemoApi() {
    }

    public static void main(String[] args) throws Exception {
        int pages = Integer.getInteger("demo.pages", 25);
        int perPage = Integer.getInteger("demo.perPage", 40);
        Path output = Path.of(System.getProperty("demo.output", "target/demo-output"));
        Result result = copy(pages, perPage, output);
        System.out.printf("%nCopied %d of %d pages (%d orders) from the demo API into %d files in %s%n",
                result.pagesServed(), result.pagesExpected(), pages * perPage, result.filesWritten(),
                result.output().toAbsolutePath());
        if (!result.complete()) {
            System.err.println("The copy is incomplete");
            System.exit(1);
        }
    }

    /** Starts the demo API, copies it with one adfrest route, and counts what arrived. */
    public static Result copy(int pages, int perPage, Path output) throws Exception {
        deleteRecursively(output);
        String apiKey = "demo-key-" + Long.toHexString(System.nanoTime());
        try (DemoApi api = DemoApi.start(pages, perPage, apiKey)) {
            CountDownLatch lastPage = new CountDownLatch(1);
            Main main = new Main();
            main.addInitialProperty("demo.url", api.baseUrl());
            main.addInitialProperty("demo.apiKey", apiKey);
            main.addInitialProperty("demo.output", output.toString());
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    // ADF: linked service url + authHeaders, dataset relativeUrl, copy source paginationRules
                    from("adfrest:{{demo.url}}?relativeUrl=/v1/orders"
                         + "&authHeaders.x-api-key={{demo.apiKey}}"
                         + "&paginationRules=RAW({\"AbsoluteUrl\":\"$.paging.next\"})"
                         + "&requestInterval=0&repeatCount=1")
                            .routeId("copy-orders")
                            .to("file:{{demo.output}}?fileName=orders-${header.CamelAdfRestPageNumber}.json")
                            .log("Copied page ${header.CamelAdfRestPageNumber} from ${header.CamelAdfRestRequestUrl}")
                            .filter(header(AdfRestConstants.LAST_PAGE))
                            .process(exchange -> lastPage.countDown());
                }
            });
            runUntil(main, lastPage);
            return new Result(api.pagesServed(), pages, countFiles(output), output);
        }
    }

    /** Runs the routes until the latch is counted down (the copy's last page), two minutes at most. */
    static void runUntil(Main main, CountDownLatch lastPage) throws Exception {
        main.start();
        try {
            if (!lastPage.await(2, TimeUnit.MINUTES)) {
                System.err.println("No last page within 2 minutes");
            }
        } finally {
            main.stop();
        }
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
