package dev.adfrest.camel.source;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.mapping.WatermarkLag;
import dev.adfrest.camel.mapping.WatermarkReader;
import dev.adfrest.camel.mapping.WatermarkValue;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.testsupport.LogCapture;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's watermark in the state repository: what is read, what is saved, and when nothing is. */
class RunWatermarkTest {

    /** A repository that lists its writes. */
    static final class Recording extends MemoryStateRepository {
        final List<String> writes = new ArrayList<>();

        @Override
        public void setState(String key, String value) {
            writes.add(key + "=" + value);
            super.setState(key, value);
        }
    }

    private final Recording state = new Recording();

    private RunWatermark watermark(String initial, String lag) {
        WatermarkOptions options = new WatermarkOptions(WatermarkReader.compile("$.at"),
                initial == null ? null : WatermarkValue.parse(initial), WatermarkLag.parse(lag), true);
        return new RunWatermark(options, state, "orders", PageOutput.AS_IS);
    }

    private static RunPage page(String json) throws Exception {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode tree = Json.MAPPER.readTree(body);
        return new RunPage("run-1", TestRuns.page(1, new PageRequest("GET", "http://127.0.0.1/x", null, null), 200, body,
                tree), false, "http://127.0.0.1/x", null);
    }

    @Test
    void aCompletedRunSavesItsHighestValueUnderTheRouteKeyAndTheNextAsksFromItLessTheLag() throws Exception {
        RunWatermark first = watermark("2024-05-01T00:00:00Z", "PT1H");
        first.start();
        assertThat(first.used()).as("the initial value is not moved").isEqualTo("2024-05-01T00:00:00Z");
        first.processed(page("[{\"at\":\"2024-05-01T10:00:00+02:00\"},{\"at\":\"2024-05-01T07:00:00Z\"}]"));
        first.commit("run-1");
        assertThat(state.writes).containsExactly("orders#watermark={\"watermarkPath\":\"$.at\","
                                                 + "\"value\":\"2024-05-01T10:00:00+02:00\",\"kind\":\"date-time\"}");

        RunWatermark second = watermark("2024-05-01T00:00:00Z", "PT1H");
        second.start();
        assertThat(second.used()).isEqualTo("2024-05-01T09:00:00+02:00");
        assertThat(second.fill(new PageRequest("GET", "http://127.0.0.1/x?since={watermark}",
                java.util.Map.of("X-Since", "{watermark}"), null)))
                .isEqualTo(new PageRequest("GET", "http://127.0.0.1/x?since=2024-05-01T09%3A00%3A00%2B02%3A00",
                        java.util.Map.of("X-Since", "2024-05-01T09:00:00+02:00"), null));
    }

    @Test
    void nothingNewSavesNothing() throws Exception {
        state.setState("orders#watermark", "{\"watermarkPath\":\"$.at\",\"value\":\"7\",\"kind\":\"number\"}");
        state.writes.clear();
        RunWatermark run = watermark("0", null);
        run.start();
        run.processed(page("[{\"at\":3},{\"at\":7}]"));
        run.commit("run-1");
        assertThat(state.writes).isEmpty();
    }

    @Test
    void aRunResumesWithTheValuesItSavedWithItsPosition() throws Exception {
        RunWatermark run = watermark("a", null);
        run.start();
        run.processed(page("[{\"at\":\"42\"},{\"at\":\"b\"}]"));
        JsonNode progress = Json.MAPPER.readTree(run.progress().toString());

        RunWatermark resumed = watermark("x", null); // a new initial value: the resumed run keeps its own
        resumed.resume(progress);
        assertThat(resumed.used()).isEqualTo("a");
        resumed.processed(page("[{\"at\":\"ab\"}]"));
        resumed.commit("run-1");
        assertThat(Json.MAPPER.readTree(state.getState("orders#watermark")).path("value").asText()).isEqualTo("b");
    }

    @Test
    void aStringWatermarkStaysAStringThoughItsTextReadsAsANumber() throws Exception {
        state.setState("orders#watermark", "{\"watermarkPath\":\"$.at\",\"value\":\"5\",\"kind\":\"string\"}");
        RunWatermark run = watermark(null, null);
        run.start();
        run.processed(page("[{\"at\":\"10\"}]")); // as strings "10" < "5"
        run.commit("run-1");
        assertThat(Json.MAPPER.readTree(state.getState("orders#watermark")).path("value").asText()).isEqualTo("5");
    }

    @Test
    void aValueSavedForAnotherPathOrUnreadableIsIgnoredWithAWarning() {
        try (LogCapture log = LogCapture.open()) {
            state.setState("orders#watermark", "{\"watermarkPath\":\"$.modified\",\"value\":\"7\",\"kind\":\"number\"}");
            RunWatermark other = watermark("0", null);
            other.start();
            assertThat(other.used()).isEqualTo("0");

            state.setState("orders#watermark", "not json");
            RunWatermark unreadable = watermark("0", null);
            unreadable.start();
            assertThat(unreadable.used()).isEqualTo("0");

            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("it was saved for watermarkPath"
                                                                                     + " $.modified, not $.at"));
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("unreadable saved watermark"));
        }
    }

    @Test
    void aRunWhoseRecordsNeverHaveTheFieldSaysSo() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            RunWatermark run = watermark("0", null);
            run.start();
            run.processed(page("{\"data\":[{\"at\":5}]}")); // the page is one record: collectionReference forgotten
            run.commit("run-7");
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("Run run-7: none of its 1 records"
                                                                                     + " has a value at watermarkPath $.at"));
        }
        assertThat(state.writes).isEmpty();
    }
}
