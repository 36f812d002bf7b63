package dev.adfrest.camel.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationException;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.PaginationSettings;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.AdfRestPaginationException;
import dev.adfrest.camel.AdfRestTransportException;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.support.Masking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spooled pages the route never gets (the page read ahead when the route fails, the page in hand when the run fails
 * or the consumer stops) lose their file with the run; the pages the route gets are the route's to close.
 */
class CopyRunDiscardTest {

    @TempDir
    Path dir;

    private final Map<String, String> api = new LinkedHashMap<>();
    private final List<RunPage> handed = new ArrayList<>();

    private Spools spools() {
        return new Spools(dir, 0);
    }

    /** Every page is spooled: its body goes to a file in {@code dir}. */
    private CopyRun run(Spools spools, AtomicBoolean running) {
        PaginationRules rules = PaginationRules.parse(Map.of("AbsoluteUrl", "$.next"));
        Paginator paginator = new Paginator(rules, PaginationSettings.DEFAULTS,
                new PageRequest("GET", "http://api.test/p1", Map.of(), null));
        PageJson json = PageJson.of(rules, false);
        CopyRun.Fetcher fetcher = (request, number) -> {
            String body = api.get(request.url());
            if (body == null) {
                throw new IOException("connection reset");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Spools.Spool spool = spools.create();
            Files.write(spool.file(), bytes);
            return new FetchedPage(number, request, 200, Map.of(), json.read(bytes),
                    PageContent.spooled(spool, bytes.length, null, json));
        };
        return new CopyRun("run-1", paginator, fetcher, PageOutput.AS_IS, Checkpoints.NONE, RunWatermark.NONE,
                new CopyRun.Pacing(Duration.ZERO, CopyRun.FetchAhead.NONE, d -> { }), Masking.none(), running::get,
                RunObserver.NONE);
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void thePageReadAheadIsDiscardedWhenTheRouteFailsAPage() throws Exception {
        api.put("http://api.test/p1", "{\"next\":\"http://api.test/p2\"}");
        api.put("http://api.test/p2", "{\"next\":\"http://api.test/p3\"}");

        RunSummary summary = run(spools(), new AtomicBoolean(true)).execute(page -> {
            handed.add(page);
            return false;
        });

        assertThat(summary.completed()).isFalse();
        assertThat(handed).extracting(RunPage::number).containsExactly(1);
        assertThat(spoolFiles()).as("page 1 is the route's to close; page 2 was never delivered").hasSize(1);
        handed.get(0).close();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void thePageInHandIsDiscardedWhenTheRunFails() throws Exception {
        api.put("http://api.test/p1", "{\"next\":{\"href\":\"http://api.test/p2\"}}"); // an object: the engine fails

        assertThatThrownBy(() -> run(spools(), new AtomicBoolean(true)).execute(page -> {
            handed.add(page);
            return true;
        })).isInstanceOf(AdfRestPaginationException.class).hasCauseInstanceOf(PaginationException.class);

        assertThat(handed).isEmpty();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void thePageInHandIsDiscardedWhenTheConsumerStops() throws Exception {
        api.put("http://api.test/p1", "{\"next\":\"http://api.test/p2\"}");
        api.put("http://api.test/p2", "{\"next\":\"http://api.test/p3\"}");
        api.put("http://api.test/p3", "{\"next\":null}");
        AtomicBoolean running = new AtomicBoolean(true);

        run(spools(), running).execute(page -> {
            handed.add(page);
            page.close();
            running.set(false); // the consumer is stopping while the route handles page 1; page 2 is read ahead
            return true;
        });

        assertThat(handed).extracting(RunPage::number).containsExactly(1);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aFailedFetchLeavesOnlyTheDeliveredPagesWithTheRoute() throws Exception {
        api.put("http://api.test/p1", "{\"next\":\"http://api.test/p2\"}"); // p2 answers with a connection reset

        assertThatThrownBy(() -> run(spools(), new AtomicBoolean(true)).execute(page -> {
            handed.add(page);
            page.close();
            return true;
        })).isInstanceOf(AdfRestTransportException.class).hasCauseInstanceOf(IOException.class);

        assertThat(handed).extracting(RunPage::number).containsExactly(1);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void deliveredPagesAreNeverClosedByTheRun() throws Exception {
        api.put("http://api.test/p1", "{\"next\":\"http://api.test/p2\"}");
        api.put("http://api.test/p2", "{\"next\":null}");

        RunSummary summary = run(spools(), new AtomicBoolean(true)).execute(page -> {
            handed.add(page);
            return true;
        });

        assertThat(summary.completed()).isTrue();
        assertThat(spoolFiles()).hasSize(2); // the exchanges delete them when they complete
        handed.forEach(RunPage::close);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void stoppingTheEndpointDeletesWhatIsLeft() throws Exception {
        Spools spools = spools();
        spools.create();
        spools.create();

        assertThat(spools.deleteAll()).isEqualTo(2);
        assertThat(spoolFiles()).isEmpty();
    }
}
