package dev.adfrest.camel.support;

import java.util.Collection;
import java.util.Locale;

/**
 * Near misses of option names. An endpoint forwards the query parameters it does not know to the API, as camel-http
 * does; a misspelt option ({@code clientSecrte}) would then silently go to the API (a secret in a URL, and an option
 * that does nothing). A parameter within two edits of a known option is refused instead, with a "did you mean".
 */
public final class OptionNames {

    private OptionNames() {
    }

    /**
     * The option {@code parameter} is most likely a misspelling of, or null when it is none: the same name in another
     * letter case, or (ignoring case) one edit (insert, delete, replace, swap two neighbours) from an option of 5 to 7
     * letters or two edits from a longer one. A name that merely extends an option by two or more characters
     * ({@code tenantId}, {@code source}) is an API's own parameter, not a typo.
     */
    public static String nearMiss(String parameter, Collection<String> options) {
        String p = parameter.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : options) {
            String o = option.toLowerCase(Locale.ROOT);
            if (o.length() < 5 || option.equals(parameter)) {
                continue;
            }
            int allowed = o.length() >= 8 ? 2 : 1;
            if (Math.abs(o.length() - p.length()) > allowed
                || Math.abs(o.length() - p.length()) >= 2 && (o.contains(p) || p.contains(o))) {
                continue;
            }
            int d = distance(p, o);
            if (d <= allowed && d < bestDistance) {
                best = option;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: insertions, deletions, replacements and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
