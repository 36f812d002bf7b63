package dev.adfrest.camel.source;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PageResponse;

/**
 * A page as fetched: the request that got it, the response's status and headers, what the pagination engine reads
 * of its JSON, and its body. A page that is never handed to the route must be closed (its spool file, if any, is
 * deleted).
 *
 * @param number  1-based page number in the run
 * @param request the request that fetched it
 * @param status  the HTTP status
 * @param headers the response headers in arrival order, names as sent
 * @param json    what the engine reads: the whole tree, or just the values the rules read ({@link PageJson}); null
 *                for 204 No Content
 * @param content the body exactly as received, and its tree when asked
 */
public record FetchedPage(int number, PageRequest request, int status, Map<String, List<String>> headers, JsonNode json,
                          PageContent content) implements AutoCloseable {

    /** The view of this page that the pagination engine reads. */
    public PageResponse response() {
        return new PageResponse(status, headers, json);
    }

    public boolean isNoContent() {
        return status == 204;
    }

    /** The body's length in bytes. */
    public long size() {
        return content.size();
    }

    /** Deletes the page's spool file, if any. */
    @Override
    public void close() {
        content.close();
    }
}
