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
import java.util.ArrayList;
import java.util.List;
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
        List<Token> tokens = tokens(format, "yMdhHmsfFtgzK");
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int n = t.count();
            switch (t.letter()) {
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
                default -> {
                    String text = t.literal();
                    if (text.endsWith(".") && i + 1 < tokens.size() && tokens.get(i + 1).letter() == 'F') {
                        // ".FFF": .NET leaves out the point with a zero fraction
                        if (text.length() > 1) {
                            b.appendLiteral(text.substring(0, text.length() - 1));
                        }
                        b.appendFraction(ChronoField.NANO_OF_SECOND, 0, Math.min(tokens.get(++i).count(), 7), true);
                    } else {
                        b.appendLiteral(text);
                    }
                }
            }
        }
        return b.toFormatter(locale);
    }

    /**
     * A .NET format string as runs of one specifier letter and literal text: quoted ('...' or "...") and
     * backslash-escaped characters and every character that is not a specifier are literal; % is dropped.
     *
     * @param specifiers the letters that are specifiers in this kind of format
     */
    static List<Token> tokens(String format, String specifiers) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (specifiers.indexOf(c) >= 0) {
                int n = run(format, i);
                if (!literal.isEmpty()) {
                    tokens.add(new Token('\0', 0, literal.toString()));
                    literal.setLength(0);
                }
                tokens.add(new Token(c, n, null));
                i += n;
            } else if (c == '\'' || c == '"') {
                int end = format.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed quote in format '" + format + "'");
                }
                literal.append(format, i + 1, end);
                i = end + 1;
            } else if (c == '\\') {
                if (i + 1 < format.length()) {
                    literal.append(format.charAt(i + 1));
                }
                i += 2;
            } else {
                if (c != '%') {
                    literal.append(c);
                }
                i++;
            }
        }
        if (!literal.isEmpty()) {
            tokens.add(new Token('\0', 0, literal.toString()));
        }
        return tokens;
    }

    /** A run of {@code count} times the specifier {@code letter}, or (letter 0) literal text. */
    record Token(char letter, int count, String literal) {
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
        String trimmed = text.trim();
        if (formatter == ISO) {
            Parsed common = IsoDateTimes.parse(trimmed);
            if (common != null) {
                return common;
            }
        }
        return parseWith(formatter, trimmed);
    }

    /** {@link #parse} by the formatter alone (what the ISO shortcut must agree with). */
    static Parsed parseWith(DateTimeFormatter formatter, String trimmed) {
        TemporalAccessor t = formatter.parse(trimmed);
        LocalDate date = t.query(TemporalQueries.localDate());
        if (date == null) {
            throw new DateTimeException("no date in '" + trimmed + "'");
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
     * A .NET custom TimeSpan format ({@code dd\\.hh\\:mm}, {@code hh':'mm':'ss}): d..dddddddd, h, hh, m, mm, s, ss,
     * f..fffffff, F..FFFFFFF; literals quoted or escaped with a backslash.
     */
    record TimeSpanFormat(String format, List<Token> tokens, Pattern regex) {

        static TimeSpanFormat of(String format) {
            List<Token> tokens = DotNetFormats.tokens(format, "dhmsfF");
            StringBuilder re = new StringBuilder("(-)?");
            for (Token t : tokens) {
                int n = t.count();
                switch (t.letter()) {
                    case 'd' -> re.append("(\\d{").append(n).append(",})");
                    case 'h', 'm', 's' -> re.append(n == 1 ? "(\\d{1,2})" : "(\\d{2})");
                    case 'f' -> re.append("(\\d{").append(n).append("})");
                    case 'F' -> re.append("(\\d{0,").append(n).append("})");
                    default -> re.append(Pattern.quote(t.literal()));
                }
            }
            return new TimeSpanFormat(format, tokens, Pattern.compile(re.toString()));
        }

        Duration parse(String text) {
            Matcher m = regex.matcher(text.trim());
            if (!m.matches()) {
                throw new DateTimeException("does not match the TimeSpan format '" + format + "'");
            }
            String[] parts = new String[128]; // by specifier letter
            int group = 2;
            for (Token t : tokens) {
                if (t.literal() == null) {
                    parts[t.letter() == 'F' ? 'f' : t.letter()] = m.group(group++);
                }
            }
            return timeSpan(m.group(1) != null, parts['d'], parts['h'], parts['m'], parts['s'], parts['f']);
        }

        String format(Duration d) {
            StringBuilder sb = new StringBuilder();
            if (d.isNegative()) {
                sb.append('-');
                d = d.negated();
            }
            for (Token t : tokens) {
                int n = t.count();
                switch (t.letter()) {
                    case 'd' -> sb.append(pad(d.toDays(), n));
                    case 'h' -> sb.append(pad(d.toHoursPart(), Math.min(n, 2)));
                    case 'm' -> sb.append(pad(d.toMinutesPart(), Math.min(n, 2)));
                    case 's' -> sb.append(pad(d.toSecondsPart(), Math.min(n, 2)));
                    case 'f', 'F' -> {
                        String digits = String.format(Locale.ROOT, "%09d", d.toNanosPart()).substring(0, Math.min(n, 7));
                        sb.append(t.letter() == 'F' ? digits.replaceAll("0+$", "") : digits);
                    }
                    default -> sb.append(t.literal());
                }
            }
            return sb.toString();
        }

        private static String pad(long value, int width) {
            String s = Long.toString(value);
            return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
        }
    }
}
