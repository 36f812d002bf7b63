package dev.adfrest.camel.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a response body into one array of exactly its size. With a Content-Length the array grows as bytes arrive, up
 * to that size, so that a length the server only claims never allocates more than what came (a hostile
 * {@code Content-Length: 104857600} followed by ten bytes costs 64 KiB); a body that arrives whole fills the last
 * array exactly, with no final copy. Without a length (chunked, compressed) the bytes go into a buffer the thread
 * keeps between responses, then one copy of the right size is made.
 */
public final class BodyBytes {

    /** The largest array the JVM reliably allocates. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** A thread keeps its read buffer up to this size; a larger one (a rare huge chunked page) is left to the GC. */
    private static final int KEEP = 1 << 20;
    private static final int FIRST = 64 * 1024;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[FIRST]);

    private BodyBytes() {
    }

    /**
     * The first bytes of a body: all of it when {@link #complete()}, otherwise as many as were asked for plus one
     * (proof that more follow), in a buffer that is only valid until the thread reads another body.
     *
     * @param buffer   the bytes, from index 0
     * @param length   how many bytes of {@code buffer} are the body's
     * @param complete whether the body ended within them
     */
    public record Head(byte[] buffer, int length, boolean complete) {

        /** The bytes in an array of their own, exactly their size. */
        public byte[] copy() {
            return Arrays.copyOf(buffer, length);
        }
    }

    /**
     * The whole body.
     *
     * @param length the declared length, or -1 when unknown
     */
    public static byte[] readAll(InputStream in, long length) throws IOException {
        if (length >= 0 && length <= MAX_ARRAY) {
            int size = (int) length;
            byte[] body = new byte[Math.min(size, FIRST)];
            int n = 0;
            while (true) {
                n += in.readNBytes(body, n, body.length - n);
                if (n < body.length || n == size) {
                    break; // the end of the body, or of the declared length
                }
                body = Arrays.copyOf(body, (int) Math.min(2L * body.length, size)); // more came than the last chunk held
            }
            // HttpClient never reads past Content-Length and throws when a body ends early: n < length is defensive
            return n == body.length ? body : Arrays.copyOf(body, n);
        }
        Head head = readAtMost(in, MAX_ARRAY - 1);
        if (!head.complete()) {
            throw new IOException("the response body is over 2 GiB, more than a Java array holds");
        }
        return head.copy();
    }

    /** Reads until the body ends or more than {@code limit} bytes came: see {@link Head}. */
    public static Head readAtMost(InputStream in, long limit) throws IOException {
        int wanted = limit >= MAX_ARRAY ? MAX_ARRAY : (int) limit + 1;
        byte[] buffer = BUFFER.get();
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length == wanted) {
                    break;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(2L * buffer.length, FIRST), wanted));
            }
            int n = in.read(buffer, length, Math.min(buffer.length, wanted) - length);
            if (n < 0) {
                keep(buffer);
                return new Head(buffer, length, true);
            }
            length += n;
            if (length == wanted) {
                break;
            }
        }
        keep(buffer);
        return new Head(buffer, length, false);
    }

    private static void keep(byte[] buffer) {
        if (buffer.length <= KEEP && buffer != BUFFER.get()) {
            BUFFER.set(buffer);
        }
    }
}
