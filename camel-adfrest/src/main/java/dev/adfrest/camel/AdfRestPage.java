package dev.adfrest.camel;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.source.PageContent;
import dev.adfrest.camel.source.PageJson;

/**
 * The body of a page exchange: the response body exactly as received. Converts to {@code String}, {@code byte[]},
 * {@code InputStream} and Jackson {@code JsonNode} (see {@link AdfRestPageConverter}).
 * <p>
 * A page over {@code spoolThreshold} is not held in memory but in a temporary file, deleted when the exchange
 * completes: its body is an {@link AdfRestSpooledPage}, whose {@code InputStream} streams from the file (so
 * {@code to("file:...")} never loads it), while {@code String}, {@code byte[]} and {@code JsonNode} read the whole page
 * into memory. The JSON tree is built on the first conversion to {@code JsonNode}, once, and shared by later ones.
 */
public class AdfRestPage {

    private final PageContent content;
    private final Charset charset;

    AdfRestPage(PageContent content, Charset charset) {
        this.content = content;
        this.charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** The body of a page: an {@link AdfRestSpooledPage} when the page is in a file. */
    static AdfRestPage of(PageContent content, Charset charset) {
        return content.isSpooled() ? new AdfRestSpooledPage(content, charset) : new AdfRestPage(content, charset);
    }

    PageContent content() {
        return content;
    }

    /**
     * The body bytes as received (decompressed if the server compressed them). In memory: the array itself, do not
     * modify; spooled: read from the file on each call.
     */
    public byte[] getBytes() {
        return content.bytes();
    }

    /** The parsed JSON, built on first use. Shared: do not modify. */
    public JsonNode getJson() {
        return content.tree();
    }

    /** A new stream of the body (from the file when spooled); close it when done. */
    public InputStream getInputStream() {
        return content.openStream();
    }

    /**
     * A reader of the body in the charset of the response's Content-Type when JSON parsers cannot tell it from the
     * bytes (ISO-8859-1, say; close it when done), or null when they can: then the bytes are the JSON.
     */
    Reader jsonReader() {
        return PageJson.detected(charset) ? null : new InputStreamReader(content.openStream(), charset);
    }

    /** The body as text, in the charset of the response's Content-Type (UTF-8 by default). */
    public String getText() {
        return new String(content.bytes(), charset);
    }

    /** The body's length in bytes. */
    public long size() {
        return content.size();
    }

    /** Whether the page is in a temporary file (over spoolThreshold) rather than in memory. */
    public boolean isSpooled() {
        return content.isSpooled();
    }

    /** The body as text. */
    @Override
    public String toString() {
        return getText();
    }
}
