package dev.adfrest.camel.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.adfrest.camel.mapping.Mapped.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** watermarkPath read in each record: what a record is for each output, and what does not count. */
class WatermarkReaderTest {

    private static final String PAGE = "{\"data\":[{\"id\":1,\"at\":\"2024-05-01T10:00:00Z\"},"
                                       + "{\"id\":2,\"at\":\"2024-05-01T12:00:00Z\"},{\"id\":3}],"
                                       + "\"meta\":{\"at\":\"2030-01-01T00:00:00Z\"}}";

    private static WatermarkReader.Reading read(String path, PageOutput output, String page) {
        JsonNode tree = json(page);
        return WatermarkReader.compile(path).read(output.records(tree), null);
    }

    @Test
    void withCollectionReferenceTheRecordsAreItsElements() {
        WatermarkReader.Reading reading = read("$.at", PageOutput.of("$.data", null, false), PAGE);
        assertThat(reading.highest().text()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(reading.records()).isEqualTo(3);
        assertThat(reading.without()).isEqualTo(1);
        assertThat(reading.values()).isEqualTo(2);
    }

    @Test
    void withATranslatorTheRecordsAreTheElementsOfItsCollection() {
        PageOutput rows = PageOutput.of(null, json("{\"type\":\"TabularTranslator\",\"collectionReference\":\"$.data\","
                                                   + "\"mappings\":[{\"source\":{\"path\":\"['id']\"},\"sink\":{\"name\":"
                                                   + "\"id\"}}]}"), false);
        assertThat(read("at", rows, PAGE).highest().text()).as("a relative path").isEqualTo("2024-05-01T12:00:00Z");
        PageOutput documents = PageOutput.of(null, json("{\"type\":\"TabularTranslator\"}"), false);
        assertThat(read("$.id", documents, "[{\"id\":4},{\"id\":40}]").highest().text()).isEqualTo("40");
    }

    @Test
    void withoutEitherAnArrayPageIsItsElementsAndAnObjectPageIsOneRecord() {
        assertThat(read("$.id", PageOutput.AS_IS, "[{\"id\":4},{\"id\":40},{\"id\":9}]").highest().text()).isEqualTo("40");
        assertThat(read("$", PageOutput.AS_IS, "[4, 40, 9]").highest().text()).isEqualTo("40");

        WatermarkReader.Reading whole = read("$.data[*].at", PageOutput.AS_IS, PAGE);
        assertThat(whole.records()).isEqualTo(1);
        assertThat(whole.values()).isEqualTo(2);
        assertThat(whole.highest().text()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(read("$.at", PageOutput.AS_IS, PAGE).without()).as("the page itself has no $.at").isEqualTo(1);
    }

    @Test
    void valuesOfAnotherKindThanTheWatermarkDoNotCount() {
        JsonNode page = json("[{\"at\":\"2024-05-01T10:00:00Z\"},{\"at\":\"N/A\"},{\"at\":17},{\"at\":{\"x\":1}},"
                             + "{\"at\":\"2024-05-01T11:00:00Z\"},{\"at\":true}]");
        WatermarkValue start = WatermarkValue.parse("2024-01-01T00:00:00Z");
        WatermarkReader.Reading reading = WatermarkReader.compile("$.at").read(PageOutput.AS_IS.records(page), start);
        assertThat(reading.highest().text()).isEqualTo("2024-05-01T11:00:00Z");
        assertThat(reading.values()).isEqualTo(2);
        assertThat(reading.misfits()).isEqualTo(4);
        assertThat(reading.misfit()).isEqualTo("N/A (a string, but the watermark 2024-05-01T10:00:00Z is a date-time)");
    }

    @Test
    void theFirstValueDecidesTheKindWhenThereIsNoWatermarkYet() {
        JsonNode page = json("[{\"at\":5},{\"at\":\"2024-05-01\"},{\"at\":50}]");
        WatermarkReader.Reading reading = WatermarkReader.compile("$.at").read(PageOutput.AS_IS.records(page), null);
        assertThat(reading.highest().text()).isEqualTo("50");
        assertThat(reading.misfits()).isEqualTo(1);
    }

    @Test
    void aHostileValueIsDescribedShortAndWithoutControlCharacters() {
        JsonNode page = json("[{\"at\":\"" + "x".repeat(2000) + "\"},{\"at\":\"a\\r\\nSet-Cookie: x\"}]");
        WatermarkReader.Reading reading = WatermarkReader.compile("$.at").read(PageOutput.AS_IS.records(page), null);
        assertThat(reading.highest()).isNull();
        assertThat(reading.misfits()).isEqualTo(2);
        assertThat(reading.misfit()).hasSizeLessThan(150).doesNotContain("\r", "\n");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = { "$[        | Option 'watermarkPath': '$[' is not a valid JSONPath",
                                          "'  '      | Option 'watermarkPath': an empty JSONPath" })
    void aPathThatDoesNotCompileIsRefusedNamingTheOption(String path, String message) {
        assertThatThrownBy(() -> WatermarkReader.compile(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void emptyPagesHaveNoRecords() {
        assertThat(PageOutput.AS_IS.records(json("[]"))).isEmpty();
        assertThat(PageOutput.of("$.data", null, false).records(json("{\"data\":null}"))).isEmpty();
        assertThat(WatermarkReader.compile("$.at").read(List.of(), null).highest()).isNull();
    }
}
