package dev.adfrest.camel.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.adfrest.camel.mapping.Mapped.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sink.type: ADF's interim data types as Java types, and typeConversionSettings as ADF's article documents them. */
class TypeConversionTest {

    /** The value of field v converted to {@code type}, under the given translator properties. */
    private static Object convert(String type, String jsonValue, String translatorProperties) {
        String translator = "{\"type\":\"TabularTranslator\",\"mappings\":[{\"source\":{\"path\":\"$.v\"},"
                            + "\"sink\":{\"name\":\"v\",\"type\":\"" + type + "\"}}]"
                            + (translatorProperties.isEmpty() ? "" : "," + translatorProperties) + "}";
        return rows(translator, "{\"v\":" + jsonValue + "}").get(0).get("v");
    }

    private static Object convert(String type, String jsonValue) {
        return convert(type, jsonValue, "");
    }

    private static String settings(String settings) {
        return "\"typeConversion\":true,\"typeConversionSettings\":{" + settings + "}";
    }

    @Test
    void interimTypesBecomeNaturalJavaTypes() {
        assertThat(convert("Boolean", "true")).isEqualTo(Boolean.TRUE);
        assertThat(convert("Boolean", "\"False\"")).isEqualTo(Boolean.FALSE);
        assertThat(convert("SByte", "-5")).isEqualTo((byte) -5);
        assertThat(convert("Byte", "255")).isEqualTo((short) 255);
        assertThat(convert("Int16", "\"-300\"")).isEqualTo((short) -300);
        assertThat(convert("UInt16", "65535")).isEqualTo(65535);
        assertThat(convert("Int32", "\"42\"")).isEqualTo(42);
        assertThat(convert("UInt32", "4294967295")).isEqualTo(4294967295L);
        assertThat(convert("Int64", "9007199254740993")).isEqualTo(9007199254740993L);
        assertThat(convert("UInt64", "18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(convert("Decimal", "\"12.50\"")).isEqualTo(new BigDecimal("12.50"));
        assertThat(convert("Double", "1.5")).isEqualTo(1.5d);
        assertThat(convert("Single", "\"2.25\"")).isEqualTo(2.25f);
        assertThat(convert("String", "23")).isEqualTo("23");
        assertThat(convert("String", "23.0")).isEqualTo("23");
        assertThat(convert("String", "0.1")).isEqualTo("0.1");
        assertThat(convert("String", "false")).isEqualTo("false");
        assertThat(convert("String", "{\"a\":[1]}")).isEqualTo("{\"a\":[1]}");
        assertThat(convert("Guid", "\"{3F2504E0-4F89-11D3-9A0C-0305E82C3301}\""))
                .isEqualTo(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        assertThat(convert("GUID", "\"3f2504e04f8911d39a0c0305e82c3301\""))
                .isEqualTo(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        assertThat(convert("Timespan", "\"1.02:03:04.5\"")).isEqualTo(Duration.parse("P1DT2H3M4.5S"));
        assertThat(convert("TimeSpan", "\"00:01:40\"")).isEqualTo(Duration.ofSeconds(100));
        assertThat(convert("Byte[]", "\"" + Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3 }) + "\""))
                .isEqualTo(new byte[] { 1, 2, 3 });
        assertThat(convert("Byte array", "\"AQID\"")).isEqualTo(new byte[] { 1, 2, 3 });
        assertThat(convert("Int32", "null")).isNull();
    }

