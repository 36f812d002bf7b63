package dev.adfrest.camel.pagination;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static dev.adfrest.camel.pagination.Fixtures.get;
import static dev.adfrest.camel.pagination.Fixtures.json;
import static dev.adfrest.camel.pagination.Fixtures.paginator;
import static dev.adfrest.camel.pagination.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RANGE arithmetic: exact request counts, inclusive ends, no off-by-one, no overflow. */
class RangePropertiesTest {

    /** A closed range built from its first value, its step and how many values it must have. */
    record Case(long start, long step, int count, long slack) {
        /** The end: the last value plus less than one step of slack (never reaching the next value). */
        long end() {
            return start + (count - 1L) * step + (step > 0 ? slack : -slack);
        }
    }

    @Provide
    Arbitrary<Case> closedRanges() {
        Arbitrary<Long> starts = Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L);
        Arbitrary<Long> steps = Arbitraries.longs().between(-100_000L, 100_000L).filter(s -> s != 0);
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 300);
        Arbitrary<Long> fractions = Arbitraries.longs().between(0, 99_999);
        return Combinators.combine(starts, steps, counts, fractions)
                .as((start, step, count, slack) -> new Case(start, step, count, slack % Math.abs(step)));
    }

    @Property
    void aClosedRangeHasExactlyItsValuesEndInclusive(@ForAll("closedRanges") Case c) {
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

    @Property(tries = 200)
    void thePaginatorMakesOneRequestPerRangeValue(@ForAll @LongRange(min = -500, max = 500) long start,
                                                  @ForAll @IntRange(min = 1, max = 40) int count,
                                                  @ForAll @LongRange(min = -7, max = 7) long step) {
        Assume.that(step != 0);
        long end = start + (count - 1) * step;
        Paginator paginator = paginator(get("https://api.example.com/items?offset={offset}"),
                "QueryParameters.{offset}", "RANGE:" + start + ":" + end + ":" + step);

        Fixtures.Run run = run(paginator, r -> json("{\"result\": [1]}"), count + 5);

        assertThat(run.requests()).hasSize(count);
        assertThat(run.urls().get(count - 1)).endsWith("offset=" + end);
        assertThat(run.stop().reason()).isEqualTo(Step.StopReason.RANGE_EXHAUSTED);
    }

    @Property
    void neverOverflowsNearTheLimitsOfLong(@ForAll long value, @ForAll long step) {
        Assume.that(step != 0);
        Range open = new Range(value, null, step);

        OptionalLong after = open.after(value);

        BigInteger exact = BigInteger.valueOf(value).add(BigInteger.valueOf(step));
        boolean fits = exact.bitLength() < 64;
        assertThat(after.isPresent()).isEqualTo(fits);
        after.ifPresent(a -> assertThat(BigInteger.valueOf(a)).isEqualTo(exact));
    }

    @Property
    void sizeIsExactAcrossTheWholeLongRange(@ForAll long a, @ForAll long b, @ForAll long step) {
        Assume.that(step != 0);
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

    @Property
    void aStepAwayFromTheEndOrZeroIsRefused(@ForAll @LongRange(min = -1000, max = 1000) long start,
                                            @ForAll @LongRange(min = 1, max = 1000) long distance,
                                            @ForAll @LongRange(min = 1, max = 50) long step) {
        assertThatThrownBy(() -> Range.parse("RANGE:" + start + ":" + (start + distance) + ":" + (-step)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never goes from");
        assertThatThrownBy(() -> Range.parse("RANGE:" + start + ":" + (start + distance) + ":0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be 0");
    }

    @Property
    void numbersBeyondLongAreRefused(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long extra) {
        String tooBig = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(extra)).toString();

        assertThatThrownBy(() -> Range.parse("RANGE:0:" + tooBig + ":1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a whole number");
    }
}
