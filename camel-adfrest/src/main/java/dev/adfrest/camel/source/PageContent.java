package dev.adfrest.camel.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A page's body exactly as received, in memory or spooled to a temporary file, and its JSON tree, built at most once
 * and only when someone asks for it: the one holder of a page's bytes (see the package documentation). Safe to share
 * between threads.
 */
public final class PageContent implements AutoCloseable {

    private final byte[] bytes;
    private final Spools.Spool spool;
    private final long size;
    private final PageJson json;
    private volatile JsonNode tree;

    private PageContent(byte[] bytes, Spools.Spool spool, long size, JsonNode tree, PageJson json) {
        this.bytes = bytes;
        this.spool = spool;
        this.size = size;
        this.tree = tree;
        this.json = json;
    }

    /**
     * A page held in memory.
     *
     * @param tree its tree when already built, or null to build it from {@code bytes} when asked
     */
    public static PageContent inMemory(byte[] bytes, JsonNode tree, PageJson json) {
        return new PageContent(bytes, null, bytes.length, tree, json);
    }

    /** The body of a 204 No Content response. */
    static final PageContent NONE = new PageContent(new byte[0], null, 0, null, null);

    /**
     * A page in a temporary file; {@link #close()} deletes it.
     *
     * @param tree its tree when already built, or null to build it from the file when asked
     */
    static PageContent spooled(Spools.Spool spool, long size, JsonNode tree, PageJson json) {
        return new PageContent(null, spool, size, tree, json);
    }

    /** The charset the JSON was decoded in, when it is not one Jackson tells from the bytes; else null. */
    public Charset charset() {
        return json == null ? null : json.charset();
    }

    /** The body's length in bytes. */
    public long size() {
        return size;
    }

    /** Whether the body is in a temporary file rather than in memory. */
    public boolean isSpooled() {
        return spool != null;
    }

    /** The temporary file of a spooled page, or null. */
    public Path file() {
        return spool == null ? null : spool.file();
    }

    /** A second name of a spooled page's file that may be moved away ({@link Spools.Spool#workFile()}), or null. */
    public Path workFile() {
        return spool == null ? null : spool.workFile();
    }

    /** The bytes: the array itself when in memory (do not modify), read from the file each time when spooled. */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        try {
            return Files.readAllBytes(spool.file());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** A new stream of the bytes; from the file when spooled (the caller closes it). */
    public InputStream openStream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(spool.file());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private UncheckedIOException unreadable(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UncheckedIOException("The page (" + size + " bytes, over spoolThreshold) was held in a temporary"
                                            + " file, deleted when its exchange completed: read or convert the body"
                                            + " within the route, or raise spoolThreshold to keep such pages in memory",
                    e);
        }
        return new UncheckedIOException("Cannot read the spooled page " + spool + ": " + e.getMessage(), e);
    }

    /** The JSON tree, built on first use (from the file when spooled) and kept. Shared: do not modify. */
    public JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            synchronized (this) {
                t = tree;
                if (t == null) {
                    t = build();
                    tree = t;
                }
            }
        }
        return t;
    }

    private JsonNode build() {
        if (json == null) {
            throw new IllegalStateException("this page has no JSON body");
        }
        try {
            return bytes != null ? json.tree(bytes) : json.tree(openStream());
        } catch (IOException e) {
            // the page was checked when it arrived: only the spool file can fail here
            throw new UncheckedIOException("Cannot read the JSON of the page " + (spool == null ? "" : spool + " ")
                                           + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file of a spooled page; nothing for a page in memory. Idempotent. */
    @Override
    public void close() {
        if (spool != null) {
            spool.delete();
        }
    }
}
