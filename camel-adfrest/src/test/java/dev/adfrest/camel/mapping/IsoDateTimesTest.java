package dev.adfrest.camel.mapping;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ISO shortcut reads what APIs send exactly as the ISO formatter does, and leaves everything else to it.
 */
class IsoDateTimesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2024-03-15T10:20:30              | 2024-03-15T10:20:30           | -",
            "2024-03-15t10:20                 | 2024-03-15T10:20              | -",
            "2024-03-15 10:20:30.5            | 2024-03-15T10:20:30.500       | -",
            "2024-03-15T10:20:30.123456789Z   | 2024-03-15T10:20:30.123456789 | Z",
            "2024-03-15T10:20:30.1234567+01:00 | 2024-03-15T10:20:30.1234567  | +01:00",
            "2024-03-15T10:20:30-0530         | 2024-03-15T10:20:30           | -05:30",
            "2024-03-15T10:20:30+02           | 2024-03-15T10:20:30           | +02:00",
            "2024-03-15z                      | 2024-03-15T00:00              | Z",
            "2024-02-29                       | 2024-02-29T00:00              | -",
            "0000-01-01T00:00:00+18:00        | 0000-01-01T00:00              | +18:00" })
    void readsTheShapesApisSend(String text, String dateTime, String offset) {
        DotNetFormats.Parsed p = IsoDateTimes.parse(text);

        assertThat(p).isNotNull();
        assertThat(p.dateTime()).isEqualTo(LocalDateTime.parse(dateTime));
        assertThat(p.offset()).isEqualTo(offset == null ? null : ZoneOffset.of(offset));
        assertThat(p).isEqualTo(DotNetFormats.parseWith(DotNetFormats.ISO, text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2023-02-29", "2024-13-01", "2024-04-31T00:00", "2024-01-01T24:00", "2024-01-01T23:60",
                             "2024-01-01T23:59:60", "2024-01-01T10:20:30.", "2024-01-01T10:20:30.1234567891",
                             "2024-01-01T10:20+19:00", "2024-01-01T10:20+01:60", "2024-01-01T10:20+01:00:00",
                             "2024-01-0110:20", "2024-01-01T", "2024-01-01T10", "+12024-01-01", "2024-1-01",
                             "2024-01-01X", "2024-01-01T10:20Zjunk", "20240101" })
    void leavesTheRestToTheFormatter(String text) {
        assertThat(IsoDateTimes.parse(text)).isNull();
    }

    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> 0x15017L * 31 + i);
    }

    /** Random texts near the ISO shapes: whatever the shortcut reads, the formatter reads the same. */
    @ParameterizedTest
    @MethodSource("seeds")
    void neverDisagreesWithTheFormatter(long seed) {
        Random random = new Random(seed);
        int read = 0;
        for (int i = 0; i < 500; i++) {
            String text = text(random);
            DotNetFormats.Parsed fast = IsoDateTimes.parse(text);
            if (fast == null) {
                continue;
            }
            read++;
            Object reference;
            try {
                reference = DotNetFormats.parseWith(DotNetFormats.ISO, text);
            } catch (DateTimeException e) {
                reference = e.toString();
            }
            assertThat(fast).as("seed %d: '%s'", seed, text).isEqualTo(reference);
        }
        assertThat(read).as("seed %d: texts the shortcut read", seed).isPositive();
    }

    private static String text(Random r) {
        StringBuilder sb = new StringBuilder()
                .append(pick(r, "2024", "2023", "0000", "9999", "1900", "202", "+2024"))
                .append(pick(r, "-", "-", "-", "/"))
                .append(pick(r, "01", "02", "04", "12", "00", "13", "1"))
                .append(pick(r, "-", "-", "-", ""))
                .append(pick(r, "01", "28", "29", "30", "31", "00", "32", "9"));
        if (r.nextInt(5) > 0) {
            sb.append(pick(r, "T", "t", " ", "", "x", "T "))
                    .append(pick(r, "00", "10", "23", "24", "7"))
                    .append(pick(r, ":", ":", ":", "."))
                    .append(pick(r, "00", "59", "60", "5"));
            if (r.nextBoolean()) {
                sb.append(pick(r, ":", ":", ".")).append(pick(r, "00", "30", "59", "60", "1"));
                if (r.nextBoolean()) {
                    sb.append('.').append("1234567890".substring(0, r.nextInt(11)));
                }
            }
        }
        if (r.nextBoolean()) {
            sb.append(pick(r, "Z", "z", "+01:00", "-05:30", "+0530", "+02", "-00:00", "+18:00", "+18:01", "+19",
                    "+01:60", "+1", "+01:00:00", "UTC", "+01:0"));
        }
        if (r.nextInt(10) == 0) {
            sb.append(pick(r, " ", "x", "0"));
        }
        return sb.toString();
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
