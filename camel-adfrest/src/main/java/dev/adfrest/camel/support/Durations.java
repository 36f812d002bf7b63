package dev.adfrest.camel.support;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations users bring from ADF and from Camel: an ADF TimeSpan ({@code 00:01:40},
 * {@code 1.02:03:04.5}), a Camel duration ({@code 100s}, {@code 1m40s}, {@code PT1M40S}) or plain milliseconds.
 */
public final class Durations {

    /** .NET TimeSpan "c" format: [-][d.]hh:mm:ss[.fffffff]. */
    private static final Pattern TIME_SPAN
            = Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,7}))?");

    private static final Pattern MILLIS = Pattern.compile("-?\\d{1,18}");
    /** Camel's duration text: 1d2h3m4s5ms, each part optional, in this order (Camel's TimeUtils accepts garbage). */
    private static final Pattern CAMEL = Pattern.compile(
            "(?i)(?:(\\d{1,9})d)?\\s*(?:(\\d{1,9})h)?\\s*(?:(\\d{1,9})m(?!s))?\\s*(?:(\\d{1,9})s)?\\s*(?:(\\d{1,12})ms)?");

    private Durations() {
    }

    /**
     * Parses a duration option.
     *
     * @param  option                   the option's name, for the error message
     * @throws IllegalArgumentException naming the option when the value is not a duration
     */
    public static Duration parse(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Option '" + option + "' must be a duration, but is empty");
        }
        String text = value.trim();
        Matcher m = TIME_SPAN.matcher(text);
        if (m.matches()) {
            return timeSpan(option, text, m);
        }
        if (MILLIS.matcher(text).matches()) {
            return Duration.ofMillis(Long.parseLong(text));
        }
        if (text.regionMatches(true, 0, "P", 0, 1)) {
            try {
                return Duration.parse(text);
            } catch (RuntimeException e) {
                throw malformed(option, text);
            }
        }
        Matcher units = CAMEL.matcher(text);
        if (!units.matches() || text.isEmpty()) {
            throw malformed(option, text);
        }
        Duration d = Duration.ZERO;
        long[] scale = { 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L };
        for (int i = 0; i < scale.length; i++) {
            if (units.group(i + 1) != null) {
                d = d.plusMillis(Long.parseLong(units.group(i + 1)) * scale[i]);
            }
        }
        return d;
    }

    private static IllegalArgumentException malformed(String option, String text) {
        return new IllegalArgumentException("Option '" + option + "' is not a duration: '" + text
                                            + "'. Use an ADF TimeSpan (00:01:40), a Camel duration (100s, 1m40s)"
                                            + " or milliseconds (100000)");
    }

    /** Parses a duration that must not be negative. */
    public static Duration parseNonNegative(String option, String value) {
        Duration d = parse(option, value);
        if (d.isNegative()) {
            throw new IllegalArgumentException("Option '" + option + "' must not be negative, but is '" + value.trim() + "'");
        }
        return d;
    }

    private static Duration timeSpan(String option, String text, Matcher m) {
        long hours = Long.parseLong(m.group(3));
        long minutes = Long.parseLong(m.group(4));
        long seconds = Long.parseLong(m.group(5));
        if (hours > 23 || minutes > 59 || seconds > 59) {
            throw new IllegalArgumentException("Option '" + option + "' is not a valid TimeSpan: '" + text
                                               + "' (hours 0-23, minutes and seconds 0-59)");
        }
        Duration d = Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds);
        if (m.group(2) != null) {
            d = d.plusDays(Long.parseLong(m.group(2)));
        }
        if (m.group(6) != null) {
            String ticks = (m.group(6) + "0000000").substring(0, 7); // 100 ns units
            d = d.plusNanos(Long.parseLong(ticks) * 100);
        }
        return m.group(1) != null ? d.negated() : d;
    }
}
