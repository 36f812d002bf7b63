package dev.adfrest.camel.source;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.support.Masking;

/** Pages and runs for tests of the run without HTTP. */
final class TestRuns {

    private TestRuns() {
    }

    /** A page held in memory whose tree is known; a 204 has no body. */
    static FetchedPage page(int number, PageRequest request, int status, byte[] body, JsonNode json) {
        return new FetchedPage(number, request, status, Map.of(), json,
                status == 204 ? PageContent.NONE : PageContent.inMemory(body, json, null));
    }

    /** A run "run-1" handing pages over as received, secrets not masked. */
    static CopyRun run(Paginator paginator, CopyRun.Fetcher fetcher, Duration interval, BooleanSupplier running,
                       CopyRun.Sleeper sleeper, Checkpoints checkpoints, CopyRun.FetchAhead ahead) {
        return new CopyRun("run-1", paginator, fetcher, PageOutput.AS_IS, checkpoints, RunWatermark.NONE,
                new CopyRun.Pacing(interval, ahead, sleeper), Masking.none(), running, RunObserver.NONE);
    }
}
