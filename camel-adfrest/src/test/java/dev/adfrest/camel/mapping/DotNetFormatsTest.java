package dev.adfrest.camel.mapping;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** .NET format strings, as ADF takes them, read by their Java equivalents. */
class DotNetFormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyy-MM-dd HH:mm:ss.fff      | 2020-06-22 13:05:09.250     | 2020-06-22T13:05:09.250",
            "yyyy-MM-ddTHH:mm:ss          | 2020-06-22T13:05:09         | 2020-06-22T13:05:09",
            "s                            | 2020-06-22T13:05:09         | 2020-06-22T13:05:09",
            "yyyyMMdd                     | 20170122                    | 2017-01-22T00:00",
            "dd/MM/yyyy hh:mm tt          | 22/06/2020 01:05 PM         | 2020-06-22T13:05",
            "'Day' d 'of' MMM yy          | Day 2 of Jan 21             | 2021-01-02T00:00",
            "yyyy-MM-dd HH:mm:ss.FFF      | 2020-06-22 13:05:09         | 2020-06-22T13:05:09",
            "yyyy-MM-dd HH:mm:ss.FFF      | 2020-06-22 13:05:09.5       | 2020-06-22T13:05:09.500",
            "yyyy\\-MM\\-dd               | 2020-06-22                  | 2020-06-22T00:00" })
    void dateTimes(String format, String text, String expected) {
        DotNetFormats.Parsed p = DotNetFormats.parse(text, DotNetFormats.dateTime(format, Locale.ROOT));
        assertThat(p.dateTime()).isEqualTo(LocalDateTime.parse(expected));
        assertThat(p.offset()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyy-MM-dd HH:mm:ss.fff zzz  | 2020-06-22 13:05:09.250 +02:00 | 2020-06-22T13:05:09.250+02:00",
            "yyyy-MM-dd HH:mm:ss zz       | 2020-06-22 13:05:09 -05        | 2020-06-22T13:05:09-05:00",
            "yyyy-MM-ddTHH:mm:ssK         | 2020-06-22T13:05:09Z           | 2020-06-22T13:05:09Z",
            "o                            | 2020-06-22T13:05:09.1234567+01:00 | 2020-06-22T13:05:09.1234567+01:00" })
    void dateTimeOffsets(String format, String text, String expected) {
        assertThat(DotNetFormats.parse(text, DotNetFormats.dateTime(format, Locale.ROOT)).withOffsetOr(ZoneOffset.UTC))
                .isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dd\\.hh\\:mm       | 03.04:05       | PT76H5M",
            "hh':'mm':'ss       | 01:02:03       | PT1H2M3S",
            "%d                 | 5              | PT120H",
            "h\\:mm\\:ss\\.fff  | 1:02:03.250    | PT1H2M3.25S" })
    void timeSpansBothWays(String format, String text, String expected) {
        DotNetFormats.TimeSpanFormat f = DotNetFormats.TimeSpanFormat.of(format);
        Duration d = f.parse(text);
        assertThat(d).isEqualTo(Duration.parse(expected));
        assertThat(f.format(d)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.02:03:04.5 | P1DT2H3M4.5S",
            "00:01:40     | PT1M40S",
            "-00:00:05    | PT-5S",
            "3            | P3D" })
    void theCFormat(String text, String expected) {
        assertThat(DotNetFormats.parseTimeSpan(text)).isEqualTo(Duration.parse(expected));
        assertThat(DotNetFormats.parseTimeSpan(DotNetFormats.formatTimeSpan(Duration.parse(expected))))
                .isEqualTo(Duration.parse(expected));
    }
}
