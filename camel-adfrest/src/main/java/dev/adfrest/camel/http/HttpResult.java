package dev.adfrest.camel.http;

import java.util.List;
import java.util.Map;

/**
 * A response as read from the wire: the body complete, within the size limit.
 *
 * @param status  HTTP status code
 * @param headers response headers in arrival order (names as sent)
 * @param body    the body bytes, decompressed; empty when there is none, or when the page was not held in memory but
 *                spooled to a file (see the source's FetchedPage)
 */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body) {
}
