package dev.adfrest.camel.pagination;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;

import dev.adfrest.camel.testsupport.SeededCases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.adfrest.camel.pagination.Fixtures.get;
import static dev.adfrest.camel.pagination.Fixtures.json;
import static dev.adfrest.camel.pagination.Fixtures.paginator;
import static dev.adfrest.camel.pagination.Fixtures.run;
import static dev.adfrest.camel.testsupport.SeededCases.anyLong;
import static dev.adfrest.camel.testsupport.SeededCases.between;
import static dev.adfrest.camel.testsupport.SeededCases.combinations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** RANGE arithmetic: exact request counts, inclusive ends, no off-by-one, no overflow. */
@ExtendWith(SeededCases.class)
class RangePropertiesTest {

    /** The longs at and next to the limits and zero, where arithmetic goes wrong first. */
    private static final List<Long> LONG_EDGES = List.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L,
            Long.MAX_VALUE - 1, Long.MAX_VALUE);
    private static final List<Long> NONZERO_STEPS = LONG_EDGES.stream().filter(s -> s != 0).toList();

    /** A closed range built from its first value, its step and how many values it must have. */
    record Case(long start, long step, int count, long slack) {
        /** The end: the last value plus less than one step of slack (never reaching the next value). */
        long end() {
            return start + (count - 1L) * step + (step > 0 ? slack : -slack);
        }

        static Case of(long start, long step, int count, long fraction) {
            return new Case(start, step, count, fraction % Math.abs(step));
        }
    }

    static Stream<Arguments> closedRanges() {
        List<Arguments> edges = new ArrayList<>();
        for (long start : List.of(-1_000_000_000L, 0L, 1_000_000_000L)) {
            for (long step : List.of(-100_000L, -1L, 1L, 100_000L)) {
                for (int count : List.of(1, 2, 300)) {
                    for (long fraction : List.of(0L, 99_999L)) {
                        edges.add(arguments(Case.of(start, step, count, fraction)));
                    }
                }
            }
        }
        return SeededCases.cases(edges, 1000, r -> arguments(Case.of(between(r, -1_000_000_000L, 1_000_000_000L),
                nonZero(r, -100_000L, 100_000L), (int) between(r, 1, 300), between(r, 0, 99_999))));
    }

    private static long nonZero(Random random, long min, long max) {
        long value;
        do {
            value = between(random, min, max);
        } while (value == 0);
        return value;
    }

    @ParameterizedTest
    @MethodSource("closedRanges")
    void aClosedRangeHasExactlyItsValuesEndInclusive(Case c) {
        Range range = Range.parse("RANGE:" + c.start() + ":" + c.end() + ":" + c.step());

        List<Long> values = new ArrayList<>();
        OptionalLong v = OptionalLong.of(range.start());
        while (v.isPresent() && values.size() <= c.count()) {
            values.add(v.getAsLong());
            v = range.after(v.getAsLong());
        }

        assertThat(values).hasSize(c.count());
        for (int i = 0; i < values.size(); i++) {
            assertThat(values.get(i)).isEqualTo(c.start() + i * c.step());
        }
        assertThat(range.size()).hasValue(BigInteger.valueOf(c.count()));
    }

    static Stream<Arguments> smallRanges() {
        List<Arguments> edges = combinations(List.of(-500L, 0L, 500L), List.of(1, 40), List.of(-7L, -1L, 1L, 7L));
        return SeededCases.cases(edges, 200,
                r -> arguments(between(r, -500, 500), (int) between(r, 1, 40), nonZero(r, -7, 7)));
    }

    @ParameterizedTest
    @MethodSource("smallRanges")
    void thePaginatorMakesOneRequestPerRangeValue(long start, int count, long step) {
        long end = start + (count - 1) * step;
        Paginator paginator = paginator(get("https://api.example.com/items?offset={offset}"),
                "QueryParameters.{offset}", "RANGE:" + start + ":" + end + ":" + step);

        Fixtures.Run run = run(paginator, r -> json("{\"result\": [1]}"), count + 5);

        assertThat(run.requests()).hasSize(count);
        assertThat(run.urls().get(count - 1)).endsWith("offset=" + end);
        assertThat(run.stop().reason()).isEqualTo(Step.StopReason.RANGE_EXHAUSTED);
    }

    static Stream<Arguments> valuesAndSteps() {
        return SeededCases.cases(combinations(LONG_EDGES, NONZERO_STEPS), 1000,
                r -> arguments(anyLong(r), nonZero(r, Long.MIN_VALUE, Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("valuesAndSteps")
    void neverOverflowsNearTheLimitsOfLong(long value, long step) {
        Range open = new Range(value, null, step);

        OptionalLong after = open.after(value);

        BigInteger exact = BigInteger.valueOf(value).add(BigInteger.valueOf(step));
        boolean fits = exact.bitLength() < 64;
        assertThat(after.isPresent()).isEqualTo(fits);
        after.ifPresent(a -> assertThat(BigInteger.valueOf(a)).isEqualTo(exact));
    }

    static Stream<Arguments> boundsAndSteps() {
        return SeededCases.cases(combinations(LONG_EDGES, LONG_EDGES, NONZERO_STEPS), 1000,
                r -> arguments(anyLong(r), anyLong(r), nonZero(r, Long.MIN_VALUE, Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("boundsAndSteps")
    void sizeIsExactAcrossTheWholeLongRange(long a, long b, long step) {
        long start = step > 0 ? Math.min(a, b) : Math.max(a, b);
        long end = step > 0 ? Math.max(a, b) : Math.min(a, b);

        BigInteger size = new Range(start, end, step).size().orElseThrow();

        BigInteger span = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
        BigInteger lastIndex = size.subtract(BigInteger.ONE);
        BigInteger last = BigInteger.valueOf(start).add(lastIndex.multiply(BigInteger.valueOf(step)));
        assertThat(size.signum()).isPositive();
        assertThat(last.subtract(BigInteger.valueOf(start)).abs()).isLessThanOrEqualTo(span.abs());
        assertThat(last.add(BigInteger.valueOf(step)).subtract(BigInteger.valueOf(start)).abs()).isGreaterThan(span.abs());
    }

    static Stream<Arguments> startsDistancesAndSteps() {
        List<Arguments> edges = combinations(List.of(-1000L, 0L, 1000L), List.of(1L, 1000L), List.of(1L, 50L));
        return SeededCases.cases(edges, 1000,
                r -> arguments(between(r, -1000, 1000), between(r, 1, 1000), between(r, 1, 50)));
    }

    @ParameterizedTest
    @MethodSource("startsDistancesAndSteps")
    void aStepAwayFromTheEndOrZeroIsRefused(long start, long distance, long step) {
        assertThatThrownBy(() -> Range.parse("RANGE:" + start + ":" + (start + distance) + ":" + (-step)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never goes from");
        assertThatThrownBy(() -> Range.parse("RANGE:" + start + ":" + (start + distance) + ":0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be 0");
    }

    static Stream<Arguments> excesses() {
        List<Arguments> edges = combinations(List.of(1L, 2L, Long.MAX_VALUE - 1, Long.MAX_VALUE));
        return SeededCases.cases(edges, 1000, r -> arguments(between(r, 1, Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("excesses")
    void numbersBeyondLongAreRefused(long extra) {
        String tooBig = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(extra)).toString();

        assertThatThrownBy(() -> Range.parse("RANGE:0:" + tooBig + ":1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a whole number");
    }
}
