package dev.adfrest.camel.mapping;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.support.Numbers;

/**
 * Converts a value to one interim type as ADF's copy activity does (its data type conversion table), under the
 * translator's typeConversionSettings and the column's own format and culture. One instance per column and type,
 * built once per endpoint.
 */
final class ValueConverter {

    private static final BigDecimal[] MIN = new BigDecimal[InterimType.values().length];
    private static final BigDecimal[] MAX = new BigDecimal[InterimType.values().length];

    static {
        range(InterimType.SBYTE, Byte.MIN_VALUE, Byte.MAX_VALUE);
        range(InterimType.BYTE, 0, 255);
        range(InterimType.INT16, Short.MIN_VALUE, Short.MAX_VALUE);
        range(InterimType.UINT16, 0, 65_535);
        range(InterimType.INT32, Integer.MIN_VALUE, Integer.MAX_VALUE);
        range(InterimType.UINT32, 0, 4_294_967_295L);
        range(InterimType.INT64, Long.MIN_VALUE, Long.MAX_VALUE);
        MIN[InterimType.UINT64.ordinal()] = BigDecimal.ZERO;
        MAX[InterimType.UINT64.ordinal()] = new BigDecimal("18446744073709551615");
    }

    private final InterimType target;
    private final boolean allowTruncation;
    private final boolean booleanAsNumber;
    private final DateTimeFormatter dateTimeFormat;
    private final DateTimeFormatter offsetFormat;
    private final DotNetFormats.TimeSpanFormat timeSpanFormat;
    private final Locale culture;

    /**
     * @param  format                   the column's own .NET date/time format, overriding the settings' (may be null)
     * @param  culture                  the column's own culture, overriding the settings' (may be null)
     * @throws IllegalArgumentException for a format or culture that cannot be used
     */
    ValueConverter(InterimType target, TypeConversionSettings settings, String format, String culture) {
        this.target = target;
        this.allowTruncation = settings.allowDataTruncation();
        this.booleanAsNumber = settings.treatBooleanAsNumber();
        String cultureName = culture != null ? culture : settings.culture();
        this.culture = cultureName == null || cultureName.isBlank() ? null : locale(cultureName);
        Locale textLocale = this.culture == null ? Locale.ROOT : this.culture;
        String dtf = format != null ? format : settings.dateTimeFormat();
        String dtof = format != null ? format : settings.dateTimeOffsetFormat();
        this.dateTimeFormat = dtf == null ? null : DotNetFormats.dateTime(dtf, textLocale);
        this.offsetFormat = dtof == null ? null : DotNetFormats.dateTime(dtof, textLocale);
        this.timeSpanFormat = settings.timeSpanFormat() == null ? null
                : DotNetFormats.TimeSpanFormat.of(settings.timeSpanFormat());
    }

    InterimType target() {
        return target;
    }