    @Test
    void datesFromIsoStrings() {
        assertThat(convert("Datetime", "\"2017-12-12T14:12:20\"")).isEqualTo(LocalDateTime.of(2017, 12, 12, 14, 12, 20));
        assertThat(convert("DateTime", "\"2017-12-12 14:12:20.125\""))
                .isEqualTo(LocalDateTime.of(2017, 12, 12, 14, 12, 20, 125_000_000));
        assertThat(convert("DateTime", "\"2017-12-12\"")).isEqualTo(LocalDateTime.of(2017, 12, 12, 0, 0));
        // Facebook's created_time: the offset is dropped (allowDataTruncation defaults to true), the clock time stays
        assertThat(convert("DateTime", "\"2017-12-12T14:12:20+0000\"")).isEqualTo(LocalDateTime.of(2017, 12, 12, 14, 12, 20));
        assertThat(convert("DateTimeOffset", "\"2017-12-12T14:12:20+0100\""))
                .isEqualTo(OffsetDateTime.of(2017, 12, 12, 14, 12, 20, 0, ZoneOffset.ofHours(1)));
        assertThat(convert("DateTimeOffset", "\"2017-12-12T14:12:20Z\""))
                .isEqualTo(OffsetDateTime.of(2017, 12, 12, 14, 12, 20, 0, ZoneOffset.UTC));
        // no offset in the text: UTC, where ADF runs
        assertThat(convert("DatetimeOffset", "\"2017-12-12T14:12:20\""))
                .isEqualTo(OffsetDateTime.of(2017, 12, 12, 14, 12, 20, 0, ZoneOffset.UTC));
    }

    @Test
    void dateTimeFormatAndDateTimeOffsetFormatAsInTheArticlesExample() {
        String s = settings("\"allowDataTruncation\":true,\"treatBooleanAsNumber\":true,"
                            + "\"dateTimeFormat\":\"yyyy-MM-dd HH:mm:ss.fff\","
                            + "\"dateTimeOffsetFormat\":\"yyyy-MM-dd HH:mm:ss.fff zzz\","
                            + "\"timeSpanFormat\":\"dd\\\\.hh\\\\:mm\",\"culture\":\"en-gb\"");
        assertThat(convert("DateTime", "\"2020-06-22 13:05:09.250\"", s))
                .isEqualTo(LocalDateTime.of(2020, 6, 22, 13, 5, 9, 250_000_000));
        assertThat(convert("DateTimeOffset", "\"2020-06-22 13:05:09.250 +02:00\"", s))
                .isEqualTo(OffsetDateTime.of(2020, 6, 22, 13, 5, 9, 250_000_000, ZoneOffset.ofHours(2)));
        assertThat(convert("TimeSpan", "\"03.04:05\"", s)).isEqualTo(Duration.ofDays(3).plusHours(4).plusMinutes(5));
        assertThat(convert("Int32", "true", s)).isEqualTo(1);
    }

    @Test
    void datesBecomeStringsInTheConfiguredFormat() {
        String translator = """
                {"type":"TabularTranslator","typeConversion":true,
                 "typeConversionSettings":{"dateTimeFormat":"dd/MM/yyyy HH:mm","timeSpanFormat":"hh\\\\:mm"},
                 "mappings":[
                  {"source":{"path":"$.when","type":"DateTime"},"sink":{"name":"when","type":"String"}},
                  {"source":{"path":"$.took","type":"TimeSpan"},"sink":{"name":"took","type":"String"}}]}""";
        assertThat(rows(translator, "{\"when\":\"2020-06-22T13:05:00\",\"took\":\"01:30:00\"}").get(0))
                .containsEntry("when", "22/06/2020 13:05").containsEntry("took", "01:30");
    }

