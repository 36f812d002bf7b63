package dev.adfrest.camel.mapping;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADF takes .NET format strings ({@code yyyy-MM-dd HH:mm:ss.fff zzz}, {@code dd\.hh\:mm}); these are their Java
 * equivalents, and the .NET defaults used when no format is given.
 */
final class DotNetFormats {

    /** ISO-8601 as JSON APIs write it: date, optional time (T or space), optional fraction and offset (Z, +01:00, +0100). */
    static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** .NET TimeSpan "c" format: [-][d.]hh:mm[:ss[.fffffff]], or whole days. */
    private static final Pattern TIME_SPAN
            = Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?");
    private static final Pattern DAYS = Pattern.compile("(-)?(\\d+)");

    private DotNetFormats() {
    }

    /**
     * A .NET custom date and time format as a Java formatter, or the standard formats "o", "s" and "u".
     *
     * @throws IllegalArgumentException for a standard format that has no fixed pattern
     */
    static DateTimeFormatter dateTime(String format, Locale locale) {
        if (format.length() == 1) {
            return switch (format) {
                case "o", "O" -> ISO;
                case "s" -> dateTime("yyyy-MM-ddTHH:mm:ss", locale);
                case "u" -> dateTime("yyyy-MM-dd HH:mm:ss'Z'", locale);
                default -> throw new IllegalArgumentException("the .NET standard format '" + format
                                                              + "' depends on a culture; write a custom format such"
                                                              + " as yyyy-MM-dd HH:mm:ss");
            };
        }
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int n = run(format, i);
            switch (c) {
                case 'y' -> {
                    if (n == 2) {
                        b.appendValueReduced(ChronoField.YEAR, 2, 2, 1930);
                    } else {
                        b.appendValue(ChronoField.YEAR, n, 10, SignStyle.NORMAL);
                    }
                }
                case 'M' -> number(b, ChronoField.MONTH_OF_YEAR, n, true);
                case 'd' -> {
                    if (n <= 2) {
                        number(b, ChronoField.DAY_OF_MONTH, n, false);
                    } else {
                        b.appendText(ChronoField.DAY_OF_WEEK, n == 3 ? TextStyle.SHORT : TextStyle.FULL);
                    }
                }
                case 'h' -> number(b, ChronoField.CLOCK_HOUR_OF_AMPM, Math.min(n, 2), false);
                case 'H' -> number(b, ChronoField.HOUR_OF_DAY, Math.min(n, 2), false);
                case 'm' -> number(b, ChronoField.MINUTE_OF_HOUR, Math.min(n, 2), false);
                case 's' -> number(b, ChronoField.SECOND_OF_MINUTE, Math.min(n, 2), false);
                case 'f' -> b.appendFraction(ChronoField.NANO_OF_SECOND, Math.min(n, 7), Math.min(n, 7), false);
                case 'F' -> b.appendFraction(ChronoField.NANO_OF_SECOND, 0, Math.min(n, 7), false);
                case 't' -> b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
                case 'g' -> b.appendText(ChronoField.ERA, TextStyle.SHORT);
                case 'z' -> b.appendOffset(n == 1 ? "+H" : n == 2 ? "+HH" : "+HH:MM", n == 1 ? "+0" : n == 2 ? "+00" : "+00:00");
                case 'K' -> b.appendOffset("+HH:MM", "Z");
                case '.' -> {
                    if (i + 1 < format.length() && format.charAt(i + 1) == 'F') {
                        // ".FFF": .NET leaves out the point with a zero fraction
                        int f = run(format, i + 1);
                        b.appendFraction(ChronoField.NANO_OF_SECOND, 0, Math.min(f, 7), true);
                        n = 1 + f;
                    } else {
                        b.appendLiteral('.');
                        n = 1;
                    }
                }
                case '\'', '"' -> {
                    int end = format.indexOf(c, i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed quote in format '" + format + "'");
                    }
                    b.appendLiteral(format.substring(i + 1, end));
                    n = end - i + 1;
                }
                case '\\' -> {
                    if (i + 1 < format.length()) {
                        b.appendLiteral(format.charAt(i + 1));
                    }
                    n = 2;
                }
                case '%' -> n = 1;
                default -> {
                    b.appendLiteral(format.substring(i, i + n));
                }
            }
            i += n;
        }
        return b.toFormatter(locale);
    }

    private static void number(DateTimeFormatterBuilder b, ChronoField field, int n, boolean text) {
        if (n == 1) {
            b.appendValue(field, 1, 2, SignStyle.NOT_NEGATIVE);
        } else if (n == 2 || !text) {
            b.appendValue(field, 2);
        } else {
            b.appendText(field, n == 3 ? TextStyle.SHORT : TextStyle.FULL);
        }
    }

    private static int run(String s, int i) {
        char c = s.charAt(i);
        int j = i;
        while (j < s.length() && s.charAt(j) == c) {
            j++;
        }
        return j - i;
    }

    /**
     * Reads a date and time: the date, the time (midnight when absent) and the offset (null when absent).
     *
     * @throws DateTimeException when the text does not match
     */
    static Parsed parse(String text, DateTimeFormatter formatter) {
        TemporalAccessor t = formatter.parse(text.trim());
        LocalDate date = t.query(TemporalQueries.localDate());
        if (date == null) {
            throw new DateTimeException("no date in '" + text + "'");
        }
        LocalTime time = t.query(TemporalQueries.localTime());
        ZoneOffset offset = t.query(TemporalQueries.offset());
        return new Parsed(LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time), offset);
    }

    /** A date and time as read; {@code offset} is null when the text had none. */
    record Parsed(LocalDateTime dateTime, ZoneOffset offset) {
        OffsetDateTime withOffsetOr(ZoneOffset fallback) {
            return dateTime.atOffset(offset == null ? fallback : offset);
        }
    }

    // --- TimeSpan ------------------------------------------------------------------------------------------------

    /** Reads a .NET TimeSpan in the "c" format ([-][d.]hh:mm[:ss[.fffffff]]) or as whole days. */
    static Duration parseTimeSpan(String text) {
        String s = text.trim();
        Matcher m = TIME_SPAN.matcher(s);
        if (m.matches()) {
            return timeSpan(m.group(1) != null, m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
        }
        Matcher d = DAYS.matcher(s);
        if (d.matches()) {
            Duration days = Duration.ofDays(Long.parseLong(d.group(2)));
            return d.group(1) != null ? days.negated() : days;
        }
        throw new DateTimeException("not a TimeSpan such as 1.02:03:04.5");
    }

    private static Duration timeSpan(boolean negative, String days, String hours, String minutes, String seconds,
                                     String fraction) {
        int h = hours == null ? 0 : Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        int s = seconds == null ? 0 : Integer.parseInt(seconds);
        if (h > 23 || m > 59 || s > 59) {
            throw new DateTimeException("hours must be 0-23, minutes and seconds 0-59");
        }
        Duration d = Duration.ofHours(h).plusMinutes(m).plusSeconds(s);
        if (days != null) {
            d = d.plusDays(Long.parseLong(days));
        }
        if (fraction != null && !fraction.isEmpty()) {
            d = d.plusNanos(Long.parseLong((fraction + "000000000").substring(0, 9)));
        }
        return negative ? d.negated() : d;
    }

    /** Writes a TimeSpan in the .NET "c" format. */
    static String formatTimeSpan(Duration d) {
        StringBuilder sb = new StringBuilder();
        if (d.isNegative()) {
            sb.append('-');
            d = d.negated();
        }
        if (d.toDays() > 0) {
            sb.append(d.toDays()).append('.');
        }
        sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()));
        if (d.toNanosPart() > 0) {
            sb.append('.').append(String.format(Locale.ROOT, "%07d", d.toNanosPart() / 100));
        }
        return sb.toString();
    }

    /**
     * A .NET custom TimeSpan format ({@code dd\.hh\:mm}, {@code hh':'mm':'ss}): d..dddddddd, h, hh, m, mm, s, ss,
     * f..fffffff, F..FFFFFFF; literals quoted or escaped with a backslash.
     */
    record TimeSpanFormat(String format, Pattern regex, String[] groups) {

        static TimeSpanFormat of(String format) {
            StringBuilder re = new StringBuilder();
            java.util.List<String> groups = new java.util.ArrayList<>();
            int i = 0;
            while (i < format.length()) {
                char c = format.charAt(i);
                int n = run(format, i);
                switch (c) {
                    case 'd' -> {
                        re.append("(\\d{").append(n).append(",})");
                        groups.add("d");
                    }
                    case 'h', 'm', 's' -> {
                        re.append(n == 1 ? "(\\d{1,2})" : "(\\d{2})");
                        groups.add(String.valueOf(c));
                        n = Math.min(n, 2);
                    }
                    case 'f', 'F' -> {
                        re.append(c == 'f' ? "(\\d{" + n + "})" : "(\\d{0," + n + "})");
                        groups.add("f" + c + n);
                    }
                    case '\'', '"' -> {
                        int end = format.indexOf(c, i + 1);
                        if (end < 0) {
                            throw new IllegalArgumentException("unclosed quote in TimeSpan format '" + format + "'");
                        }
                        re.append(Pattern.quote(format.substring(i + 1, end)));
                        n = end - i + 1;
                    }
                    case '\\' -> {
                        if (i + 1 < format.length()) {
                            re.append(Pattern.quote(String.valueOf(format.charAt(i + 1))));
                        }
                        n = 2;
                    }
                    case '%' -> n = 1;
                    default -> re.append(Pattern.quote(format.substring(i, i + n)));
                }
                i += n;
            }
            return new TimeSpanFormat(format, Pattern.compile("(-)?" + re), groups.toArray(String[]::new));
        }

        Duration parse(String text) {
            Matcher m = regex.matcher(text.trim());
            if (!m.matches()) {
                throw new DateTimeException("does not match the TimeSpan format '" + format + "'");
            }
            String days = null;
            String hours = null;
            String minutes = null;
            String seconds = null;
            String fraction = null;
            for (int g = 0; g < groups.length; g++) {
                String v = m.group(g + 2);
                switch (groups[g].charAt(0)) {
                    case 'd' -> days = v;
                    case 'h' -> hours = v;
                    case 'm' -> minutes = v;
                    case 's' -> seconds = v;
                    default -> fraction = v;
                }
            }
            return timeSpan(m.group(1) != null, days, hours, minutes, seconds, fraction);
        }

        String format(Duration d) {
            StringBuilder sb = new StringBuilder();
            if (d.isNegative()) {
                sb.append('-');
                d = d.negated();
            }
            int i = 0;
            while (i < format.length()) {
                char c = format.charAt(i);
                int n = run(format, i);
                switch (c) {
                    case 'd' -> sb.append(pad(d.toDays(), n));
                    case 'h' -> sb.append(pad(d.toHoursPart(), Math.min(n, 2)));
                    case 'm' -> sb.append(pad(d.toMinutesPart(), Math.min(n, 2)));
                    case 's' -> sb.append(pad(d.toSecondsPart(), Math.min(n, 2)));
                    case 'f', 'F' -> {
                        String digits = String.format(Locale.ROOT, "%09d", d.toNanosPart()).substring(0, Math.min(n, 7));
                        sb.append(c == 'F' ? digits.replaceAll("0+$", "") : digits);
                    }
                    case '\'', '"' -> {
                        int end = format.indexOf(c, i + 1);
                        sb.append(format, i + 1, end);
                        n = end - i + 1;
                    }
                    case '\\' -> {
                        if (i + 1 < format.length()) {
                            sb.append(format.charAt(i + 1));
                        }
                        n = 2;
                    }
                    case '%' -> n = 1;
                    default -> sb.append(format, i, i + n);
                }
                if (c == 'h' || c == 'm' || c == 's') {
                    n = Math.min(n, 2);
                }
                i += n;
            }
            return sb.toString();
        }

        private static String pad(long value, int width) {
            String s = Long.toString(value);
            return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
        }
    }
}
