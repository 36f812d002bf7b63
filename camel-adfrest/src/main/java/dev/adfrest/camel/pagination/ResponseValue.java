package dev.adfrest.camel.pagination;

import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import dev.adfrest.camel.support.PlainPath;

/**
 * Where a rule reads its value in a response: a JSONPath into the body, or a response header.
 */
public sealed interface ResponseValue {

    /** How the user wrote it, for messages. */
    String describe();

    /**
     * A JSONPath starting with {@code $}, compiled once per endpoint.
     *
     * @param path      the path as written
     * @param compiled  the compiled path
     * @param plainPath the same path as member names and indexes when it is that simple (then read by walking the
     *                  tree, which gives what Jayway gives at a fraction of the cost), or null
     */
    record BodyPath(String path, JsonPath compiled, PlainPath plainPath) implements ResponseValue {

        BodyPath(String path, JsonPath compiled) {
            this(path, compiled, PlainPath.of(path, compiled).orElse(null));
        }

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
            return Optional.ofNullable(plainPath);
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
