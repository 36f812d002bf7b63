package dev.adfrest.camel.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 date-times in the shapes JSON APIs send them, read by hand: exactly what {@link DotNetFormats#ISO} reads
 * from them, without the formatter's work per optional section (a copy of its parsed fields each time). A translator
 * reads one date per row and column: through the formatter that was over a third of a W7 mapping's CPU (see
 * docs/benchmarks.md). Anything else, and any field out of its plain range, is left to the formatter.
 */
final class IsoDateTimes {

    private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
        10, 1};

    private IsoDateTimes() {
    }

    /**
     * Reads {@code yyyy-MM-dd}, optionally followed by {@code T}, {@code t} or a space and {@code HH:mm[:ss[.f]]} (one
     * to nine fraction digits), optionally followed by {@code Z}, {@code z}, {@code ±HH:MM}, {@code ±HHMM} or
     * {@code ±HH}.
     *
     * @param  s the text, already trimmed
     * @return   what the ISO formatter gives for it, or null when the text is not in one of those shapes or a field is
     *           out of its plain range (month 13, February 30, hour 24, offset +19): the formatter then decides
     */
    static DotNetFormats.Parsed parse(String s) {
        int n = s.length();
        if (n < 10 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-'
            || !digits(s, 8, 2)) {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        int i = 10;
        LocalTime time = LocalTime.MIDNIGHT;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == 't' || s.charAt(i) == ' ')) {
            if (i + 6 > n || !digits(s, i + 1, 2) || s.charAt(i + 3) != ':' || !digits(s, i + 4, 2)) {
                return null;
            }
            int hour = number(s, i + 1, 2);
            int minute = number(s, i + 4, 2);
            int second = 0;
            int nano = 0;
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                if (i + 3 > n || !digits(s, i + 1, 2)) {
                    return null;
                }
                second = number(s, i + 1, 2);
                i += 3;
                if (i < n && s.charAt(i) == '.') {
                    int start = ++i;
                    while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                        i++;
                    }
                    if (i == start || i < n && isDigit(s.charAt(i))) {
                        return null; // no digit, or more than nine
                    }
                    nano = number(s, start, i - start) * NANOS_PER_DIGIT[i - start];
                }
            }
            if (hour > 23 || minute > 59 || second > 59) {
                return null;
            }
            time = LocalTime.of(hour, minute, second, nano);
        }
        ZoneOffset offset = null;
        if (i < n) {
            offset = offset(s, i);
            if (offset == null) {
                return null;
            }
        }
        return new DotNetFormats.Parsed(LocalDateTime.of(LocalDate.of(year, month, day), time), offset);
    }

    /** The offset that is all of {@code s} from {@code i}, or null. */
    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == 'Z' || c == 'z') {
            return i + 1 == n ? ZoneOffset.UTC : null;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        int hours;
        int minutes = 0;
        int rest = n - i - 1;
        if (rest == 2 && digits(s, i + 1, 2)) {
            hours = number(s, i + 1, 2);
        } else if (rest == 4 && digits(s, i + 1, 4)) {
            hours = number(s, i + 1, 2);
            minutes = number(s, i + 3, 2);
        } else if (rest == 5 && digits(s, i + 1, 2) && s.charAt(i + 3) == ':' && digits(s, i + 4, 2)) {
            hours = number(s, i + 1, 2);
            minutes = number(s, i + 4, 2);
        } else {
            return null;
        }
        if (minutes > 59 || hours * 60 + minutes > 18 * 60) {
            return null;
        }
        int sign = c == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static boolean digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
