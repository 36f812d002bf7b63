package dev.adfrest.camel.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ADF's interim data types, as a mapping's {@code type} names them, and the Java type a row value of that type has.
 */
public enum InterimType {

    BOOLEAN("Boolean", Boolean.class),
    /** Signed 8-bit. */
    SBYTE("SByte", Byte.class),
    /** Unsigned 8-bit (0-255): a Short holds it. */
    BYTE("Byte", Short.class),
    INT16("Int16", Short.class),
    UINT16("UInt16", Integer.class),
    INT32("Int32", Integer.class),
    UINT32("UInt32", Long.class),
    INT64("Int64", Long.class),
    UINT64("UInt64", BigInteger.class),
    SINGLE("Single", Float.class),
    DOUBLE("Double", Double.class),
    DECIMAL("Decimal", BigDecimal.class),
    STRING("String", String.class),
    /** A date and time without offset. */
    DATETIME("DateTime", LocalDateTime.class),
    DATETIMEOFFSET("DateTimeOffset", OffsetDateTime.class),
    GUID("Guid", UUID.class),
    TIMESPAN("TimeSpan", Duration.class),
    BYTE_ARRAY("Byte[]", byte[].class);

    private static final Map<String, InterimType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(t -> key(t.adfName), Function.identity(), (a, b) -> a, HashMap::new));

    static {
        // the spellings ADF's documentation and exported mappings use besides the .NET names
        BY_NAME.put(key("Byte array"), BYTE_ARRAY);
        BY_NAME.put(key("ByteArray"), BYTE_ARRAY);
    }

    private final String adfName;
    private final Class<?> javaType;

    InterimType(String adfName, Class<?> javaType) {
        this.adfName = adfName;
        this.javaType = javaType;
    }

    /** A TimeSpan value as ADF writes it to JSON: the .NET "c" format, [-][d.]hh:mm:ss[.fffffff]. */
    public static String timeSpanText(Duration value) {
        return DotNetFormats.formatTimeSpan(value);
    }

    /** The name as ADF writes it. */
    public String adfName() {
        return adfName;
    }

    /** The Java type of a row value of this type. */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Reads a type name as ADF writes it ({@code Int32}, {@code Datetime}, {@code DateTimeOffset}, {@code Byte[]},
     * {@code GUID}), in any letter case.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static InterimType of(String name) {
        InterimType type = name == null ? null : BY_NAME.get(key(name));
        if (type == null) {
            throw new IllegalArgumentException("unknown interim data type '" + name + "'; ADF's interim types are "
                                               + Arrays.stream(values()).map(InterimType::adfName)
                                                       .collect(Collectors.joining(", ")));
        }
        return type;
    }

    private static String key(String name) {
        return name.trim().replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
