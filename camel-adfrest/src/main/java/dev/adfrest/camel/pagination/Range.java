package dev.adfrest.camel.pagination;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ADF's {@code RANGE:start:end:step}: start, start+step, … up to and including end. Without an end the range is
 * open: it goes on until an end condition, MaxRequestNumber or the limits of a 64-bit integer stop it.
 *
 * @param start the first value
 * @param end   the last value allowed (inclusive), or null for an open range
 * @param step  the difference between two values; never 0, negative to count down
 */
public record Range(long start, Long end, long step) {

    static final String PREFIX = "RANGE:";

    public Range {
        if (step == 0) {
            throw new IllegalArgumentException("the step must not be 0");
        }
        if (end != null && (step > 0 ? start > end : start < end)) {
            throw new IllegalArgumentException("a step of " + step + " never goes from " + start + " to " + end);
        }
    }

    /** Whether a rule value is a RANGE (any letter case, as ADF users type it). */
    static boolean isRange(String value) {
        return value.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Parses {@code RANGE:start:end:step} (the end may be empty).
     *
     * @throws IllegalArgumentException saying what is wrong (the caller quotes the rule)
     */
    static Range parse(String value) {
        String[] parts = value.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("RANGE takes three parts, RANGE:start:end:step (the end may be empty)");
        }
        long start = number("start", parts[0]);
        Long end = parts[1].isBlank() ? null : number("end", parts[1]);
        long step = number("step", parts[2]);
        return new Range(start, end, step);
    }

    private static long number(String what, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the RANGE " + what + " '" + text + "' is not a whole number between "
                                               + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
    }

    /** The value after {@code value}, or empty when the range ends there (its end, or the end of 64-bit integers). */
    public OptionalLong after(long value) {
        long next;
        try {
            next = Math.addExact(value, step);
        } catch (ArithmeticException overflow) {
            return OptionalLong.empty();
        }
        if (end != null && (step > 0 ? next > end : next < end)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(next);
    }

    /**
     * The value {@code times} steps after {@code value}, or empty when the range ends before it (its end, or the end of
     * 64-bit integers). {@code after(v, 1)} is {@link #after(long) after(v)}.
     */
    public OptionalLong after(long value, int times) {
        if (times == 1) {
            return after(value);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be 1 or more, not " + times);
        }
        BigInteger next = BigInteger.valueOf(value).add(BigInteger.valueOf(step).multiply(BigInteger.valueOf(times)));
        if (next.bitLength() > 63) {
            return OptionalLong.empty();
        }
        long n = next.longValue();
        if (end != null && (step > 0 ? n > end : n < end)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(n);
    }

    /** How many values the range has ({@code RANGE:0:10000:1000} has 11); empty for an open range. */
    public Optional<BigInteger> size() {
        if (end == null) {
            return Optional.empty();
        }
        BigInteger span = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
        return Optional.of(span.divide(BigInteger.valueOf(step)).add(BigInteger.ONE));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RANGE:%d:%s:%d", start, end == null ? "" : end.toString(), step);
    }
}
