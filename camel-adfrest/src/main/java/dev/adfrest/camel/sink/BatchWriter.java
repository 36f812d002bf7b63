package dev.adfrest.camel.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.adfrest.camel.AdfRestWriteException;
import dev.adfrest.camel.http.HttpStatusException;
import dev.adfrest.camel.http.HttpTransport;
import dev.adfrest.camel.http.Payload;
import dev.adfrest.camel.http.RetryPolicy;
import dev.adfrest.camel.source.CopyRun;
import dev.adfrest.camel.source.RunObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ADF's REST sink: writes an exchange's records to the API as JSON arrays of at most writeBatchSize records, one
 * request after another. Each batch is written into a buffer (gzip-compressed when asked) while its records are read,
 * then sent with a known length, so that it can be sent again as it was; the input is never held whole. While a batch
 * is being sent (on a sender thread), the next one is written into a second buffer: at most two batches are in memory,
 * and a batch is sent only once the one before it was answered. A batch answered with a transient fault is sent again
 * as {@link RetryPolicy#decideWrite} allows; one that fails for good ends the exchange there, and the batch written
 * meanwhile is never sent ({@link WriteFailures}). Safe for concurrent exchanges: each write has its own buffers;
 * requestInterval is kept between any two requests of the producer.
 */
public final class BatchWriter implements java.io.Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    /** The first size of a batch buffer; it grows to fit the largest batch of the exchange. */
    private static final int FIRST_BUFFER = 16 * 1024;
    private static final int GZIP_BUFFER = 64 * 1024;
    private static final long NEVER = Long.MIN_VALUE;

    private final HttpTransport transport;
    /** The threads batches are sent on while the next is written; null: sent on the caller's thread. */
    private final ExecutorService senders;
    private final SinkOptions options;
    private final CopyRun.Sleeper sleeper;
    /** Told of every request, retry and batch written (the producer's stats, its meters). */
    private final RunObserver observer;
    /** When the last request of this producer ended (System.nanoTime), for requestInterval. */
    private final AtomicLong lastRequestEnd = new AtomicLong(NEVER);

    /**
     * What an exchange's write has done so far; read for the exchange's headers, also after a failure.
     */
    public static final class Progress {
        private volatile long records;
        private volatile int requests;
        private volatile int lastStatus;
        private int batches;
        private long bytes;

        /** Records the API took. */
        public long records() {
            return records;
        }

        /** Requests sent, retries included. */
        public int requests() {
            return requests;
        }

        /** The status of the last answer, 0 when none came. */
        public int lastStatus() {
            return lastStatus;
        }

        /** Batches the API took. */
        public int batches() {
            return batches;
        }

        /** Body bytes of those batches, as sent (compressed with gzip). */
        public long bytes() {
            return bytes;
        }
    }

    /**
     * @param senders the threads batches are sent on while the next one is written (the writer shuts them down when
     *                it closes), or null to send on the caller's thread
     */
    public BatchWriter(HttpTransport transport, ExecutorService senders, SinkOptions options, CopyRun.Sleeper sleeper,
                       RunObserver observer) {
        this.transport = transport;
        this.senders = senders;
        this.options = options;
        this.sleeper = sleeper;
        this.observer = observer;
    }

    /**
     * Writes every record, batch after batch; none when there are none (no request is sent).
     *
     * @param  progress              updated as batches are written
     * @throws AdfRestWriteException a batch could not be read or written; those before it were written
     */
    public void write(Records records, Progress progress) {
        Buffer[] buffers = { new Buffer(), new Buffer() };
        InFlight sending = null;
        try {
            for (int number = 1;; number++) {
                Buffer buffer = buffers[number % 2];
                long before = progress.records + (sending == null ? 0 : sending.batch().records());
                int count;
                try {
                    count = fill(records, buffer, new WriteFailures.Batch(number, before + 1, 0, before));
                } catch (AdfRestWriteException unread) {
                    finish(sending, progress); // an earlier batch's failure comes first
                    sending = null;
                    throw unread;
                }
                finish(sending, progress);
                sending = null;
                if (count == 0) {
                    return;
                }
                sending = start(new WriteFailures.Batch(number, before + 1, count, before), buffer, progress);
            }
        } finally {
            if (sending != null) {
                sending.future().cancel(true); // the caller is gone (interrupted): no batch outlives its write
            }
        }
    }

    /** A batch being sent, and its body's length. */
    private record InFlight(WriteFailures.Batch batch, long bytes, Future<?> future) {
    }

    private InFlight start(WriteFailures.Batch batch, Buffer buffer, Progress progress) {
        if (senders == null) {
            send(batch, buffer, progress);
            return new InFlight(batch, buffer.length, CompletableFuture.completedFuture(null));
        }
        return new InFlight(batch, buffer.length, senders.submit(() -> send(batch, buffer, progress)));
    }

    /** Waits for the batch being sent; counts it as written, or throws why it was not. */
    private void finish(InFlight sending, Progress progress) {
        if (sending == null) {
            return;
        }
        try {
            sending.future().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            sending.future().cancel(true);
            Thread.currentThread().interrupt();
            throw WriteFailures.sent(new java.io.InterruptedIOException("interrupted while the batch was sent"),
                    options.request(), sending.batch(), 1, options.api().masking());
        }
        progress.records += sending.batch().records();
        progress.batches++;
        progress.bytes += sending.bytes();
        observer.recordsWritten(sending.batch().records());
    }

    /** Writes the next batch's records into the buffer: a JSON array, compressed when asked. */
    private int fill(Records records, Buffer buffer, WriteFailures.Batch batch) {
        buffer.reset();
        int count = 0;
        try (JsonGenerator json = RecordJson.generator(options.gzip() ? new GZIPOutputStream(buffer, GZIP_BUFFER)
                : buffer)) {
            json.writeStartArray();
            while (count < options.batchSize() && records.writeNext(json)) {
                count++;
            }
            json.writeEndArray();
        } catch (IOException | RuntimeException e) {
            throw WriteFailures.input(e, batch, batch.first() + count);
        }
        return count;
    }

    private void send(WriteFailures.Batch batch, Buffer buffer, Progress progress) {
        Payload payload = new Payload(buffer.bytes, buffer.length, options.gzip() ? "gzip" : null);
        RetryPolicy policy = options.api().retry();
        String method = options.request().method();
        int attempts = 0;
        try {
            pace();
            for (int retries = 0;; retries++) {
                long start = System.nanoTime();
                attempts++;
                progress.requests++;
                observer.requestSent();
                try {
                    int status = transport.send(options.request(), payload, (code, headers, body, length) -> {
                        if (code >= 300) { // a redirect without a Location: not written either
                            byte[] head = body.readNBytes(HttpStatusException.EXCERPT_BYTES);
                            throw new HttpStatusException(code, headers,
                                    new String(head, java.nio.charset.StandardCharsets.UTF_8));
                        }
                        body.transferTo(OutputStream.nullOutputStream()); // the connection goes back to the pool
                        return code;
                    });
                    progress.lastStatus = status;
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("Batch {} (records {}-{}, {} bytes{}): {} {} -> {} in {} ms", batch.number(),
                                batch.first(), batch.first() + batch.records() - 1, payload.length(),
                                options.gzip() ? " gzip" : "", method, options.api().masking().url(options.request().url()),
                                status, (System.nanoTime() - start) / 1_000_000);
                    }
                    return;
                } catch (IOException | RuntimeException e) {
                    if (e instanceof HttpStatusException http) {
                        progress.lastStatus = http.status();
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("the producer is stopping");
                    }
                    RetryPolicy.Decision decision = policy.decideWrite(method, e, retries, Instant.now(),
                            ThreadLocalRandom.current()::nextDouble);
                    if (decision instanceof RetryPolicy.Retry retry) {
                        LOG.warn("Batch {} (records {}-{}): {} {} failed ({}); retry {} of {} in {} ms", batch.number(),
                                batch.first(), batch.first() + batch.records() - 1, method,
                                options.api().masking().url(options.request().url()), retry.reason(), retries + 1,
                                policy.maxRetries(), retry.delay().toMillis());
                        observer.retried(retry.reason());
                        sleeper.sleep(retry.delay());
                        continue;
                    }
                    String reason = ((RetryPolicy.GiveUp) decision).reason();
                    if (reason != null) {
                        LOG.warn("Batch {} (records {}-{}): {} {} failed, not retried: {}", batch.number(), batch.first(),
                                batch.first() + batch.records() - 1, method,
                                options.api().masking().url(options.request().url()), reason);
                    }
                    throw WriteFailures.sent(e, options.request(), batch, retries + 1, options.api().masking());
                } finally {
                    lastRequestEnd.set(System.nanoTime());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WriteFailures.sent(new java.io.InterruptedIOException("interrupted: " + e.getMessage()),
                    options.request(), batch, attempts, options.api().masking());
        }
    }

    /** Connections lent out right now: requests in progress (0 between requests). */
    public int leasedConnections() {
        return transport.leasedConnections();
    }

    /** Stops the sender threads, closes the connection pool and signs out. */
    @Override
    public void close() throws IOException {
        if (senders != null) {
            senders.shutdownNow();
        }
        transport.close();
    }

    /** Waits until requestInterval has passed since the producer's last request ended. */
    private void pace() throws InterruptedException {
        long last = lastRequestEnd.get();
        if (options.requestInterval().isZero() || last == NEVER) {
            return;
        }
        long wait = last + options.requestInterval().toNanos() - System.nanoTime();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }

    /** The batch being written: one array, grown to the largest batch, read in place by the request. */
    private static final class Buffer extends OutputStream {
        private byte[] bytes = new byte[FIRST_BUFFER];
        private int length;

        void reset() {
            length = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                long wanted = Math.max((long) length + more, 2L * bytes.length);
                if (wanted > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("a batch over 2 GiB: lower writeBatchSize");
                }
                bytes = Arrays.copyOf(bytes, (int) wanted);
            }
        }
    }
}