    /**
     * A JSON value as the Java value closest to it: String, Boolean, Integer/Long/BigInteger, Double, BigDecimal;
     * null for null or missing; an object or array stays a {@link JsonNode}, or becomes its JSON text.
     */
    static Object natural(JsonNode node, boolean complexToString) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isContainerNode()) {
            return complexToString ? node.toString() : node;
        }
        if (node.isBinary()) {
            try {
                return node.binaryValue();
            } catch (IOException e) {
                return node.asText();
            }
        }
        return node.asText();
    }

    /**
     * @return the value as {@link #target()}'s Java type; null stays null
     * @throws IncompatibleValueException saying why the value does not convert
     */
    Object convert(Object value) throws IncompatibleValueException {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && s.length() > Numbers.MAX_LENGTH && target != InterimType.STRING
            && target != InterimType.BYTE_ARRAY) {
            // no number, date, GUID or TimeSpan is that long: refused before any parser spends time on it
            throw incompatible("a text of " + s.length() + " characters is too long for " + target.adfName()
                               + " (at most " + Numbers.MAX_LENGTH + " are converted)");
        }
        return switch (target) {
            case STRING -> toText(value);
            case BOOLEAN -> toBoolean(value);
            case SBYTE, BYTE, INT16, UINT16, INT32, UINT32, INT64, UINT64 -> toInteger(value);
            case DECIMAL -> toDecimal(value);
            case DOUBLE -> value instanceof Double d ? d : finite(toDecimalOrDouble(value), false);
            case SINGLE -> value instanceof Float f ? f : finite(toDecimalOrDouble(value), true);
            case DATETIME -> toDateTime(value);
            case DATETIMEOFFSET -> toDateTimeOffset(value);
            case GUID -> toGuid(value);
            case TIMESPAN -> toTimeSpan(value);
            case BYTE_ARRAY -> toBytes(value);
        };
    }

    // --- to String -----------------------------------------------------------------------------------------------

    private String toText(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double || v instanceof Float) {
            // as .NET writes them: 23.0 as "23", never in exponent notation
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return (v instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(d)).toPlainString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return (dateTimeFormat == null ? DateTimeFormatter.ISO_LOCAL_DATE_TIME : dateTimeFormat).format(t);
        }
        if (v instanceof OffsetDateTime t) {
            return (offsetFormat == null ? DateTimeFormatter.ISO_OFFSET_DATE_TIME : offsetFormat).format(t);
        }
        if (v instanceof Duration d) {
            return timeSpanFormat == null ? DotNetFormats.formatTimeSpan(d) : timeSpanFormat.format(d);
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return v.toString(); // numbers, booleans, UUIDs, JSON objects and arrays as JSON text
    }

    // --- to Boolean ----------------------------------------------------------------------------------------------

    private Boolean toBoolean(Object v) throws IncompatibleValueException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (t.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            if (booleanAsNumber) {
                return parseNumber(t).signum() != 0;
            }
            throw incompatible("not true or false");
        }
        if (v instanceof Number n) {
            if (!booleanAsNumber) {
                throw incompatible("a number is not a Boolean unless treatBooleanAsNumber is true");
            }
            return decimalOf(n).signum() != 0;
        }
        throw cannot(v);
    }

    // --- to numbers ----------------------------------------------------------------------------------------------

    private Object toInteger(Object v) throws IncompatibleValueException {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            long l = ((Number) v).longValue(); // the common case: no BigDecimal
            if (target != InterimType.UINT64 && l >= MIN[target.ordinal()].longValue()
                && l <= MAX[target.ordinal()].longValue()) {
                return integerOf(l);
            }
        }
        BigDecimal d = numberOf(v);
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            if (!allowTruncation) {
                throw incompatible("has a fraction and allowDataTruncation is false");
            }
            d = d.setScale(0, RoundingMode.DOWN);
        }
        if (d.compareTo(MIN[target.ordinal()]) < 0 || d.compareTo(MAX[target.ordinal()]) > 0) {
            throw incompatible("out of range for " + target.adfName());
        }
        return target == InterimType.UINT64 ? d.toBigInteger() : integerOf(d.longValue());
    }

    private Object integerOf(long l) {
        return switch (target) {
            case SBYTE -> (byte) l;
            case BYTE, INT16 -> (short) l;
            case UINT16, INT32 -> (int) l;
            case UINT64 -> BigInteger.valueOf(l);
            default -> l;
        };
    }

    private BigDecimal toDecimal(Object v) throws IncompatibleValueException {
        return v instanceof BigDecimal d ? d : numberOf(v);
    }

    private double toDecimalOrDouble(Object v) throws IncompatibleValueException {
        if (v instanceof Number n && !(v instanceof BigDecimal) && !(v instanceof BigInteger)) {
            return n.doubleValue();
        }
        return numberOf(v).doubleValue();
    }

    private Object finite(double d, boolean single) throws IncompatibleValueException {
        if (single) {
            float f = (float) d;
            if (Float.isInfinite(f)) {
                throw incompatible("out of range for Single");
            }
            return f;
        }
        if (Double.isInfinite(d)) {
            throw incompatible("out of range for Double");
        }
        return d;
    }

    /** A number, a numeric string, or (with treatBooleanAsNumber) a boolean, as a BigDecimal. */
    private BigDecimal numberOf(Object v) throws IncompatibleValueException {
        if (v instanceof Number n) {
            return decimalOf(n);
        }
        if (v instanceof String s) {
            return parseNumber(s.trim());
        }
        if (v instanceof Boolean b) {
            if (!booleanAsNumber) {
                throw incompatible("a Boolean is not a number unless treatBooleanAsNumber is true");
            }
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        throw cannot(v);
    }

    private static BigDecimal decimalOf(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private BigDecimal parseNumber(String s) throws IncompatibleValueException {
        if (culture == null) {
            try {
                return Numbers.checked(new BigDecimal(s));
            } catch (NumberFormatException e) {
                throw incompatible("not a number");
            } catch (Numbers.TooLongException e) {
                throw incompatible(e.getMessage());
            }
        }
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(culture);
        format.setParseBigDecimal(true);
        ParsePosition position = new ParsePosition(0);
        Number n = format.parse(s, position);
        if (n == null || position.getIndex() != s.length()) {
            throw incompatible("not a number in culture " + culture.toLanguageTag());
        }
        try {
            return Numbers.checked((BigDecimal) n);
        } catch (Numbers.TooLongException e) {
            throw incompatible(e.getMessage());
        }
    }

    // --- to dates, GUIDs, TimeSpans and bytes -----------------------------------------------------------------------

    private LocalDateTime toDateTime(Object v) throws IncompatibleValueException {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof OffsetDateTime t) {
            return dropOffset(t.toLocalDateTime());
        }
        if (v instanceof String s) {
            DotNetFormats.Parsed p = parseDate(s, dateTimeFormat);
            return p.offset() == null ? p.dateTime() : dropOffset(p.dateTime());
        }
        throw cannot(v);
    }

    private LocalDateTime dropOffset(LocalDateTime clockTime) throws IncompatibleValueException {
        if (!allowTruncation) {
            throw incompatible("has an offset that a DateTime cannot keep, and allowDataTruncation is false");
        }
        return clockTime;
    }

    private OffsetDateTime toDateTimeOffset(Object v) throws IncompatibleValueException {
        if (v instanceof OffsetDateTime t) {
            return t;
        }
        if (v instanceof LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof String s) {
            return parseDate(s, offsetFormat).withOffsetOr(ZoneOffset.UTC);
        }
        throw cannot(v);
    }

    /** Reads a date in the configured format, else in ISO-8601, which is never ambiguous. */
    private DotNetFormats.Parsed parseDate(String s, DateTimeFormatter format) throws IncompatibleValueException {
        if (format != null) {
            try {
                return DotNetFormats.parse(s, format);
            } catch (DateTimeException e) {
                // ISO below
            }
        }
        try {
            return DotNetFormats.parse(s, DotNetFormats.ISO);
        } catch (DateTimeException e) {
            throw incompatible(format == null ? "not an ISO-8601 date and time"
                    : "matches neither the format nor ISO-8601");
        }
    }

    private UUID toGuid(Object v) throws IncompatibleValueException {
        if (v instanceof UUID u) {
            return u;
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.length() > 2 && (t.charAt(0) == '{' || t.charAt(0) == '(')) {
                t = t.substring(1, t.length() - 1); // .NET's B and P formats
            }
            if (t.length() == 32 && t.indexOf('-') < 0) { // .NET's N format
                t = t.substring(0, 8) + "-" + t.substring(8, 12) + "-" + t.substring(12, 16) + "-"
                    + t.substring(16, 20) + "-" + t.substring(20);
            }
            if (t.length() == 36) {
                try {
                    return UUID.fromString(t);
                } catch (IllegalArgumentException e) {
                    // below
                }
            }
            throw incompatible("not a GUID");
        }
        throw cannot(v);
    }

    private Duration toTimeSpan(Object v) throws IncompatibleValueException {
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof String s) {
            if (timeSpanFormat != null) {
                try {
                    return timeSpanFormat.parse(s);
                } catch (DateTimeException e) {
                    // the "c" format below
                }
            }
            try {
                String t = s.trim();
                return t.startsWith("P") || t.startsWith("-P") ? Duration.parse(t) : DotNetFormats.parseTimeSpan(t);
            } catch (DateTimeException e) {
                throw incompatible(timeSpanFormat != null ? "matches neither the TimeSpan format nor [-][d.]hh:mm:ss"
                        : "not a TimeSpan such as 1.02:03:04.5");
            }
        }
        throw cannot(v);
    }

    private byte[] toBytes(Object v) throws IncompatibleValueException {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            try {
                return Base64.getDecoder().decode(s.trim());
            } catch (IllegalArgumentException e) {
                throw incompatible("not Base64");
            }
        }
        throw cannot(v);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private IncompatibleValueException cannot(Object v) {
        String kind = v instanceof JsonNode n ? "JSON " + (n.isArray() ? "array" : "object") : v.getClass().getSimpleName();
        return incompatible("ADF does not convert " + kind + " to " + target.adfName());
    }

    private IncompatibleValueException incompatible(String why) {
        return new IncompatibleValueException(target, why);
    }

    private static void range(InterimType type, long min, long max) {
        MIN[type.ordinal()] = BigDecimal.valueOf(min);
        MAX[type.ordinal()] = BigDecimal.valueOf(max);
    }

    private static Locale locale(String name) {
        Locale locale = Locale.forLanguageTag(name.trim().replace('_', '-'));
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("unknown culture '" + name + "'; use a name such as en-us or fr-fr");
        }
        return locale;
    }

    /** Why a value does not convert; carries no stack trace, as skipping rows may raise many. */
    static final class IncompatibleValueException extends Exception {
        private final InterimType target;

        IncompatibleValueException(InterimType target, String reason) {
            super(reason, null, false, false);
            this.target = target;
        }

        InterimType target() {
            return target;
        }
    }
}
