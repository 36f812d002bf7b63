package dev.adfrest.camel.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The records of an exchange, read one at a time as batches are filled, never all at once: from Java objects (an
 * iterator of maps, trees or POJOs, whose elements may themselves hold records) or from JSON (an array of objects, or
 * one object) read with Jackson's streaming parser.
 */
public interface Records extends AutoCloseable {

    /**
     * Writes the next record to {@code generator}.
     *
     * @return                 false when there is no record left
     * @throws RecordException the next record is not one (not a JSON object), naming what it is
     * @throws IOException     the input could not be read, is not JSON, or a record could not be written as JSON
     */
    boolean writeNext(JsonGenerator generator) throws IOException;

    /** Releases the input (closes a stream that was handed over); idempotent. */
    @Override
    default void close() throws IOException {
    }

    /** A record that is not one (a JSON value that is not an object, a Java value that is no record), or input that holds no records. */
    final class RecordException extends IllegalArgumentException {

        private final boolean aboutOneRecord;

        /**
         * @param message        what is wrong: of one record, what it is ("is a string in JSON, not ..."); of the
         *                       input, a sentence ("the JSON is empty")
         * @param aboutOneRecord whether the message is about the next record rather than the input as a whole
         */
        public RecordException(String message, boolean aboutOneRecord) {
            super(message);
            this.aboutOneRecord = aboutOneRecord;
        }

        public boolean aboutOneRecord() {
            return aboutOneRecord;
        }
    }

    /** No records. */
    static Records none() {
        return generator -> false;
    }

    /** One record: a Map, a JSON object tree or a POJO. */
    static Records one(Object record) {
        return new Elements(java.util.List.of(record).iterator(), e -> null, null);
    }

    /**
     * The records of elements, in order.
     *
     * @param elements the elements
     * @param nested   the records an element holds (a list, a JSON text, a page, ...), or null when the element is a
     *                 record itself
     * @param resource closed with the records (a Stream the elements come from), or null
     */
    static Records of(Iterator<?> elements, Function<Object, Records> nested, AutoCloseable resource) {
        return new Elements(elements, nested, resource);
    }

    /** The records of a JSON tree: an array's elements, or an object. */
    static Records ofTree(JsonNode json) {
        if (json.isObject()) {
            return one(json);
        }
        if (!json.isArray()) {
            String what = article(json.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            return generator -> {
                throw new RecordException("the JSON is " + what + ", not an array of records or one record (an object)",
                        false);
            };
        }
        return new Elements(json.elements(), e -> null, null);
    }

    /** The records of JSON text: an array of objects, or one object. Closing them closes the text. */
    static Records ofJson(JsonParser parser) {
        return new JsonArray(parser);
    }

    /** @see #ofJson(JsonParser) */
    static Records ofJson(InputStream in, boolean closeSource) throws IOException {
        return ofJson(RecordJson.parser(in, closeSource));
    }

    /** @see #ofJson(JsonParser) */
    static Records ofJson(Reader in) throws IOException {
        return ofJson(RecordJson.parser(in));
    }

    /** @see #ofJson(JsonParser) */
    static Records ofJson(String text) throws IOException {
        return ofJson(RecordJson.parser(text));
    }

    /** @see #ofJson(JsonParser) */
    static Records ofJson(byte[] bytes) throws IOException {
        return ofJson(RecordJson.parser(bytes));
    }

    /** Values that are no record and hold none: Jackson writes them as something else than an object. */
    public static boolean isScalar(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof Character
               || value instanceof Enum<?> || value.getClass().isArray()
               || value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.Date
               || value instanceof java.util.UUID || value instanceof java.time.Duration;
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    /** Elements that are records, or hold records. */
    final class Elements implements Records {

        private final Iterator<?> elements;
        private final Function<Object, Records> nested;
        private final AutoCloseable resource;
        private Records inner;

        Elements(Iterator<?> elements, Function<Object, Records> nested, AutoCloseable resource) {
            this.elements = elements;
            this.nested = nested;
            this.resource = resource;
        }

        @Override
        public boolean writeNext(JsonGenerator generator) throws IOException {
            while (true) {
                if (inner != null) {
                    if (inner.writeNext(generator)) {
                        return true;
                    }
                    inner.close();
                    inner = null;
                }
                if (!elements.hasNext()) {
                    return false;
                }
                Object element = elements.next();
                Records held = element == null ? null : nested.apply(element);
                if (held != null) {
                    inner = held;
                    continue;
                }
                write(element, generator);
                return true;
            }
        }

        private static void write(Object record, JsonGenerator generator) throws IOException {
            if (record instanceof JsonNode json) {
                if (!json.isObject()) {
                    throw new RecordException("is " + article(json.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                                              + " in JSON, not a record (an object)", true);
                }
                generator.writeTree(json);
                return;
            }
            if (record == null || !(record instanceof Map) && isScalar(record) || record instanceof CharSequence) {
                throw new RecordException("is " + (record == null ? "null" : "a " + record.getClass().getName())
                                          + ", not a record (a Map, a JSON object or a POJO)", true);
            }
            generator.writeObject(record);
        }

        @Override
        public void close() throws IOException {
            try {
                if (inner != null) {
                    inner.close();
                    inner = null;
                }
            } finally {
                if (resource != null) {
                    try {
                        resource.close();
                    } catch (IOException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IOException(e);
                    }
                }
            }
        }
    }

    /**
     * A JSON array of objects, or one object, read token by token: each record is copied from the parser to the
     * generator without being built as a tree.
     */
    final class JsonArray implements Records {

        private final JsonParser parser;
        private boolean started;
        private boolean single;
        private boolean done;

        JsonArray(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public boolean writeNext(JsonGenerator generator) throws IOException {
            if (done) {
                return false;
            }
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first == JsonToken.START_OBJECT) {
                    single = true;
                    generator.copyCurrentStructure(parser);
                    return true;
                }
                if (first != JsonToken.START_ARRAY) {
                    done = true;
                    throw new RecordException(first == null ? "the JSON is empty"
                            : "the JSON starts with " + describe(first) + ", not an array of records or one record (an"
                              + " object)", false);
                }
            }
            JsonToken next = single ? null : parser.nextToken();
            if (single || next == JsonToken.END_ARRAY) {
                done = true;
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    throw new RecordException("the JSON goes on after its " + (single ? "object" : "array") + " with "
                                              + describe(trailing), false);
                }
                return false;
            }
            if (next != JsonToken.START_OBJECT) {
                throw new RecordException("is " + describe(next) + " in JSON, not a record (an object)", true);
            }
            generator.copyCurrentStructure(parser);
            return true;
        }

        private static String describe(JsonToken token) {
            return switch (token) {
                case START_ARRAY -> "an array";
                case START_OBJECT -> "an object";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
            };
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
