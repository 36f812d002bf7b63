package dev.adfrest.camel.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.AdfRestPageException;
import dev.adfrest.camel.auth.AnonymousAuthenticator;
import dev.adfrest.camel.auth.Credentials;
import dev.adfrest.camel.http.HostPolicy;
import dev.adfrest.camel.http.HttpTransport;
import dev.adfrest.camel.http.ResponseTooLargeException;
import dev.adfrest.camel.http.TransportSettings;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.support.Masking;
import dev.adfrest.camel.testsupport.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fetching a page: one JSON pass, the tree only when asked (and then once), big pages to a spool file that never
 * outlives a failure.
 */
class PageFetcherTest {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @TempDir
    Path dir;

    private final CountingFactory parses = new CountingFactory();
    private HttpTransport transport;

    /** Counts the JSON parsers made, that is, the passes over a page. */
    static final class CountingFactory extends JsonFactory {
        final AtomicInteger parsers = new AtomicInteger();

        @Override
        public JsonParser createParser(byte[] data) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(data);
        }

        @Override
        public JsonParser createParser(InputStream in) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(in);
        }
    }

    @AfterEach
    void close() throws IOException {
        if (transport != null) {
            transport.close();
        }
    }

    private PageFetcher fetcher(Map<String, String> rules, boolean mapped, long spoolThreshold, long maxResponseSize) {
        ObjectMapper mapper = JsonMapper.builder(parses).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        transport = new HttpTransport(new TransportSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10), null, true, maxResponseSize, 8, Duration.ofMinutes(1)),
                new Credentials(new AnonymousAuthenticator(), Map.of(), List.of(), URI.create(Pages.baseUrl(api)), false),
                HostPolicy.of(Pages.baseUrl(api), null));
        return new PageFetcher(transport, PageJson.of(mapper, PaginationRules.parse(rules), mapped),
                new Spools(dir, spoolThreshold));
    }

    private PageFetcher fetcher(long spoolThreshold) {
        return fetcher(Map.of("AbsoluteUrl", "$.next"), false, spoolThreshold, 100_000_000);
    }

    /** Fetches as the run does: a failure as the route sees it. */
    private static FetchedPage reported(PageFetcher fetcher, PageRequest request, int number) {
        try {
            return fetcher.fetch(request, number);
        } catch (Exception e) {
            throw Failures.of(e, request, number, 1, Masking.none());
        }
    }

    private static PageRequest request(String path) {
        return new PageRequest("GET", Pages.baseUrl(api) + path, Map.of(), null);
    }

    private static String page(int size, String next) {
        return Pages.recordsPage(size, next == null ? "null" : "\"" + next + "\"");
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void aPageIsReadInOnePassAndItsTreeBuiltOnlyWhenAskedThenKept() throws Exception {
        String body = page(5_000, "https://api.example.com/p2");
        api.stubFor(get(urlEqualTo("/p1")).willReturn(Pages.json(body)));

        try (FetchedPage page = fetcher(1_000_000).fetch(request("/p1"), 1)) {
            assertThat(parses.parsers).as("one streaming pass").hasValue(1);
            assertThat(page.json().get("next").asText()).isEqualTo("https://api.example.com/p2");
            assertThat(page.json().has("data")).as("the engine gets only what the rules read").isFalse();

            JsonNode tree = page.content().tree();
            assertThat(tree.get("data")).as("the whole page").isNotEmpty();
            assertThat(page.content().tree()).isSameAs(tree);
            assertThat(parses.parsers).as("the tree, once").hasValue(2);
            assertThat(new String(page.content().bytes(), StandardCharsets.UTF_8)).isEqualTo(body);
        }
    }

    @Test
    void whenRulesNeedFullJsonPathTheOneParseServesTheEngineAndTheRoute() throws Exception {
        api.stubFor(get(urlEqualTo("/p1")).willReturn(Pages.json(
                "{\"links\":[{\"rel\":\"self\",\"href\":\"/p1\"},{\"rel\":\"next\",\"href\":\"/p2\"}]}")));

        try (FetchedPage page = fetcher(Map.of("AbsoluteUrl", "$.links[?(@.rel=='next')].href"), false, 1_000_000,
                100_000_000).fetch(request("/p1"), 1)) {
            assertThat(page.content().tree()).isSameAs(page.json());
            assertThat(parses.parsers).hasValue(1);
        }
    }

    @Test
    void mappedPagesAreParsedOnceAndNeverSpooled() throws Exception {
        api.stubFor(get(urlEqualTo("/p1")).willReturn(Pages.json(page(50_000, null))));

        try (FetchedPage page = fetcher(Map.of("AbsoluteUrl", "$.next"), true, Long.MAX_VALUE, 100_000_000)
                .fetch(request("/p1"), 1)) {
            assertThat(page.content().isSpooled()).isFalse();
            assertThat(page.content().tree()).isSameAs(page.json());
            assertThat(parses.parsers).hasValue(1);
        }
    }

    @Test
    void aPageOverTheThresholdGoesToAFileWhileItIsChecked() throws Exception {
        String body = page(300_000, "https://api.example.com/p2");
        api.stubFor(get(urlEqualTo("/big")).willReturn(Pages.json(body)));

        FetchedPage page = fetcher(10_000).fetch(request("/big"), 1);

        assertThat(page.content().isSpooled()).isTrue();
        assertThat(page.size()).isEqualTo(body.length());
        assertThat(page.content().file()).as("nothing of it in memory: the body is in the file").isNotNull();
        assertThat(page.json().get("next").asText()).isEqualTo("https://api.example.com/p2");
        assertThat(parses.parsers).hasValue(1);
        assertThat(spoolFiles()).hasSize(1);
        assertThat(Files.readString(spoolFiles().get(0))).isEqualTo(body);
        try (InputStream in = page.content().openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
        }

        page.close();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aChunkedPageIsSpooledOnceItPassesTheThresholdAndKeptInMemoryBelowIt() throws Exception {
        String big = page(200_000, null);
        String small = page(2_000, null);
        api.stubFor(get(urlEqualTo("/chunked-big")).willReturn(Pages.json(big).withChunkedDribbleDelay(8, 8)));
        api.stubFor(get(urlEqualTo("/chunked-small")).willReturn(Pages.json(small).withChunkedDribbleDelay(2, 2)));
        PageFetcher fetcher = fetcher(10_000);

        try (FetchedPage spooled = fetcher.fetch(request("/chunked-big"), 1);
             FetchedPage inMemory = fetcher.fetch(request("/chunked-small"), 2)) {
            assertThat(spooled.content().isSpooled()).isTrue();
            assertThat(new String(spooled.content().bytes(), StandardCharsets.UTF_8)).isEqualTo(big);
            assertThat(inMemory.content().isSpooled()).isFalse();
            assertThat(new String(inMemory.content().bytes(), StandardCharsets.UTF_8)).isEqualTo(small);
        }
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void anInvalidSpooledPageIsRefusedAndLeavesNoFile() throws IOException {
        api.stubFor(get(urlEqualTo("/bad")).willReturn(Pages.json(page(100_000, null) + " <html>")));

        assertThatThrownBy(() -> reported(fetcher(10_000), request("/bad"), 3))
                .isInstanceOf(AdfRestPageException.class)
                .hasMessageContaining("Page 3").hasMessageContaining("/bad").hasMessageContaining("not valid JSON");
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aCutShortSpooledPageIsATransientFaultAndLeavesNoFile() throws IOException {
        String body = page(100_000, null);
        api.stubFor(get(urlEqualTo("/cut")).willReturn(Pages.json(body.substring(0, 60_000))));

        assertThatThrownBy(() -> fetcher(10_000).fetch(request("/cut"), 1))
                .isInstanceOfSatisfying(PageFault.class, e -> assertThat(e.isTransientFault()).isTrue());
        assertThatThrownBy(() -> reported(fetcher(10_000), request("/cut"), 1))
                .isInstanceOf(AdfRestPageException.class).hasMessageContaining("cut short after 60000 bytes");
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void maxResponseSizeStillAppliesToSpooledPagesAnnouncedOrNot() throws IOException {
        api.stubFor(get(urlEqualTo("/announced")).willReturn(Pages.json(page(300_000, null))));
        api.stubFor(get(urlEqualTo("/chunked")).willReturn(Pages.json(page(300_000, null))
                .withChunkedDribbleDelay(8, 8)));

        assertThatThrownBy(() -> fetcher(Map.of(), false, 10_000, 200_000).fetch(request("/announced"), 1))
                .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("maxResponseSize");
        assertThatThrownBy(() -> fetcher(Map.of(), false, 10_000, 200_000).fetch(request("/chunked"), 1))
                .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("maxResponseSize");
        assertThat(spoolFiles()).isEmpty();
    }
}
