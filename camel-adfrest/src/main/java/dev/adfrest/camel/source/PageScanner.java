package dev.adfrest.camel.source;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.ClassUtil;
import dev.adfrest.camel.support.PlainPath;

/**
 * One streaming pass over a page: checks that it is one complete JSON value, refusing what
 * {@code ObjectMapper.readTree} refuses with the same exceptions and messages, and picks out the values the
 * pagination rules read, following a trie of their plain paths and skipping everything else with
 * {@code skipChildren()}.
 * <p>
 * The result is a sparse tree for the pagination engine, on which each rule's path gives what it gives on the whole
 * page: every position on a rule's path has its real kind (object, array, value); values are read exactly as readTree
 * reads them; arrays keep their indexes. A container a rule reads itself is kept only as far as the engine looks at
 * one: its kind, whether it is empty, and for an array whether it has one element or more, and that first element's
 * kind or value (a one-element list stands for its element). Everything else is left out.
 */
final class PageScanner {

    private static final String TRAILING = "Trailing token (of type %s) found after value (bound as %s): not allowed"
                                           + " as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`";

    /** A position some rule's path goes through. */
    private static final class Step {
        final Map<String, Step> names = new HashMap<>();
        final Map<Integer, Step> indexes = new HashMap<>();
        int lastIndex = -1;
        /** A rule reads this position's value itself (not only something below it). */
        boolean read;
    }

    private final Step root = new Step();
    private final ObjectReader values;
    private final JsonNodeFactory nodes;

    /**
     * @param paths  what the rules read
     * @param values reads a value exactly as the page's tree would hold it (same mapper, same number types)
     */
    PageScanner(List<PlainPath> paths, ObjectReader values) {
        this.values = values;
        this.nodes = values.getConfig().getNodeFactory();
        for (PlainPath path : paths) {
            Step step = root;
            for (Object name : path.steps()) {
                if (name instanceof Integer index) {
                    step.lastIndex = Math.max(step.lastIndex, index);
                    step = step.indexes.computeIfAbsent(index, i -> new Step());
                } else {
                    step = step.names.computeIfAbsent((String) name, n -> new Step());
                }
            }
            step.read = true;
        }
    }

    /**
     * Reads the whole document from a fresh parser.
     *
     * @return the sparse tree; {@link MissingNode} for a body of whitespace only, as readTree gives
     * @throws IOException Jackson's exceptions for what is not one whole JSON value, and the input's own failures
     */
    JsonNode scan(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode sparse = value(parser, root);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw MismatchedInputException.from(parser, JsonNode.class,
                    String.format(TRAILING, trailing, ClassUtil.nameOf(JsonNode.class)));
        }
        return sparse;
    }

    /** The value at the parser's current token, which sits on a rule's path; the parser ends on its last token. */
    private JsonNode value(JsonParser p, Step step) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return object(p, step);
        }
        if (token == JsonToken.START_ARRAY) {
            return array(p, step);
        }
        if (token == JsonToken.VALUE_STRING) {
            // what readTree makes of a string (a next link, on every page), without a deserialization context
            return nodes.textNode(p.getText());
        }
        return values.readTree(p);
    }

    private ObjectNode object(JsonParser p, Step step) throws IOException {
        ObjectNode out = nodes.objectNode();
        String other = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            Step child = step.names.get(name);
            p.nextToken();
            if (child != null) {
                out.set(name, value(p, child)); // a repeated name: the last one wins, as in readTree
            } else {
                if (other == null) {
                    other = name;
                }
                p.skipChildren();
            }
        }
        if (step.read && out.isEmpty() && other != null) {
            out.putNull(other); // a rule tests this object for emptiness: it is not empty (no rule reads that name)
        }
        return out;
    }

    private ArrayNode array(JsonParser p, Step step) throws IOException {
        ArrayNode out = nodes.arrayNode();
        // a rule reading the array itself sees whether it has 0, 1 or more elements; rules below it need the indexes
        int keep = Math.max(step.read ? 2 : 0, step.lastIndex + 1);
        int i = 0;
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken(), i++) {
            if (token == null) {
                throw new IllegalStateException("the JSON parser ended inside an array"); // Jackson throws first
            }
            Step child = i <= step.lastIndex ? step.indexes.get(i) : null;
            if (child != null) {
                out.add(value(p, child));
            } else if (i == 0 && step.read) {
                out.add(kindOf(p)); // a one-element array counts as its element
            } else {
                p.skipChildren();
                if (i < keep) {
                    out.addNull(); // holds the place of an element no rule reads
                }
            }
        }
        return out;
    }

    /** An element looked at only for what it is: a value exactly, a container as an empty one of its kind. */
    private JsonNode kindOf(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            p.skipChildren();
            return token == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
        }
        return values.readTree(p);
    }
}
