package dev.adfrest.camel.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * ADF's {@code collectionReference}: the JSONPath of the array whose elements are a page's records ({@code $.data},
 * {@code $['value']}, {@code $} for a page that is a top-level array). Compiled once per endpoint.
 */
final class CollectionReference {

    private final JsonPathRef path;

    private CollectionReference(JsonPathRef path) {
        this.path = path;
    }

    /**
     * @param  option                   how the user set it, for messages ("collectionReference", "translator
     *                                  collectionReference")
     * @throws IllegalArgumentException naming the option when the path is not valid or not absolute
     */
    static CollectionReference compile(String option, String path) {
        JsonPathRef ref;
        try {
            ref = JsonPathRef.compile(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
        if (!ref.absolute()) {
            throw new IllegalArgumentException(option + " '" + path + "' must start at the root, as in $.data or $");
        }
        return new CollectionReference(ref);
    }

    /**
     * The records under {@code root}: the elements of the array the path names; a single object counts as one
     * record; missing or null means none. A path with wildcards contributes every match (arrays by their elements).
     *
     * @throws MappingException when the path names a single string, number or boolean
     */
    List<JsonNode> records(JsonNode root) {
        JsonNode found = path.find(root);
        if (found == null || found.isNull() || found.isMissingNode()) {
            return List.of();
        }
        if (path.definite()) {
            if (found instanceof ArrayNode array) {
                return new RecordList(array); // the elements where they are, not copied
            }
            if (found.isObject()) {
                return List.of(found);
            }
            throw new MappingException("collectionReference " + path + " names a " + found.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", not an array of records", 0, null);
        }
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode match : found) {
            if (match.isArray()) {
                match.forEach(records::add);
            } else if (!match.isNull()) {
                records.add(match);
            }
        }
        return records;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
