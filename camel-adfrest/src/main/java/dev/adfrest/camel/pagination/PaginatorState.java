package dev.adfrest.camel.pagination;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.adfrest.camel.support.Json;

/**
 * Where a run stands, enough to resume it in another process: {@link Paginator#resume} continues with {@link #next()}
 * as its first request. Holds no credentials (requests never do), but a next link may carry a cursor the API treats as
 * confidential: store it where you would store the endpoint's configuration.
 *
 * @param next         the request to make next
 * @param base         {@code next} before its RANGE placeholders were filled (what later requests are built from)
 * @param requestsMade the pages of the whole run before {@code next} ({@code next} is page requestsMade+1, counted
 *                     against MaxRequestNumber); with partitions, other partitions' pages included
 * @param cursors      the value each RANGE rule (by key) has in {@code next}
 */
public record PaginatorState(PageRequest next, PageRequest base, int requestsMade, Map<String, Long> cursors)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public PaginatorState {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(base, "base");
        if (requestsMade < 0) {
            throw new IllegalArgumentException("requestsMade must not be negative");
        }
        cursors = cursors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cursors));
    }

    /** The state as one JSON text, e.g. for a Camel StateRepository. */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a state written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when the text is not such a state
     */
    public static PaginatorState fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, PaginatorState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a saved pagination state: " + e.getOriginalMessage());
        }
    }
}
