package dev.adfrest.camel.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code watermarkPath}: reads each record's watermark value and keeps the highest. The path is compiled once per
 * endpoint and applied to each record ({@link PageOutput#records}): {@code $.updatedAt} (or {@code updatedAt}) is the
 * record's field. A path that names several places ({@code $.versions[*].modified}) contributes every match. Pure.
 */
public final class WatermarkReader {

    /** The longest excerpt of an unusable value shown in a message. */
    private static final int EXCERPT = 60;

    private final JsonPathRef path;

    private WatermarkReader(JsonPathRef path) {
        this.path = path;
    }

    /**
     * @throws IllegalArgumentException naming the option when the path is not a valid JSONPath
     */
    public static WatermarkReader compile(String watermarkPath) {
        try {
            return new WatermarkReader(JsonPathRef.compile(watermarkPath));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option 'watermarkPath': " + e.getMessage(), e);
        }
    }

    /** The path as written. */
    public String path() {
        return path.toString();
    }

    /**
     * What a page's records say about the watermark.
     *
     * @param highest  the highest value once the page is counted: the one given, or a higher value of the page
     * @param records  how many records the page has
     * @param values   values read and compared (a record may give several, or none)
     * @param without  records without a value at the path (missing or null): they do not count for the watermark
     * @param misfits  values that could not be compared: not a number or string, too long, with a control
     *                 character, or of another kind than the watermark (a string among date-times)
     * @param misfit   the first of those, described; null when there is none
     */
    public record Reading(WatermarkValue highest, int records, int values, int without, int misfits, String misfit) {
    }

    /**
     * Reads the records of one page.
     *
     * @param records the page's records
     * @param highest the highest value so far (the value the run started from, or higher), or null when there is none
     *                yet: then the first value read decides the watermark's kind
     */
    public Reading read(List<JsonNode> records, WatermarkValue highest) {
        int values = 0;
        int without = 0;
        int misfits = 0;
        String misfit = null;
        for (JsonNode record : records) {
            JsonNode found = path.find(record);
            int present = 0;
            if (found != null && !found.isMissingNode()) {
                for (JsonNode node : path.definite() ? List.of(found) : found) {
                    if (node.isNull()) {
                        continue;
                    }
                    present++;
                    WatermarkValue value = WatermarkValue.of(node);
                    if (value == null || highest != null && !highest.comparesWith(value)) {
                        if (misfits++ == 0) {
                            misfit = describe(node, value, highest);
                        }
                        continue;
                    }
                    values++;
                    highest = highest == null ? value : highest.max(value);
                }
            }
            if (present == 0) {
                without++;
            }
        }
        return new Reading(highest, records.size(), values, without, misfits, misfit);
    }

    private static String excerpt(String text) {
        String shown = text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static String describe(JsonNode node, WatermarkValue value, WatermarkValue highest) {
        String shown = excerpt(node.isTextual() ? node.textValue() : node.toString());
        if (value == null) {
            return shown + " (" + (node.isTextual() || node.isNumber() ? "too long, out of bounds or with a control"
                                                                          + " character" : "not a number or string")
                   + ")";
        }
        return shown + " (" + value.kind().described() + ", but the watermark " + excerpt(highest.text()) + " is "
               + highest.kind().described() + ")";
    }
}
