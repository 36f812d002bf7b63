package dev.adfrest.camel.support;

import java.math.BigDecimal;

/**
 * Numbers read from text an API sent, bounded: converting a number of a million digits, or one whose exponent makes
 * it a billion digits long when written out, costs seconds of CPU or all the memory; such a text is refused at once.
 * The same bound as Jackson's for numbers in JSON ({@link Json#MAPPER}).
 */
public final class Numbers {

    /** The longest number text read: Jackson's default {@code maxNumberLength}. */
    public static final int MAX_LENGTH = 1000;
    /** The largest exponent (scale) accepted, so that the plain text of a number stays about as short. */
    public static final int MAX_SCALE = 1000;

    private Numbers() {
    }

    /** A number too long (or with too large an exponent) to convert. */
    public static final class TooLongException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooLongException(String message) {
            super(message);
        }
    }

    /**
     * The text as a number.
     *
     * @return                  the number, or null when the text is not one
     * @throws TooLongException when it is a number longer than {@link #MAX_LENGTH} characters or with an exponent
     *                          beyond {@link #MAX_SCALE}
     */
    public static BigDecimal decimal(String text) {
        String s = text.strip();
        if (s.length() > MAX_LENGTH) {
            if (looksNumeric(s)) {
                throw new TooLongException("a number of " + s.length() + " characters (at most " + MAX_LENGTH
                                           + " are converted)");
            }
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
        return checked(d);
    }

    /**
     * @throws TooLongException when the number's exponent lies beyond {@link #MAX_SCALE}
     */
    public static BigDecimal checked(BigDecimal d) {
        if (Math.abs((long) d.scale()) > MAX_SCALE) {
            throw new TooLongException("a number with exponent " + -(long) d.scale() + " (at most " + MAX_SCALE
                                       + " digits either side of the point are converted)");
        }
        return d;
    }

    private static boolean looksNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' || c == ',')) {
                return false;
            }
        }
        return true;
    }
}
