package dev.adfrest.camel.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.http.HttpResult;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PageResponse;

/**
 * A page as fetched: the request that got it, the raw response and its JSON, parsed once.
 *
 * @param number  1-based page number in the run
 * @param request the request that fetched it
 * @param http    status, headers and the body bytes exactly as received
 * @param json    the parsed body; null for 204 No Content
 */
public record FetchedPage(int number, PageRequest request, HttpResult http, JsonNode json) {

    /** The view of this page that the pagination engine reads. */
    public PageResponse response() {
        return new PageResponse(http.status(), http.headers(), json);
    }

    public boolean isNoContent() {
        return http.status() == 204;
    }
}