    @Test
    void aColumnsOwnFormatAndCultureWinOverTheSettings() {
        String translator = """
                {"type":"TabularTranslator","mappings":[
                  {"source":{"path":"$.d"},"sink":{"name":"d","type":"DateTime","format":"dd MMMM yyyy","culture":"fr-fr"}},
                  {"source":{"path":"$.p"},"sink":{"name":"p","type":"Decimal","culture":"de-de"}}]}""";
        assertThat(rows(translator, "{\"d\":\"22 juin 2020\",\"p\":\"1.234,5\"}").get(0))
                .containsEntry("d", LocalDateTime.of(2020, 6, 22, 0, 0))
                .containsEntry("p", new BigDecimal("1234.5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Int32 | 23.7    | 23",
            "Int32 | -23.7   | -23",
            "Int64 | \"5.99\" | 5" })
    void allowDataTruncationCutsFractionsTowardZeroByDefault(String type, String json, long expected) {
        assertThat(((Number) convert(type, json)).longValue()).isEqualTo(expected);
    }

    @Test
    void withoutAllowDataTruncationAFractionOrAnOffsetIsIncompatible() {
        String strict = settings("\"allowDataTruncation\":false");
        assertThatThrownBy(() -> convert("Int32", "23.7", strict))
                .isInstanceOf(MappingException.class)
                .hasMessage("row 1, column 'v' (source $.v): cannot convert 23.7 to Int32: has a fraction and"
                            + " allowDataTruncation is false");
        assertThat(convert("Int32", "23.0", strict)).isEqualTo(23);
        assertThatThrownBy(() -> convert("DateTime", "\"2017-12-12T14:12:20+0100\"", strict))
                .hasMessageContaining("has an offset that a DateTime cannot keep, and allowDataTruncation is false");
    }

    @Test
    void booleansAreNumbersOnlyWithTreatBooleanAsNumber() {
        assertThatThrownBy(() -> convert("Int32", "true"))
                .hasMessageContaining("cannot convert true to Int32: a Boolean is not a number unless"
                                      + " treatBooleanAsNumber is true");
        assertThatThrownBy(() -> convert("Boolean", "1")).hasMessageContaining("treatBooleanAsNumber");
        String numbers = settings("\"treatBooleanAsNumber\":true");
        assertThat(convert("Decimal", "false", numbers)).isEqualTo(BigDecimal.ZERO);
        assertThat(convert("Boolean", "2", numbers)).isEqualTo(true);
        assertThat(convert("Boolean", "\"0\"", numbers)).isEqualTo(false);
    }

    @Test
    void settingsWithoutTypeConversionAreNotApplied() {
        String ignored = "\"typeConversionSettings\":{\"allowDataTruncation\":false}";
        assertThat(convert("Int32", "23.7", ignored)).isEqualTo(23);
    }

    @Test
    void outOfRangeIsNeverTruncated() {
        assertThatThrownBy(() -> convert("Int16", "40000")).hasMessageContaining("cannot convert 40000 to Int16: out of"
                                                                                 + " range for Int16");
        assertThatThrownBy(() -> convert("Byte", "-1")).hasMessageContaining("out of range for Byte");
        assertThatThrownBy(() -> convert("Single", "1e300")).hasMessageContaining("out of range for Single");
    }

    @Test
    void conversionsAdfDoesNotMakeAreIncompatible() {
        assertThatThrownBy(() -> convert("DateTime", "20170122"))
                .hasMessageContaining("cannot convert 20170122 to DateTime: ADF does not convert Integer to DateTime");
        assertThatThrownBy(() -> convert("Int32", "{\"a\":1}"))
                .hasMessageContaining("ADF does not convert JSON object to Int32");
        assertThatThrownBy(() -> convert("Guid", "\"not-a-guid\"")).hasMessageContaining("not a GUID");
        assertThatThrownBy(() -> convert("Int32", "\"abc\"")).hasMessageContaining("cannot convert \"abc\" to Int32: not a number");
        assertThatThrownBy(() -> convert("DateTime", "\"yesterday\"")).hasMessageContaining("not an ISO-8601 date and time");
        assertThatThrownBy(() -> convert("TimeSpan", "\"25:00:00\"")).hasMessageContaining("not a TimeSpan");
        assertThatThrownBy(() -> convert("Byte[]", "\"%%%\"")).hasMessageContaining("not Base64");
    }

    @Test
    void theSourceTypeIsAppliedBeforeTheSinkType() {
        String translator = """
                {"type":"TabularTranslator","mappings":[
                  {"source":{"path":"$.v","type":"Int64"},"sink":{"name":"v","type":"String"}}]}""";
        assertThat(rows(translator, "{\"v\":\"0042\"}").get(0)).containsEntry("v", "42");
    }
}
