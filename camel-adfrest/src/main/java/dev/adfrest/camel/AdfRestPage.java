package dev.adfrest.camel;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a page exchange: the response body exactly as received, with its JSON already parsed. Converts to
 * {@code String}, {@code byte[]}, {@code InputStream} and Jackson {@code JsonNode} (see
 * {@link AdfRestPageConverter}); the JSON is never parsed twice.
 */
public final class AdfRestPage {

    private final byte[] bytes;
    private final JsonNode json;
    private final Charset charset;

    public AdfRestPage(byte[] bytes, JsonNode json, Charset charset) {
        this.bytes = bytes;
        this.json = json;
        this.charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** The body bytes as received (decompressed if the server compressed them). Do not modify. */
    public byte[] getBytes() {
        return bytes;
    }

    /** The parsed JSON. Shared: do not modify. */
    public JsonNode getJson() {
        return json;
    }

    public InputStream getInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    public int size() {
        return bytes.length;
    }

    /** The body as text. */
    @Override
    public String toString() {
        return new String(bytes, charset);
    }
}
