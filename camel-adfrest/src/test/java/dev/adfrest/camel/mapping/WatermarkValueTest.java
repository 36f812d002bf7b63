package dev.adfrest.camel.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.support.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What kind a watermark value is, how two compare, and how a lag moves one. */
class WatermarkValueTest {

    private static WatermarkValue value(String text) {
        return WatermarkValue.parse(text);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "0                                  | NUMBER",
            "-12.5e3                            | NUMBER",
            "1714557600                         | NUMBER",
            "2024-05-01T10:00:00Z               | DATE_TIME",
            "2024-05-01T10:00:00.123456789+02:00 | DATE_TIME",
            "2024-05-01T10:00:00.000+0000       | DATE_TIME", // Salesforce
            "2024-05-01t10:00z                  | DATE_TIME",
            "2024-05-01 10:00:00                | DATE_TIME", // RFC 3339's space, no offset: UTC
            "2024-05-01T10:00:00-05             | DATE_TIME",
            "2024-05-01T10:00:00,5Z             | DATE_TIME",
            "2024-05-01                         | DATE",
            "2024-02-30                         | STRING",    // no such day
            "2024-05-01T25:00:00Z               | STRING",
            "2024-05-01T10:00:00+19:00          | STRING",    // no such offset
            "007                                | STRING",    // not JSON's number syntax
            "1.                                 | STRING",
            "abc                                | STRING",
            "1e999999999                        | STRING" })  // a number too big to compute with
    void kindOfText(String text, WatermarkValue.Kind kind) {
        assertThat(value(text).kind()).isEqualTo(kind);
        assertThat(value(text).text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', value = {
            "9                         | 10",
            "-1                        | 0.5",
            "1e2                       | 101",
            "2024-05-01T12:00:00+02:00 | 2024-05-01T10:00:01Z",   // 10:00Z before 10:00:01Z
            "2024-05-01T09:30:00-01:00 | 2024-05-01T10:30:00.001Z",
            "2024-05-01T10:00:00       | 2024-05-01T10:00:00.5Z", // no offset: read as UTC
            "2024-04-30                | 2024-05-01",
            "c10                       | c9",                     // strings: character by character
            "Z                         | a" })
    void comparesByKind(String lower, String higher) {
        WatermarkValue low = value(lower);
        WatermarkValue high = value(higher);
        assertThat(low.comparesWith(high)).isTrue();
        assertThat(low.compareTo(high)).isNegative();
        assertThat(high.compareTo(low)).isPositive();
        assertThat(low.max(high)).isSameAs(high);
        assertThat(high.max(low)).isSameAs(high);
    }

    @Test
    void theSameInstantWrittenTwoWaysIsEqualAndTheFirstIsKept() {
        WatermarkValue utc = value("2024-05-01T10:00:00Z");
        WatermarkValue paris = value("2024-05-01T12:00:00+02:00");
        assertThat(utc.compareTo(paris)).isZero();
        assertThat(utc.max(paris)).isSameAs(utc);
        assertThat(value("1.0").compareTo(value("1"))).isZero();
    }

    @Test
    void valuesOfAnotherKindDoNotCompareUnlessTheWatermarkIsAString() {
        assertThat(value("10").comparesWith(value("2024-05-01T10:00:00Z"))).isFalse();
        assertThat(value("2024-05-01T10:00:00Z").comparesWith(value("2024-05-01"))).isFalse();
        assertThat(value("2024-05-01").comparesWith(value("N/A"))).isFalse();
        WatermarkValue text = value("abc");
        assertThat(text.comparesWith(value("10"))).isTrue();
        WatermarkValue higher = value("#").max(value("9")); // "9" sorts after "#"
        assertThat(higher.text()).isEqualTo("9");
        assertThat(higher.kind()).as("a string watermark stays a string").isEqualTo(WatermarkValue.Kind.STRING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1714557600          | 1714557600 | NUMBER",
            "-3                  | -3         | NUMBER",
            "12345678901234567890123 | 12345678901234567890123 | NUMBER", // integers exact, beyond long
            "1.5                 | 1.5        | NUMBER",
            "1714557600.25       | 1714557600.25 | NUMBER",             // a decimal: as plain text, no exponent
            "1.0E10              | 10000000000 | NUMBER",
            "'\"2024-05-01\"'    | 2024-05-01 | DATE",
            "'\"42\"'            | 42         | NUMBER" })                // a number written as a string
    void recordValues(String json, String text, WatermarkValue.Kind kind) throws Exception {
        WatermarkValue v = WatermarkValue.of(Json.MAPPER.readTree(json));
        assertThat(v.text()).isEqualTo(text);
        assertThat(v.kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "null", "true", "{\"a\":1}", "[1]", "1e400", "\"a\\nb\"", "\"a\\u0000\"" })
    void notWatermarkValues(String json) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json);
        assertThat(WatermarkValue.of(node)).isNull();
    }

    @Test
    void tooLongAValueIsNone() {
        assertThat(WatermarkValue.parse("x".repeat(WatermarkValue.MAX_LENGTH))).isNotNull();
        assertThat(WatermarkValue.parse("x".repeat(WatermarkValue.MAX_LENGTH + 1))).isNull();
        assertThat(WatermarkValue.parse("9".repeat(500))).isInstanceOf(WatermarkValue.Text.class);
    }

    @ParameterizedTest(name = "{0} - {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "2024-05-01T10:00:00Z           | PT1H    | 2024-05-01T09:00:00Z",
            "2024-05-01T10:00:00+02:00      | 00:05:00 | 2024-05-01T09:55:00+02:00",    // the offset kept
            "2024-05-01T10:00:00.000+0000   | 5m      | 2024-05-01T09:55:00.000+0000",  // precision and form kept
            "2024-05-01T00:10:00z           | 15m     | 2024-04-30T23:55:00z",
            "2024-05-01 10:00               | 30s     | 2024-05-01 09:59:30",            // seconds when needed
            "2024-05-01T10:00:00            | 00:00:01.5 | 2024-05-01T09:59:58.5",
            "2024-05-01T10:00:00.1-05       | 100ms   | 2024-05-01T10:00:00.0-05",
            "2024-03-01                     | P1D     | 2024-02-29",
            "2024-03-01                     | 2d      | 2024-02-28",
            "1714557600                     | 60      | 1714557540",
            "10.5                           | 0.25    | 10.25",
            "5                              | 10      | -5" })
    void aLagMovesTheValueBackWrittenAsItWas(String value, String lag, String moved) {
        assertThat(WatermarkLag.parse(lag).applyTo(value(value)).text()).isEqualTo(moved);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
            "2024-05-01T10:00:00Z | 300   | Option 'watermarkLag' is 300, a number, but the watermark 2024-05-01T10:00:00Z is a date-time: give a duration",
            "2024-05-01           | 1     | Option 'watermarkLag' is 1, a number, but the watermark 2024-05-01 is a date: give a duration",
            "2024-05-01           | PT12H | Option 'watermarkLag' is PT12H, but the watermark 2024-05-01 is a date: give whole days",
            "1714557600           | 5m    | Option 'watermarkLag' is 5m, a duration, but the watermark 1714557600 is a number: give a number",
            "abc                  | 5m    | the watermark abc is a string, which cannot be moved back: remove watermarkLag",
            "abc                  | 5     | the watermark abc is a string, which cannot be moved back: remove watermarkLag",
            "0001-01-01T00:00:00Z | P800D | Option 'watermarkLag' P800D is too long" })
    void aLagThatDoesNotFitIsRefusedClearly(String value, String lag, String message) {
        assertThatThrownBy(() -> WatermarkLag.parse(lag).applyTo(value(value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "soon   | Option 'watermarkLag' is neither a number (for number watermarks: 100) nor a duration",
            "-5m    | Option 'watermarkLag' must not be negative, but is '-5m'",
            "-1     | Option 'watermarkLag' must not be negative",
            "PT-1H  | Option 'watermarkLag' must not be negative" })
    void aMalformedLagIsRefused(String lag, String message) {
        assertThatThrownBy(() -> WatermarkLag.parse(lag)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void noLagLeavesTheValue() {
        for (String none : List.of("", " ", "0", "0s", "00:00:00")) {
            assertThat(WatermarkLag.parse(none)).isSameAs(WatermarkLag.NONE);
        }
        assertThat(WatermarkLag.parse(null).applyTo(value("abc")).text()).isEqualTo("abc");
    }
}
