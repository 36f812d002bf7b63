package dev.adfrest.camel.mapping;

/**
 * ADF's {@code typeConversionSettings}: how values are converted to a mapping's types. They apply when the
 * translator sets {@code typeConversion: true}; otherwise the defaults apply, as in ADF.
 *
 * @param allowDataTruncation  allow conversions that lose data: a fraction cut off for an integer type (toward zero),
 *                             the offset dropped for a DateTime (default true)
 * @param treatBooleanAsNumber booleans convert to and from numbers, true as 1 (default false)
 * @param dateTimeFormat       .NET custom format between DateTime and strings; null = ISO-8601
 * @param dateTimeOffsetFormat .NET custom format between DateTimeOffset and strings; null = ISO-8601
 * @param timeSpanFormat       .NET custom TimeSpan format; null = the "c" format [-][d.]hh:mm:ss[.fffffff]
 * @param culture              culture for reading numbers and dates from strings ("en-us", "fr-fr"); null =
 *                             invariant
 */
public record TypeConversionSettings(
        boolean allowDataTruncation,
        boolean treatBooleanAsNumber,
        String dateTimeFormat,
        String dateTimeOffsetFormat,
        String timeSpanFormat,
        String culture) {

    /** ADF's defaults. */
    public static final TypeConversionSettings DEFAULTS = new TypeConversionSettings(true, false, null, null, null, null);
}
