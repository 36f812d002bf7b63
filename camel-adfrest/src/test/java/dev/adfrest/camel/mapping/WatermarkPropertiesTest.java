package dev.adfrest.camel.mapping;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.testsupport.SeededCases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of watermark values over seeded random cases: numbers order as numbers and date-times as instants
 * whatever their written form; a lag moves a date-time by exactly its duration and writes it in the same form; the
 * highest value of a page does not depend on the order of its records.
 */
@ExtendWith(SeededCases.class)
class WatermarkPropertiesTest {

    private static final int CASES = 300;

    // --- numbers -------------------------------------------------------------------------------------------------

    static Stream<Arguments> numbers() {
        return SeededCases.cases(List.of(
                Arguments.of(new BigDecimal("9"), new BigDecimal("10")),
                Arguments.of(new BigDecimal("-0.5"), new BigDecimal("-0.25")),
                Arguments.of(new BigDecimal("1E+3"), new BigDecimal("999.999")),
                Arguments.of(new BigDecimal("0"), new BigDecimal("-0"))), CASES,
                r -> Arguments.of(number(r), number(r)));
    }

    private static BigDecimal number(Random r) {
        return BigDecimal.valueOf(SeededCases.between(r, -1_000_000_000_000L, 1_000_000_000_000L), r.nextInt(-3, 7));
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void numbersOrderAsNumbers(BigDecimal a, BigDecimal b) {
        for (String textA : List.of(a.toString(), a.toPlainString())) {
            for (String textB : List.of(b.toString(), b.toPlainString())) {
                WatermarkValue va = WatermarkValue.parse(textA);
                WatermarkValue vb = WatermarkValue.parse(textB);
                assertThat(va.kind()).isEqualTo(WatermarkValue.Kind.NUMBER);
                assertThat(Integer.signum(va.compareTo(vb))).as(textA + " vs " + textB)
                        .isEqualTo(Integer.signum(a.compareTo(b)));
            }
        }
    }

    // --- date-times ----------------------------------------------------------------------------------------------

    /**
     * A date-time written in one of the forms APIs use.
     *
     * @param instant the instant it names
     * @param text    how it is written
     * @param suffix  its offset as written ("" when none)
     */
    record Written(Instant instant, String text, String suffix) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static Written dateTime(Random r) {
        long seconds = SeededCases.between(r, 0, 4_102_444_800L); // 1970 to 2100
        int digits = r.nextInt(10);
        int nanos = digits == 0 ? 0 : (int) (r.nextInt(1_000_000_000) / Math.pow(10, 9 - digits)) * (int) Math.pow(10, 9 - digits);
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        String form = SeededCases.oneOf(r, List.of("", "Z", "z", "+HH:MM", "+HHMM", "+HH"));
        ZoneOffset offset = switch (form) {
            case "", "Z", "z" -> ZoneOffset.UTC;
            case "+HH" -> ZoneOffset.ofHours(r.nextInt(-12, 15));
            default -> ZoneOffset.ofTotalSeconds(r.nextInt(-12 * 4, 14 * 4 + 1) * 900);
        };
        LocalDateTime local = LocalDateTime.ofInstant(instant, offset);
        char separator = SeededCases.oneOf(r, List.of('T', 'T', 't', ' '));
        String fraction = digits == 0 ? "" : "." + String.format(Locale.ROOT, "%09d", nanos).substring(0, digits);
        String suffix = switch (form) {
            case "", "Z", "z" -> form;
            default -> {
                int total = offset.getTotalSeconds();
                String sign = total < 0 ? "-" : "+";
                String hh = String.format(Locale.ROOT, "%02d", Math.abs(total) / 3600);
                String mm = String.format(Locale.ROOT, "%02d", Math.abs(total) / 60 % 60);
                yield sign + hh + (form.equals("+HH") ? "" : form.equals("+HHMM") ? mm : ":" + mm);
            }
        };
        String text = String.format(Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d:%02d", local.getYear(), local.getMonthValue(),
                local.getDayOfMonth(), separator, local.getHour(), local.getMinute(), local.getSecond()) + fraction + suffix;
        return new Written(instant, text, suffix);
    }

    static Stream<Arguments> dateTimes() {
        return SeededCases.cases(List.of(), CASES, r -> Arguments.of(dateTime(r), dateTime(r),
                Duration.ofMillis(SeededCases.between(r, 1, 10L * 24 * 3600 * 1000)).plusNanos(r.nextInt(1000))));
    }

    @ParameterizedTest
    @MethodSource("dateTimes")
    void dateTimesOrderAsInstantsAndALagMovesThemExactly(Written a, Written b, Duration lag) {
        WatermarkValue va = WatermarkValue.parse(a.text());
        WatermarkValue vb = WatermarkValue.parse(b.text());
        assertThat(va).isInstanceOf(WatermarkValue.DateTime.class);
        assertThat(((WatermarkValue.DateTime) va).instant()).isEqualTo(a.instant());
        assertThat(Integer.signum(va.compareTo(vb))).isEqualTo(Integer.signum(a.instant().compareTo(b.instant())));

        WatermarkValue moved = new WatermarkLag.Time(lag, lag.toString()).applyTo(va);
        WatermarkValue reread = WatermarkValue.parse(moved.text());
        assertThat(((WatermarkValue.DateTime) reread).instant()).as(moved.text()).isEqualTo(a.instant().minus(lag));
        assertThat(moved.text()).endsWith(a.suffix()); // the same offset, written the same way
        assertThat(moved.text().charAt(10)).isEqualTo(a.text().charAt(10));
        assertThat(reread.compareTo(va)).isNegative();
    }

    // --- a page's highest value ------------------------------------------------------------------------------------

    static Stream<Arguments> pages() {
        return SeededCases.cases(List.of(Arguments.of(List.of()), Arguments.of(List.of("{}"))), CASES, r -> {
            List<String> records = new ArrayList<>();
            for (int i = r.nextInt(0, 30); i > 0; i--) {
                records.add(switch (r.nextInt(5)) {
                    case 0 -> "{\"id\":" + i + "}";                    // no field
                    case 1 -> "{\"id\":" + i + ",\"seq\":null}";       // null
                    case 2 -> "{\"id\":" + i + ",\"seq\":\"" + number(r).toPlainString() + "\"}"; // a number as text
                    default -> "{\"id\":" + i + ",\"seq\":" + number(r).toPlainString() + "}";
                });
            }
            return Arguments.of(records);
        });
    }

    @ParameterizedTest
    @MethodSource("pages")
    void theHighestValueIsTheMaximumWhateverTheOrder(List<String> records) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        BigDecimal max = null;
        int without = 0;
        for (String record : records) {
            ObjectNode node = (ObjectNode) Json.MAPPER.readTree(record);
            nodes.add(node);
            JsonNode seq = node.get("seq");
            if (seq == null || seq.isNull()) {
                without++;
            } else {
                BigDecimal value = new BigDecimal(seq.asText());
                max = max == null || value.compareTo(max) > 0 ? value : max;
            }
        }
        WatermarkReader reader = WatermarkReader.compile("$.seq");
        WatermarkReader.Reading reading = reader.read(nodes, null);
        List<JsonNode> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, new Random(records.size()));
        WatermarkReader.Reading again = reader.read(shuffled, null);

        assertThat(reading.records()).isEqualTo(records.size());
        assertThat(reading.without()).isEqualTo(without);
        assertThat(reading.values()).isEqualTo(records.size() - without);
        if (max == null) {
            assertThat(reading.highest()).isNull();
        } else {
            assertThat(((WatermarkValue.Number) reading.highest()).value()).isEqualByComparingTo(max);
            assertThat(again.highest().compareTo(reading.highest())).isZero();
            // a page read on from a higher value keeps it
            WatermarkValue above = WatermarkValue.parse(max.add(BigDecimal.ONE).toPlainString());
            assertThat(reader.read(nodes, above).highest()).isSameAs(above);
        }
    }
}
