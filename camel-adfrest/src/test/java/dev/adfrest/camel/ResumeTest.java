package dev.adfrest.camel;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a stateRepository, a run that fails or is killed resumes at the first page the route has not processed:
 * every page arrives at least once, and exactly once when the failure came after the page was processed.
 */
class ResumeTest {

    private static final int PAGES = 10;

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @TempDir
    Path dir;

    /** Page numbers as the route processed them, across contexts. */
    private final List<Integer> processed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void tenPages() {
        api.resetAll();
        for (int i = 1; i <= PAGES; i++) {
            String next = i < PAGES ? "\"next\":\"/p/" + (i + 1) + "\"," : "";
            api.stubFor(get(urlEqualTo("/p/" + i)).willReturn(Pages.json("{" + next + "\"data\":[" + i + "]}")));
        }
    }

    private FileStateRepository repository() {
        return FileStateRepository.fileStateRepository(new File(dir.toFile(), "adfrest-state.dat"));
    }

    /** A context with one route "copy" that records each page and may fail it. */
    private CamelContext start(FileStateRepository repo, String options, Function<Integer, Boolean> failPage)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("adfrest:" + Pages.baseUrl(api) + "/p/1?paginationRules.AbsoluteUrl=$.next&stateRepository=#state"
                     + "&requestInterval=0&initialDelay=0&delay=1&maxRetries=0" + options)
                        .routeId("copy")
                        .process(exchange -> {
                            int page = exchange.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class);
                            if (failPage.apply(page)) {
                                throw new IllegalStateException("sink refused page " + page);
                            }
                            processed.add(page);
                        });
            }
        });
        context.start();
        return context;
    }

    private static Map<Integer, Long> counts(List<Integer> pages) {
        return pages.stream().collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    }

    private static List<Integer> allPages() {
        return IntStream.rangeClosed(1, PAGES).boxed().toList();
    }

    @Test
    void aPageTheRouteFailedIsDeliveredAgainAndTheRunGoesOnFromThere() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        CamelContext context = start(repository(), "&repeatCount=2",
                page -> page == 5 && failedOnce.compareAndSet(false, true));
        try {
            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> processed.contains(PAGES));
        } finally {
            context.stop();
        }

        assertThat(processed).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10); // page 5 failed once, then processed
        assertThat(failedOnce).isTrue();
    }

    @Test
    void aFetchFailureAfterAProcessedPageResumesExactlyAfterIt() throws Exception {
        api.stubFor(get(urlEqualTo("/p/6")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        api.stubFor(get(urlEqualTo("/p/6")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(Pages.json("{\"next\":\"/p/7\",\"data\":[6]}")));

        CamelContext context = start(repository(), "&repeatCount=2", page -> false);
        try {
            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> processed.contains(PAGES));
        } finally {
            context.stop();
        }

        assertThat(processed).containsExactlyElementsOf(allPages()); // each page exactly once
    }

    @Test
    void aContextStoppedMidRunResumesAfterARestart() throws Exception {
        FileStateRepository repo = repository();
        CountDownLatch atPage4 = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        CamelContext first = start(repo, "&repeatCount=1", page -> {
            if (page == 4) {
                atPage4.countDown();
                try {
                    // the route is still on page 4 when the stop begins, however fast the pages came
                    assertThat(stopping.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        });
        assertThat(atPage4.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stop = CompletableFuture.runAsync(first::stop); // the "JVM" goes away mid-run
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> first.getStatus().isStopping());
        stopping.countDown();
        stop.get(30, TimeUnit.SECONDS);
        int beforeRestart = processed.size();
        assertThat(beforeRestart).isBetween(4, PAGES - 1);

        CamelContext second = start(repository(), "&repeatCount=1", page -> false); // a new process, same file
        try {
            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> processed.contains(PAGES));
        } finally {
            second.stop();
        }

        assertThat(processed).containsAll(allPages());
        Map<Integer, Long> counts = counts(processed);
        assertThat(counts.values().stream().filter(c -> c > 1).count()).as("pages delivered twice").isLessThanOrEqualTo(1);
        assertThat(processed.get(beforeRestart)).as("first page after the restart")
                .isBetween(processed.get(beforeRestart - 1), processed.get(beforeRestart - 1) + 1);
    }

    @Test
    void aCompletedRunStartsAfreshAtTheNextPoll() throws Exception {
        CamelContext context = start(repository(), "&repeatCount=2", page -> false);
        try {
            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> processed.size() == 2 * PAGES);
        } finally {
            context.stop();
        }

        assertThat(processed.subList(0, PAGES)).containsExactlyElementsOf(allPages());
        assertThat(processed.subList(PAGES, 2 * PAGES)).containsExactlyElementsOf(allPages());
    }

    @Test
    void aSavedPositionOfAnotherConfigurationIsIgnored() throws Exception {
        FileStateRepository repo = repository();
        AtomicBoolean failedOnce = new AtomicBoolean();
        CamelContext first = start(repo, "&repeatCount=1", page -> page == 3 && failedOnce.compareAndSet(false, true));
        await().atMost(java.time.Duration.ofSeconds(20)).until(failedOnce::get);
        first.stop();
        processed.clear();

        // another configuration (an extra header in the first request) under the same route id
        CamelContext second = start(repository(), "&repeatCount=1&additionalHeaders.x-tenant=b", page -> false);
        try {
            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> processed.contains(PAGES));
        } finally {
            second.stop();
        }

        assertThat(processed).containsExactlyElementsOf(allPages());
    }
}
