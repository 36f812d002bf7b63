package dev.adfrest.camel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.BaseStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.sink.Records;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.TypeConverter;
import org.apache.camel.WrappedFile;

/**
 * What the sink writes of a body: its records, read one at a time. A body holds records (a List, Iterable, Iterator,
 * Stream or array whose elements are records or hold records themselves; JSON text, bytes, a stream, a file or a tree
 * holding an array of objects or one object; a page of an adfrest consumer; a Message of operation=read, by its
 * body), or is one record (a Map, a JSON object tree, a POJO). Anything else is refused, naming its type.
 */
final class InputRecords {

    private final TypeConverter converter;

    private InputRecords(TypeConverter converter) {
        this.converter = converter;
    }

    /**
     * The records of a body.
     *
     * @throws AdfRestException the body is of a type that holds no records (null, a number, ...), naming the type
     */
    static Records of(Object body, TypeConverter converter) throws IOException {
        InputRecords input = new InputRecords(converter);
        Records held = input.held(body);
        if (held != null) {
            return held;
        }
        if (body == null || Records.isScalar(body)) {
            throw new AdfRestException("adfrest cannot write a body of type "
                                       + (body == null ? "null (no body)" : body.getClass().getName())
                                       + ": give a List, Iterable or Iterator of records (Map, JsonNode object or"
                                       + " POJO), a JSON array of objects (String, byte[], InputStream, file or JsonNode),"
                                       + " or one record (a Map, a JSON object)");
        }
        return Records.one(body);
    }

    /** The records a value holds; null when it is a record itself (or nothing that holds records). */
    private Records held(Object value) {
        try {
            return heldOrThrow(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Records heldOrThrow(Object value) throws IOException {
        if (value == null || value instanceof Map) {
            return null;
        }
        if (value instanceof Message message) {
            Object body = message.getBody();
            Records held = held(body);
            return held != null ? held : body == null ? Records.none() : Records.one(body);
        }
        if (value instanceof AdfRestPage page) {
            Reader text = page.jsonReader();
            return text != null ? Records.ofJson(text) : Records.ofJson(page.getInputStream(), true);
        }
        if (value instanceof JsonNode json) {
            return json.isObject() ? null : Records.ofTree(json);
        }
        if (value instanceof CharSequence text) {
            return Records.ofJson(text.toString());
        }
        if (value instanceof byte[] bytes) {
            return Records.ofJson(bytes);
        }
        if (value instanceof StreamCache cache) {
            return ofCache(cache);
        }
        if (value instanceof InputStream in) {
            return Records.ofJson(in, true);
        }
        if (value instanceof Reader in) {
            return Records.ofJson(in);
        }
        if (value instanceof WrappedFile<?> || value instanceof File) {
            return Records.ofJson(stream(value), true);
        }
        if (value instanceof Path path) {
            return Records.ofJson(Files.newInputStream(path), true);
        }
        if (value instanceof Iterator<?> elements) {
            return Records.of(elements, this::held, null);
        }
        if (value instanceof Iterable<?> elements) {
            return Records.of(elements.iterator(), this::held, null);
        }
        if (value instanceof BaseStream<?, ?> stream) {
            return Records.of(stream.iterator(), this::held, stream);
        }
        if (value instanceof Object[] elements) {
            return Records.of(Arrays.asList(elements).iterator(), this::held, null);
        }
        return null;
    }

    private InputStream stream(Object value) throws IOException {
        try {
            return converter.mandatoryConvertTo(InputStream.class, value);
        } catch (org.apache.camel.NoTypeConversionAvailableException | org.apache.camel.TypeConversionException e) {
            throw new IOException("cannot read " + value.getClass().getName() + " as a stream: " + e.getMessage(), e);
        }
    }

    /** A cached stream is read from its start and left as it was, for the steps after the producer. */
    private Records ofCache(StreamCache cache) throws IOException {
        cache.reset();
        InputStream in = cache instanceof InputStream stream ? stream : stream(cache);
        Records json = Records.ofJson(in, false);
        return new Records() {
            @Override
            public boolean writeNext(com.fasterxml.jackson.core.JsonGenerator generator) throws IOException {
                return json.writeNext(generator);
            }

            @Override
            public void close() throws IOException {
                json.close();
                cache.reset();
            }
        };
    }
}
