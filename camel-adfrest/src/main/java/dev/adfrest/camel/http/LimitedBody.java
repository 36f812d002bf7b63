package dev.adfrest.camel.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body that fails with {@link ResponseTooLargeException} as soon as more than maxResponseSize bytes were
 * read from it, however it is read (into memory, or streamed to a spool file).
 */
final class LimitedBody extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            count(skipped);
        }
        return skipped;
    }

    private void count(long n) throws ResponseTooLargeException {
        read += n;
        if (read > limit) {
            throw new ResponseTooLargeException(read, limit);
        }
    }
}
