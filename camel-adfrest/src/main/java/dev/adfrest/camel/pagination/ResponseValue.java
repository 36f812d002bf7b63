package dev.adfrest.camel.pagination;

import java.util.Optional;

import com.jayway.jsonpath.JsonPath;

/**
 * Where a rule reads its value in a response: a JSONPath into the body, or a response header.
 */
public sealed interface ResponseValue {

    /** How the user wrote it, for messages. */
    String describe();

    /**
     * A JSONPath starting with {@code $}, compiled once per endpoint.
     *
     * @param path     the path as written
     * @param compiled the compiled path
     */
    record BodyPath(String path, JsonPath compiled) implements ResponseValue {
        @Override
        public String describe() {
            return path;
        }

        /** Whether the path names one place ({@code $.a.b}) rather than selecting a list (filters, slices, wildcards). */
        public boolean definite() {
            return compiled.isDefinite();
        }

        /** This path as member names and indexes, when it is that simple (a streaming reader can then follow it). */
        public Optional<PlainPath> plain() {
            return PlainPath.of(path, compiled);
        }
    }

    /**
     * {@code Headers.<name>} / {@code headers.<name>}: a response header (name matched ignoring case; the first value
     * when the header repeats).
     */
    record ResponseHeader(String name) implements ResponseValue {
        @Override
        public String describe() {
            return "Headers['" + name + "']";
        }
    }
}
