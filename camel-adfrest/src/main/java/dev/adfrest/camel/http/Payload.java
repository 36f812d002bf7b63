package dev.adfrest.camel.http;

/**
 * A request body the caller built, sent as it is: the first {@code length} bytes of {@code bytes}, with the
 * Content-Encoding they are in.
 *
 * @param bytes           the buffer holding the body
 * @param length          how many of its bytes are the body
 * @param contentEncoding gzip, or null when not compressed
 */
public record Payload(byte[] bytes, int length, String contentEncoding) {
}
