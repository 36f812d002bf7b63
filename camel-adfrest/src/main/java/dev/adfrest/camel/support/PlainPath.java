package dev.adfrest.camel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.JsonPath;

/**
 * A JSONPath that names one place through member names and array indexes only: {@code $.paging.next},
 * {@code $['@odata.nextLink']}, {@code $.data[0].id}, {@code $[0].cursor}. Such a path is read by walking the tree
 * ({@link #walk}), which gives what Jayway gives at a fraction of the cost, and a streaming reader can pick its value
 * out of a page as the page goes by. Filters, wildcards, slices, negative indexes, deep scans, functions, several
 * names in one bracket and the root {@code $} itself are not plain: Jayway evaluates them.
 *
 * @param path  the path as the user wrote it
 * @param steps from the root: member names ({@link String}) and array indexes ({@link Integer}); never empty
 */
public record PlainPath(String path, List<Object> steps) {

    /** Jayway's normalized form of a path of names and indexes: {@code $['a'][0]['b']}. */
    private static final Pattern NORMALIZED = Pattern.compile("\\$(?:\\['[^'\\\\\\[\\]\"]+'\\]|\\[\\d{1,9}\\])+");
    private static final Pattern STEP = Pattern.compile("\\['([^'\\\\\\[\\]\"]+)'\\]|\\[(\\d{1,9})\\]");

    public PlainPath {
        steps = List.copyOf(steps);
    }

    /**
     * The plain form of a compiled path, or empty when it is not plain. The steps are read off Jayway's own normalized
     * form of the path, so both always agree on what it names.
     *
     * @param path     the path as written, for messages
     * @param compiled the path as Jayway compiled it
     */
    public static Optional<PlainPath> of(String path, JsonPath compiled) {
        String normalized = compiled.getPath().replace('"', '\'');
        if (!compiled.isDefinite() || !NORMALIZED.matcher(normalized).matches()) {
            return Optional.empty();
        }
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(normalized);
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
        }
        return Optional.of(new PlainPath(path, steps));
    }

    /**
     * The node this path names, or null where Jayway finds nothing: a missing name, a step into a value of the wrong
     * kind (a name on an array, an index on an object), an index past the end before the last step. Jayway would hand
     * back the same node (values unwrapped and rewrapped into the same node types), so both read the same; like
     * Jayway, an index past the end as the last step reads as a JSON null, not as missing.
     */
    public JsonNode walk(JsonNode root) {
        JsonNode node = root;
        int last = steps.size() - 1;
        for (int i = 0; i <= last && node != null; i++) {
            if (steps.get(i) instanceof Integer index) {
                if (!node.isArray()) {
                    return null;
                }
                node = node.get(index);
                if (node == null && i == last) {
                    return NullNode.getInstance();
                }
            } else {
                node = node.isObject() ? node.get((String) steps.get(i)) : null;
            }
        }
        return node;
    }
}
