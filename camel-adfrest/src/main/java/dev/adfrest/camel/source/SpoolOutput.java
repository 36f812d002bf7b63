package dev.adfrest.camel.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes a spool file in the background: bytes collect in one of a few large buffers, and a full buffer is handed to
 * an {@link AsynchronousFileChannel} while the next one fills. The thread reading the page (socket reads and the JSON
 * pass) then does not also wait on the disk; memory stays bounded by the buffers.
 */
final class SpoolOutput extends OutputStream {

    private static final int BUFFER = 1 << 20;
    private static final int BUFFERS = 3;

    private final AsynchronousFileChannel channel;
    private final ByteBuffer[] buffers = new ByteBuffer[BUFFERS];
    @SuppressWarnings("unchecked")
    private final Future<Integer>[] writes = new Future[BUFFERS];
    private final long[] starts = new long[BUFFERS];
    private int current;
    private long position;
    private boolean closed;

    SpoolOutput(Path file) throws IOException {
        this.channel = AsynchronousFileChannel.open(file, StandardOpenOption.WRITE);
        this.buffers[0] = ByteBuffer.allocate(BUFFER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            ByteBuffer buffer = buffers[current];
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
            if (!buffer.hasRemaining()) {
                submit();
            }
        }
    }

    /** Hands the current buffer to the channel and makes the next one current, once its last write is done. */
    private void submit() throws IOException {
        ByteBuffer buffer = buffers[current];
        buffer.flip();
        start(current, buffer);
        current = (current + 1) % BUFFERS;
        await(current);
        if (buffers[current] == null) {
            buffers[current] = ByteBuffer.allocate(BUFFER);
        }
        buffers[current].clear();
    }

    /** Starts writing buffer {@code i} after what was written so far (its length is taken before the write eats it). */
    private void start(int i, ByteBuffer buffer) {
        int length = buffer.remaining();
        starts[i] = position;
        writes[i] = channel.write(buffer, position);
        position += length;
    }

    /** Waits until the write of buffer {@code i} (if any) is complete, writing again what a short write left. */
    private void await(int i) throws IOException {
        Future<Integer> write = writes[i];
        if (write == null) {
            return;
        }
        writes[i] = null;
        try {
            write.get();
            ByteBuffer buffer = buffers[i];
            while (buffer.hasRemaining()) { // a short write: not seen on regular files, handled anyway
                channel.write(buffer, starts[i] + buffer.position()).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a spooled page");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Writes what is buffered and waits for every write; the file is complete when this returns. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ByteBuffer last = buffers[current];
            if (last.position() > 0) {
                last.flip();
                start(current, last);
            }
            for (int i = 0; i < BUFFERS; i++) {
                await((current + 1 + i) % BUFFERS);
            }
        } finally {
            channel.close();
        }
    }
}
