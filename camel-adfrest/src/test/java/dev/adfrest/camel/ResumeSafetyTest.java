package dev.adfrest.camel;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.LogCapture;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The resume state keeps no secret and survives a rotated token; a saved position the API no longer accepts starts
 * the copy again instead of wedging the route.
 */
class ResumeSafetyTest {

    private static final String KEY = "query-k3y-7f3a9c";
    private static final String TOKEN = "eyJhbGciOi.bearer-one.sig";
    private static final String ROTATED = "eyJhbGciOi.bearer-two.sig";

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @TempDir
    Path dir;

    private final List<Integer> processed = new CopyOnWriteArrayList<>();
    private final List<Exception> errors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void reset() {
        api.resetAll();
    }

    private File stateFile() {
        return new File(dir.toFile(), "adfrest-state.dat");
    }

    private CamelContext start(String uri, IntPredicate failPage) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&stateRepository=#state&requestInterval=0&initialDelay=0&delay=1&maxRetries=0"
                     + "&bridgeErrorHandler=true")
                        .routeId("copy")
                        .onException(AdfRestException.class).handled(true).process(e -> errors.add(
                                e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class))).end()
                        .process(exchange -> {
                            int page = exchange.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class);
                            if (failPage.test(page)) {
                                throw new IllegalStateException("sink refused page " + page);
                            }
                            processed.add(page);
                        });
            }
        });
        context.start();
        return context;
    }

    @Test
    void theStateFileHoldsNeitherTheApiKeyNorTheBearerTokenAndATokenRotationKeepsThePosition() throws Exception {
        for (int i = 1; i <= 4; i++) {
            String next = i < 4 ? "\"next\":\"/p/" + (i + 1) + "\"," : "";
            api.stubFor(get(urlPathEqualTo("/p/" + i)).willReturn(Pages.json("{" + next + "\"data\":[" + i + "]}")));
        }
        String uri = "adfrest:" + Pages.baseUrl(api) + "/p/1?api_key=" + KEY + "&keepQueryParameters=true"
                     + "&paginationRules.AbsoluteUrl=$.next&additionalHeaders.Authorization=";
        AtomicBoolean failedOnce = new AtomicBoolean();
        CamelContext first = start(uri + "Bearer " + TOKEN + "&repeatCount=1",
                page -> page == 3 && failedOnce.compareAndSet(false, true));
        await().atMost(Duration.ofSeconds(20)).until(failedOnce::get);
        first.stop(); // interrupted: the position of page 3 is saved

        String saved = Files.readString(stateFile().toPath(), StandardCharsets.UTF_8);
        assertThat(saved).contains("/p/3").doesNotContain(KEY).doesNotContain(TOKEN).doesNotContain("bearer-one");

        processed.clear();
        CamelContext second = start(uri + "Bearer " + ROTATED + "&repeatCount=1", page -> false);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> processed.contains(4));
        } finally {
            second.stop();
        }

        assertThat(processed).containsExactly(3, 4); // resumed where it stood, despite the new token
        api.verify(getRequestedFor(urlEqualTo("/p/3?api_key=" + KEY))
                .withHeader("Authorization", equalTo("Bearer " + ROTATED))); // the key and the new token, from the endpoint
    }

    @Test
    void aPositionSavedByAnEarlierVersionIsIgnoredWithAWarningAndDeleted() throws Exception {
        api.stubFor(get(urlEqualTo("/v1")).willReturn(Pages.json("{\"data\":[1]}")));
        FileStateRepository old = FileStateRepository.fileStateRepository(stateFile());
        old.start();
        old.setState("copy", "{\"copy\":\"abc\",\"runId\":\"r1\",\"state\":{\"next\":{\"method\":\"GET\",\"url\":\""
                             + Pages.baseUrl(api) + "/v1\",\"headers\":{\"Authorization\":\"Bearer " + TOKEN
                             + "\"},\"body\":null}}}");
        old.stop();

        try (LogCapture log = LogCapture.open()) {
            CamelContext context = start("adfrest:" + Pages.baseUrl(api) + "/v1?repeatCount=1", page -> false);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> processed.contains(1));
            } finally {
                context.stop();
            }
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("an earlier version of adfrest saved it").doesNotContain(TOKEN));
        }
        FileStateRepository reread = FileStateRepository.fileStateRepository(stateFile());
        reread.start();
        assertThat(reread.getState("copy")).doesNotContain(TOKEN); // the entry is replaced (FileStateRepository drops
        reread.stop();                                              // the old line from its file when it compacts it)
    }

    /** Page 1 links to page 2 with a cursor that the API later forgets. */
    private void cursorPages(String cursor) {
        api.stubFor(get(urlEqualTo("/c/1")).willReturn(Pages.json("{\"next\":\"/c/2?cursor=" + cursor + "\",\"data\":[1]}")));
        api.stubFor(get(urlEqualTo("/c/2?cursor=" + cursor)).willReturn(Pages.json("{\"data\":[2]}")));
    }

    /** Runs until page 2 fails once in the route, so that its position is saved; then the cursor expires. */
    private String savePositionOfPage2ThenExpireIt() throws Exception {
        cursorPages("old");
        String uri = "adfrest:" + Pages.baseUrl(api) + "/c/1?paginationRules.AbsoluteUrl=$.next";
        AtomicBoolean failedOnce = new AtomicBoolean();
        CamelContext first = start(uri + "&repeatCount=1", page -> page == 2 && failedOnce.compareAndSet(false, true));
        await().atMost(Duration.ofSeconds(20)).until(failedOnce::get);
        first.stop();
        api.resetAll();
        cursorPages("new");
        api.stubFor(get(urlEqualTo("/c/2?cursor=old")).willReturn(aResponse().withStatus(410)
                .withBody("{\"error\":\"cursor expired\"}")));
        processed.clear();
        return uri;
    }

    @Test
    void aStaleSavedPositionStartsTheCopyAgainFromPageOneWithAWarning() throws Exception {
        String uri = savePositionOfPage2ThenExpireIt();

        try (LogCapture log = LogCapture.open()) {
            CamelContext second = start(uri + "&repeatCount=1", page -> false);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> processed.contains(2));
            } finally {
                second.stop();
            }
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("saved position").contains("HTTP 410").contains("page 1").contains("failOnStaleResume"));
        }

        assertThat(processed).containsExactly(1, 2);
        api.verify(1, getRequestedFor(urlEqualTo("/c/2?cursor=old")));
        api.verify(1, getRequestedFor(urlEqualTo("/c/2?cursor=new")));
        assertThat(errors).isEmpty();
    }

    @Test
    void failOnStaleResumeFailsInstead() throws Exception {
        String uri = savePositionOfPage2ThenExpireIt();

        CamelContext second = start(uri + "&repeatCount=1&failOnStaleResume=true", page -> false);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !errors.isEmpty());
        } finally {
            second.stop();
        }

        assertThat(errors.get(0)).isInstanceOf(AdfRestHttpException.class).hasMessageContaining("HTTP 410");
        assertThat(processed).isEmpty();
        api.verify(0, getRequestedFor(urlEqualTo("/c/1")));
    }
}
