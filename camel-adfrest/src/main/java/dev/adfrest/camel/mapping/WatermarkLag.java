package dev.adfrest.camel.mapping;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

import dev.adfrest.camel.support.Durations;

/**
 * {@code watermarkLag}: how far a run moves the saved watermark back before asking for what is newer, so that records
 * written late (with a value below one already copied) are still read. A number for number watermarks, a duration
 * for date-times (whole days for dates); string watermarks take none. Pure and immutable.
 */
public sealed interface WatermarkLag permits WatermarkLag.None, WatermarkLag.Amount, WatermarkLag.Time {

    /** No lag: the saved value is used as it is. */
    WatermarkLag NONE = new None();

    /** A plain number: a number lag (never milliseconds, whatever other duration options accept). */
    Pattern AMOUNT = Pattern.compile("\\d{1,100}(?:\\.\\d{1,100})?");

    /**
     * Reads the option.
     *
     * @param  text                     a number ({@code 100}, {@code 0.5}) or a duration (ADF TimeSpan
     *                                  {@code 00:05:00}, Camel {@code 5m}, ISO-8601 {@code PT5M}, {@code P1D}); null or
     *                                  blank for none
     * @throws IllegalArgumentException naming the option when it is neither, or negative
     */
    static WatermarkLag parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.trim();
        if (AMOUNT.matcher(t).matches()) {
            BigDecimal amount = new BigDecimal(t);
            return amount.signum() == 0 ? NONE : new Amount(amount);
        }
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("Option 'watermarkLag' must not be negative, but is '" + t + "'");
        }
        Duration duration;
        try {
            duration = Durations.parse("watermarkLag", t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option 'watermarkLag' is neither a number (for number watermarks:"
                                               + " 100) nor a duration (for date-times: 00:05:00, 5m or PT5M): '" + t
                                               + "'", e);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Option 'watermarkLag' must not be negative, but is '" + t + "'");
        }
        return duration.isZero() ? NONE : new Time(duration, t);
    }

    /**
     * Why this lag cannot move {@code value}, as the end of a sentence naming the option; null when it can.
     */
    String misfit(WatermarkValue value);

    /**
     * The value moved back by this lag, written as the value was.
     *
     * @throws IllegalArgumentException naming watermarkLag when it does not fit the value ({@link #misfit}) or moves it
     *                                  out of range
     */
    WatermarkValue applyTo(WatermarkValue value);

    /** No lag. */
    record None() implements WatermarkLag {
        @Override
        public String misfit(WatermarkValue value) {
            return null;
        }

        @Override
        public WatermarkValue applyTo(WatermarkValue value) {
            return value;
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /**
     * A number lag, for number watermarks.
     *
     * @param amount what is taken off, more than zero
     */
    record Amount(BigDecimal amount) implements WatermarkLag {
        @Override
        public String misfit(WatermarkValue value) {
            if (value instanceof WatermarkValue.Number) {
                return null;
            }
            return "Option 'watermarkLag' is " + amount.toPlainString() + ", a number, but the watermark " + value.text()
                   + " is " + value.kind().described() + (value.kind() == WatermarkValue.Kind.STRING
                           ? ", which cannot be moved back: remove watermarkLag"
                           : ": give a duration (00:05:00, 5m or PT5M" + (value.kind() == WatermarkValue.Kind.DATE
                                   ? "; whole days for a date: P1D or 1d)" : ")"));
        }

        @Override
        public WatermarkValue applyTo(WatermarkValue value) {
            check(this, value);
            return ((WatermarkValue.Number) value).minus(amount);
        }

        @Override
        public String toString() {
            return amount.toPlainString();
        }
    }

    /**
     * A duration lag, for date-time watermarks, and for dates when it is whole days.
     *
     * @param duration what is taken off, more than zero
     * @param text     as written, for messages
     */
    record Time(Duration duration, String text) implements WatermarkLag {
        @Override
        public String misfit(WatermarkValue value) {
            return switch (value.kind()) {
                case DATE_TIME -> null;
                case DATE -> duration.toSeconds() % 86_400 == 0 && duration.toNanosPart() == 0 ? null
                        : "Option 'watermarkLag' is " + text + ", but the watermark " + value.text() + " is a date: give"
                          + " whole days (P1D, 1d or 1.00:00:00)";
                case NUMBER -> "Option 'watermarkLag' is " + text + ", a duration, but the watermark " + value.text()
                               + " is a number: give a number (e.g. 100)";
                case STRING -> "Option 'watermarkLag' is " + text + ", but the watermark " + value.text()
                               + " is a string, which cannot be moved back: remove watermarkLag";
            };
        }

        @Override
        public WatermarkValue applyTo(WatermarkValue value) {
            check(this, value);
            try {
                if (value instanceof WatermarkValue.Date date) {
                    return date.minusDays(duration.toDays());
                }
                WatermarkValue.DateTime dateTime = (WatermarkValue.DateTime) value;
                return dateTime.at(dateTime.instant().minus(duration));
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("Option 'watermarkLag' " + text + " is too long: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static void check(WatermarkLag lag, WatermarkValue value) {
        String misfit = lag.misfit(value);
        if (misfit != null) {
            throw new IllegalArgumentException(misfit);
        }
    }
}
