package dev.adfrest.camel.pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;

/**
 * A body JSONPath that names one place through member names and array indexes only: {@code $.paging.next},
 * {@code $['@odata.nextLink']}, {@code $.data[0].id}, {@code $[0].cursor}. A streaming reader can pick its value out
 * of a page as the page goes by, without building the page's tree. Filters, wildcards, slices, negative indexes, deep
 * scans, functions, several names in one bracket and the root {@code $} itself are not plain: they need the tree.
 *
 * @param path  the path as the rule wrote it
 * @param steps from the root: member names ({@link String}) and array indexes ({@link Integer})
 */
public record PlainPath(String path, List<Object> steps) {

    public PlainPath {
        steps = List.copyOf(steps);
    }

    /**
     * The plain form of a path, or empty when it is not plain. A path is only taken as plain when Jayway reads it as
     * the same steps (compared on its normalized form), so both always agree on what it names.
     */
    static Optional<PlainPath> of(String path, JsonPath compiled) {
        List<Object> steps = steps(path);
        if (steps == null || steps.isEmpty() || !compiled.isDefinite()
            || !render(steps).equals(compiled.getPath().replace('"', '\''))) {
            return Optional.empty();
        }
        return Optional.of(new PlainPath(path, steps));
    }

    /** The steps of {@code $.name}, {@code ['name']}, {@code ["name"]} and {@code [index]}; null for anything else. */
    private static List<Object> steps(String path) {
        if (!path.startsWith("$")) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && isDotNameChar(path.charAt(end))) {
                    end++;
                }
                if (end == i + 1) {
                    return null; // "..", ".*", ".["
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (c == '[' && i + 1 < path.length()) {
                char quote = path.charAt(i + 1);
                if (quote == '\'' || quote == '"') {
                    int close = path.indexOf(quote, i + 2);
                    if (close < 0 || close + 1 >= path.length() || path.charAt(close + 1) != ']') {
                        return null;
                    }
                    String name = path.substring(i + 2, close);
                    // quotes, escapes and brackets inside a name would make the normalized comparison ambiguous
                    if (name.isEmpty() || name.chars().anyMatch(ch -> "'\"\\[]".indexOf(ch) >= 0)) {
                        return null;
                    }
                    steps.add(name);
                    i = close + 2;
                } else {
                    int close = path.indexOf(']', i);
                    if (close < 0 || !path.substring(i + 1, close).matches("[0-9]{1,9}")) {
                        return null; // negative, slice, wildcard, filter, several indexes
                    }
                    steps.add(Integer.valueOf(path.substring(i + 1, close)));
                    i = close + 1;
                }
            } else {
                return null;
            }
        }
        return steps;
    }

    private static boolean isDotNameChar(char c) {
        return c != '.' && c != '[' && "]()'\"\\*?,".indexOf(c) < 0 && !Character.isWhitespace(c);
    }

    /** Jayway's normalized form of plain steps: {@code $['a'][0]['b']}. */
    private static String render(List<Object> steps) {
        StringBuilder sb = new StringBuilder("$");
        for (Object step : steps) {
            sb.append(step instanceof Integer ? "[" + step + "]" : "['" + step + "']");
        }
        return sb.toString();
    }
}
