package dev.adfrest.camel.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value of an incremental copy's watermark: what {@code watermarkPath} reads in a record, what
 * {@code watermarkInitialValue} gives, what the state repository holds. Its kind decides how it compares:
 * <ul>
 * <li>{@link Number}: a JSON number, or text in JSON's number syntax ({@code "1714557600"}); compared as a number, so
 * 9 &lt; 10.</li>
 * <li>{@link DateTime}: an ISO-8601 / RFC 3339 date-time ({@code 2024-05-01T10:00:00Z},
 * {@code 2024-05-01T12:00:00.123+02:00}, {@code +0200}, a space for the T); compared as the instant it names. One
 * without an offset ({@code 2024-05-01T10:00:00}) is read as UTC: local times of one API compare as they are written,
 * and nothing is converted.</li>
 * <li>{@link Date}: an ISO-8601 calendar date ({@code 2024-05-01}).</li>
 * <li>{@link Text}: anything else; compared character by character (ordinal, as {@link String#compareTo}).</li>
 * </ul>
 * A value keeps its text as the API wrote it: that is what goes back into the next run's requests, unless a
 * {@link WatermarkLag} moves it (then it is written in the same style: same offset, separator and precision).
 * Pure and immutable.
 */
public sealed interface WatermarkValue permits WatermarkValue.Number, WatermarkValue.DateTime, WatermarkValue.Date,
        WatermarkValue.Text {

    /** The longest text a value may have: an API cannot make the component store or send more. */
    int MAX_LENGTH = 1024;

    /** How a value compares. */
    enum Kind {
        NUMBER("a number"),
        DATE_TIME("a date-time"),
        DATE("a date"),
        STRING("a string");

        private final String described;

        Kind(String described) {
            this.described = described;
        }

        /** "a number", "a date-time", …: for messages. */
        public String described() {
            return described;
        }
    }

    Kind kind();

    /** The value as it goes into a request and into the state repository. */
    String text();

    /**
     * Whether {@code other} can be compared with this value: values of the same kind compare by their kind; when this
     * value is a string, every value compares with it as a string.
     */
    default boolean comparesWith(WatermarkValue other) {
        return kind() == Kind.STRING || other.kind() == kind();
    }

    /**
     * Compares {@code other} with this value ({@link #comparesWith} must hold).
     *
     * @return negative, zero or positive as this value is lower than, equal to or higher than {@code other}
     */
    int compareTo(WatermarkValue other);

    /**
     * The higher of this value and {@code other}; this one when they are equal. {@link #comparesWith} must hold.
     */
    default WatermarkValue max(WatermarkValue other) {
        if (compareTo(other) >= 0) {
            return this;
        }
        // a string watermark stays a string: a number or date among string values is one more string
        return kind() == Kind.STRING && other.kind() != Kind.STRING ? new Text(other.text()) : other;
    }

    /** JSON's number syntax. */
    Pattern NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");

    /** RFC 3339 / ISO-8601 extended date-time, seconds and offset optional; groups feed {@link DateTime.Style}. */
    Pattern DATE_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})([Tt ])(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                                        + "(?:([Zz])|([+-])(\\d{2})(?:(:?)(\\d{2}))?)?");

    Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /**
     * Reads a value from text: a saved or initial value, or a string in a record.
     *
     * @return null when the text is too long ({@link #MAX_LENGTH}) or holds a control character (a line break could
     *         smuggle a header line into a request)
     */
    static WatermarkValue parse(String text) {
        if (text == null || text.length() > MAX_LENGTH || hasControlCharacter(text)) {
            return null;
        }
        if (NUMBER.matcher(text).matches()) {
            BigDecimal number = new BigDecimal(text);
            if (Number.inBounds(number)) {
                return new Number(number, text);
            }
            return new Text(text);
        }
        Matcher m = DATE_TIME.matcher(text);
        if (m.matches()) {
            DateTime dateTime = DateTime.of(text, m);
            if (dateTime != null) {
                return dateTime;
            }
        } else if (DATE.matcher(text).matches()) {
            try {
                return new Date(LocalDate.parse(text), text);
            } catch (DateTimeException e) {
                // not a real date (2024-02-30): a string
            }
        }
        return new Text(text);
    }

    /**
     * Reads a record's value: a JSON number or a string.
     *
     * @return null when the node is not a number or a string (null, missing, boolean, object, array), a number is not
     *         finite or is out of bounds, or {@link #parse} refuses the text
     */
    static WatermarkValue of(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return parse(node.textValue());
        }
        if (!node.isNumber()) {
            return null;
        }
        BigDecimal number;
        if (node.isIntegralNumber()) {
            BigInteger integer = node.bigIntegerValue();
            number = new BigDecimal(integer);
        } else if (node.isBigDecimal()) {
            number = node.decimalValue();
        } else {
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                return null;
            }
            number = new BigDecimal(Double.toString(d)); // the shortest decimal that is this double
        }
        if (!Number.inBounds(number)) {
            return null;
        }
        String text = node.isIntegralNumber() ? number.toPlainString() : Number.plain(number);
        return text.length() > MAX_LENGTH ? null : new Number(number, text);
    }

    /** A non-negative number in ASCII digits, zero-padded to {@code width} (String.format would use the locale's). */
    private static String digits(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** A date of the years 0000-9999 as yyyy-MM-dd. */
    private static String isoDate(LocalDate date) {
        return digits(date.getYear(), 4) + "-" + digits(date.getMonthValue(), 2) + "-" + digits(date.getDayOfMonth(), 2);
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /**
     * A number.
     *
     * @param value the number
     * @param text  as written
     */
    record Number(BigDecimal value, String text) implements WatermarkValue {

        /** Digits before and after the point, at most: keeps arithmetic and text small whatever an API sends. */
        private static final int MAX_DIGITS = 400;

        static boolean inBounds(BigDecimal number) {
            return number.scale() <= MAX_DIGITS && number.precision() - number.scale() <= MAX_DIGITS;
        }

        /** A computed number as text: no exponent, no trailing zeros after the point. */
        static String plain(BigDecimal number) {
            BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
        }

        @Override
        public Kind kind() {
            return Kind.NUMBER;
        }

        @Override
        public int compareTo(WatermarkValue other) {
            return other instanceof Number n ? value.compareTo(n.value) : text.compareTo(other.text());
        }

        /** This number less {@code amount}. */
        Number minus(BigDecimal amount) {
            BigDecimal result = value.subtract(amount);
            return new Number(result, plain(result));
        }
    }

    /**
     * A date-time.
     *
     * @param instant the instant it names (UTC when it has no offset)
     * @param text    as written
     * @param style   how it was written, for writing a moved value the same way
     */
    record DateTime(Instant instant, String text, Style style) implements WatermarkValue {

        /**
         * How a date-time was written.
         *
         * @param separator      T, t or a space between date and time
         * @param seconds        whether the seconds were written
         * @param fractionDigits digits after the seconds' point (0: none)
         * @param fractionMark   . or ,
         * @param offset         the offset; null when none was written (the value is read as UTC)
         * @param offsetForm     how the offset was written: Z, z, +HH:MM, +HHMM or +HH; null when none was
         */
        record Style(char separator, boolean seconds, int fractionDigits, char fractionMark, ZoneOffset offset,
                     String offsetForm) {
        }

        static DateTime of(String text, Matcher m) {
            try {
                int nanos = 0;
                int digits = 0;
                if (m.group(8) != null) {
                    digits = m.group(8).length();
                    nanos = Integer.parseInt((m.group(8) + "00000000").substring(0, 9));
                }
                LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                        m.group(7) == null ? 0 : Integer.parseInt(m.group(7)), nanos);
                ZoneOffset offset = null;
                String form = null;
                if (m.group(9) != null) {
                    offset = ZoneOffset.UTC;
                    form = m.group(9);
                } else if (m.group(10) != null) {
                    int hours = Integer.parseInt(m.group(11));
                    int minutes = m.group(13) == null ? 0 : Integer.parseInt(m.group(13));
                    offset = m.group(10).equals("-") ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                            : ZoneOffset.ofHoursMinutes(hours, minutes);
                    form = m.group(13) == null ? "+HH" : m.group(12).isEmpty() ? "+HHMM" : "+HH:MM";
                }
                char mark = digits == 0 ? '.' : text.charAt(m.start(8) - 1);
                Style style = new Style(m.group(4).charAt(0), m.group(7) != null, digits, mark, offset, form);
                return new DateTime(local.toInstant(offset == null ? ZoneOffset.UTC : offset), text, style);
            } catch (DateTimeException | NumberFormatException e) {
                return null; // 2024-13-01T…, 25:00, an offset beyond ±18:00: not a date-time
            }
        }

        @Override
        public Kind kind() {
            return Kind.DATE_TIME;
        }

        @Override
        public int compareTo(WatermarkValue other) {
            return other instanceof DateTime d ? instant.compareTo(d.instant) : text.compareTo(other.text());
        }

        /**
         * This date-time moved to {@code moved}, written in its style (a finer second or fraction is written when
         * the new value needs it).
         *
         * @throws IllegalArgumentException when the result is not between the years 0000 and 9999
         */
        DateTime at(Instant moved) {
            LocalDateTime local;
            try {
                local = LocalDateTime.ofInstant(moved, style.offset() == null ? ZoneOffset.UTC : style.offset());
            } catch (DateTimeException e) {
                local = null;
            }
            if (local == null || local.getYear() < 0 || local.getYear() > 9999) {
                throw new IllegalArgumentException("moving " + text + " gives a date-time outside the years 0000-9999");
            }
            StringBuilder sb = new StringBuilder(text.length() + 8);
            sb.append(isoDate(local.toLocalDate())).append(style.separator())
                    .append(digits(local.getHour(), 2)).append(':').append(digits(local.getMinute(), 2));
            int nanos = local.getNano();
            int digits = Math.max(style.fractionDigits(), nanos == 0 ? 0 : 9 - trailingZeros(nanos));
            if (style.seconds() || local.getSecond() != 0 || digits > 0) {
                sb.append(':').append(digits(local.getSecond(), 2));
                if (digits > 0) {
                    sb.append(style.fractionMark()).append(digits(nanos, 9), 0, digits);
                }
            }
            if (style.offsetForm() != null) {
                sb.append(offsetText(style.offset(), style.offsetForm()));
            }
            return new DateTime(moved, sb.toString(), style);
        }

        private static int trailingZeros(int nanos) {
            int zeros = 0;
            for (int n = nanos; n % 10 == 0 && zeros < 9; n /= 10) {
                zeros++;
            }
            return zeros;
        }

        private static String offsetText(ZoneOffset offset, String form) {
            if (form.equalsIgnoreCase("Z")) {
                return form;
            }
            int seconds = offset.getTotalSeconds();
            int abs = Math.abs(seconds);
            String sign = seconds < 0 ? "-" : "+";
            String hours = digits(abs / 3600, 2);
            String minutes = digits(abs / 60 % 60, 2);
            return switch (form) {
                case "+HH" -> sign + hours;
                case "+HHMM" -> sign + hours + minutes;
                default -> sign + hours + ":" + minutes;
            };
        }
    }

    /**
     * A calendar date.
     *
     * @param date the date
     * @param text as written
     */
    record Date(LocalDate date, String text) implements WatermarkValue {

        @Override
        public Kind kind() {
            return Kind.DATE;
        }

        @Override
        public int compareTo(WatermarkValue other) {
            return other instanceof Date d ? date.compareTo(d.date) : text.compareTo(other.text());
        }

        /**
         * This date less {@code days}.
         *
         * @throws IllegalArgumentException when the result is before the year 0000
         */
        Date minusDays(long days) {
            LocalDate moved = date.minusDays(days);
            if (moved.getYear() < 0) {
                throw new IllegalArgumentException("moving " + text + " gives a date before the year 0000");
            }
            return new Date(moved, isoDate(moved));
        }
    }

    /**
     * Any other value, compared as a string.
     *
     * @param text the value
     */
    record Text(String text) implements WatermarkValue {

        @Override
        public Kind kind() {
            return Kind.STRING;
        }

        @Override
        public int compareTo(WatermarkValue other) {
            return text.compareTo(other.text());
        }
    }
}
