package dev.adfrest.camel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP header names are case-insensitive (RFC 9110), while the component keeps headers as they were written or
 * received, in order and with their names' letter case. Every look-up goes through here.
 */
public final class Headers {

    private Headers() {
    }

    /** The first value of a header, its name matched without regard to case; null when absent. */
    public static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** Every value of a header, in order, whatever the letter case of each line's name; never null. */
    public static List<String> all(Map<String, List<String>> headers, String name) {
        List<String> values = null;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                if (values == null) {
                    values = e.getValue();
                } else {
                    values = new ArrayList<>(values);
                    values.addAll(e.getValue());
                }
            }
        }
        return values == null ? List.of() : values;
    }

    /** The value of a header with one value per name, matched without regard to case; null when absent. */
    public static String get(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Whether a value may go on a request header line: no CR, LF or NUL, which would end the line and let a value
     * (from an option or a response) smuggle extra header lines into the request.
     */
    public static boolean isSafeValue(String value) {
        return value == null || value.indexOf('\r') < 0 && value.indexOf('\n') < 0 && value.indexOf('\0') < 0;
    }
}
