package dev.adfrest.bench;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adfrest.camel.AdfRestConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The three ways the write benchmark sends records to an API, batch by batch: adfrest's producer; a camel-http route as
 * a Camel user writes one today (split the records streaming, aggregate N, marshal to JSON with Jackson, POST); and the
 * floor, a loop with Apache HttpClient 5 whose request bodies Jackson's generator writes straight into the
 * connection through a 64 KiB buffer (chunked, gzip-compressed on the way when asked).
 */
final class WriteClients {

    /** The clients a run compares, by name. */
    static final java.util.List<String> NAMES = java.util.List.of("floor", "camel-http", "adfrest");

    /**
     * Also runnable (--clients): camel-http-agg, the route the issue describes (split streaming into an aggregator of
     * N). With Camel 4.18 it overflows the main thread's stack after some thousands of batches (batch size 100 of a
     * million records), so the default camel-http client cuts the batches itself.
     */
    static final String AGGREGATING = "camel-http-agg";

    private WriteClients() {
    }

    /** One client, set up once for a target and settings, then asked to write again and again. */
    interface WriteClient extends AutoCloseable {
        /** Writes every record; returns how many the client says it wrote. */
        long write(Iterator<Map<String, Object>> records) throws Exception;
    }

    static WriteClient of(String name, String url, int batch, boolean gzip) throws Exception {
        return switch (name) {
            case "floor" -> new Floor(url, batch, gzip);
            case "camel-http" -> new CamelHttpBatches(url, batch, gzip);
            case AGGREGATING -> new CamelHttp(url, batch, gzip);
            case "adfrest" -> new AdfRest(url, batch, gzip);
            default -> throw new IllegalArgumentException("unknown client " + name + "; known: " + NAMES);
        };
    }

    /** adfrest's sink: the records handed over as they are, an Iterator. */
    static final class AdfRest implements WriteClient {
        private final CamelContext camel = new DefaultCamelContext();
        private final ProducerTemplate template;
        private final String uri;

        AdfRest(String url, int batch, boolean gzip) {
            camel.start();
            template = camel.createProducerTemplate();
            uri = "adfrest:" + url + "?requestInterval=0&writeBatchSize=" + batch + "&httpCompressionType="
                  + (gzip ? "gzip" : "none");
        }

        @Override
        public long write(Iterator<Map<String, Object>> records) throws Exception {
            Exchange done = template.send(uri, e -> e.getMessage().setBody(records));
            if (done.getException() != null) {
                throw done.getException();
            }
            return done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN, Long.class);
        }

        @Override
        public void close() throws Exception {
            template.close();
            camel.close();
        }
    }

    /**
     * Today's Camel way, as a user writes it once split-and-aggregate has overflowed the stack: a processor cuts the
     * records into lists of N as they are read, split(body()).streaming() sends each list on (marshalled by
     * camel-jackson, POSTed by camel-http, which gzips a body sent with Content-Encoding: gzip). Camel's own
     * {@code split(simple("${collate(N)}"))} would do the cutting, but in 4.18 it sends a second exchange's records as
     * one nested array. Synchronous: a write ends when its last batch was answered.
     */
    static final class CamelHttpBatches implements WriteClient {
        private final CamelContext camel = new DefaultCamelContext();
        private final ProducerTemplate template;

        CamelHttpBatches(String url, int batch, boolean gzip) throws Exception {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:write")
                            .process(e -> e.getMessage().setBody(batches(e.getMessage().getBody(Iterator.class), batch)))
                            .split(body()).streaming()
                                .marshal().json()
                                .removeHeaders("*")
                                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                                .process(e -> {
                                    if (gzip) {
                                        e.getMessage().setHeader(Exchange.CONTENT_ENCODING, "gzip");
                                    }
                                })
                                .to(url)
                            .end();
                }
            });
            camel.start();
            template = camel.createProducerTemplate();
        }

        /** Lists of at most {@code size} elements, each made when asked for. */
        static Iterator<java.util.List<Object>> batches(Iterator<?> elements, int size) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return elements.hasNext();
                }

                @Override
                public java.util.List<Object> next() {
                    java.util.List<Object> batch = new java.util.ArrayList<>(size);
                    while (batch.size() < size && elements.hasNext()) {
                        batch.add(elements.next());
                    }
                    return batch;
                }
            };
        }

        @Override
        public long write(Iterator<Map<String, Object>> records) throws Exception {
            int[] count = { 0 };
            Exchange done = template.send("direct:write", e -> e.getMessage().setBody(counting(records, count)));
            if (done.getException() != null) {
                throw done.getException();
            }
            return count[0];
        }

        @Override
        public void close() throws Exception {
            template.close();
            camel.close();
        }
    }

    /** Counts the records as they are read. */
    static Iterator<Map<String, Object>> counting(Iterator<Map<String, Object>> records, int[] count) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                count[0]++;
                return records.next();
            }
        };
    }

    /**
     * Today's Camel way: split(body()).streaming(), aggregate N records (completed early by the split's last record),
     * marshal the batch with camel-jackson, POST it with camel-http (which gzips a body sent with Content-Encoding:
     * gzip). The aggregator sends completed batches on a thread of its own, two batches queued at most (with Camel
     * 4.18 sending them all on the splitting thread overflows its stack after some thousands of batches, and an
     * unbounded queue fills the heap), so splitting and sending overlap: a write ends when every record was sent. ({@code split(simple("${collate(N)}"))}, the other way to batch, sends a
     * second exchange's records as one nested array in 4.18: not usable.)
     */
    static final class CamelHttp implements WriteClient {
        private final CamelContext camel = new DefaultCamelContext();
        private final ProducerTemplate template;
        private final Object lock = new Object();
        private long sent;
        private Exception failed;

        CamelHttp(String url, int batch, boolean gzip) throws Exception {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).process(e -> sent(0, e.getProperty(Exchange.EXCEPTION_CAUGHT,
                            Exception.class)));
                    from("direct:write")
                            .split(body()).streaming()
                                .aggregate(constant(true), new GroupedBodyAggregationStrategy())
                                    .completionSize(batch)
                                    .completionPredicate(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true))
                                    .eagerCheckCompletion()
                                    .process(e -> e.setProperty("batchSize", e.getMessage().getBody(java.util.List.class).size()))
                                    .marshal().json()
                                    .removeHeaders("*")
                                    .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                                    .process(e -> {
                                        if (gzip) {
                                            e.getMessage().setHeader(Exchange.CONTENT_ENCODING, "gzip");
                                        }
                                    })
                                    .to(url)
                                    .process(e -> sent(e.getProperty("batchSize", Integer.class), null))
                                .end()
                            .end();
                }
            });
            camel.start();
            template = camel.createProducerTemplate();
        }

        private void sent(int records, Exception failure) {
            synchronized (lock) {
                sent += records;
                failed = failure != null ? failure : failed;
                lock.notifyAll();
            }
        }

        @Override
        public long write(Iterator<Map<String, Object>> records) throws Exception {
            synchronized (lock) {
                sent = 0;
                failed = null;
            }
            int[] count = { 0 };
            Exchange done = template.send("direct:write", e -> e.getMessage().setBody(counting(records, count)));
            if (done.getException() != null) {
                throw done.getException();
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
            synchronized (lock) {
                while (sent < count[0] && failed == null && System.nanoTime() < deadline) {
                    lock.wait(1000);
                }
                if (failed != null) {
                    throw failed;
                }
                return sent;
            }
        }

        @Override
        public void close() throws Exception {
            template.close();
            camel.close();
        }
    }

    /** The floor: HttpClient 5, each batch written by Jackson's generator into the request body as it goes out. */
    static final class Floor implements WriteClient {
        /** No flush after each record (Jackson's default): every flush would be a chunk of its own on the wire. */
        private static final ObjectMapper JSON = new ObjectMapper()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

        private final CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().build()).build();
        private final String url;
        private final int batch;
        private final boolean gzip;

        Floor(String url, int batch, boolean gzip) {
            this.url = url;
            this.batch = batch;
            this.gzip = gzip;
        }

        @Override
        public long write(Iterator<Map<String, Object>> records) throws IOException {
            long written = 0;
            while (records.hasNext()) {
                int[] count = { 0 };
                HttpPost post = new HttpPost(url);
                post.setEntity(new AbstractHttpEntity(ContentType.APPLICATION_JSON, gzip ? "gzip" : null, true) {
                    @Override
                    public void writeTo(OutputStream connection) throws IOException {
                        // 64 KiB chunks: a chunk per generator flush (8 KB) costs a system call each
                        OutputStream out = new java.io.BufferedOutputStream(new Unclosed(connection), 65536);
                        GZIPOutputStream zip = gzip ? new GZIPOutputStream(out, 65536) : null;
                        try (JsonGenerator g = JSON.getFactory().createGenerator(zip != null ? zip : out)) {
                            g.writeStartArray();
                            while (count[0] < batch && records.hasNext()) {
                                g.writeObject(records.next());
                                count[0]++;
                            }
                            g.writeEndArray();
                        }
                        if (zip != null) {
                            zip.finish();
                        }
                        out.close(); // flushes; the connection's stream stays open

                    }

                    @Override
                    public InputStream getContent() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public boolean isRepeatable() {
                        return false;
                    }

                    @Override
                    public long getContentLength() {
                        return -1;
                    }

                    @Override
                    public boolean isStreaming() {
                        return false;
                    }

                    @Override
                    public void close() {
                    }
                });
                client.execute(post, response -> {
                    EntityUtils.consume(response.getEntity());
                    if (response.getCode() >= 300) {
                        throw new IOException("HTTP " + response.getCode());
                    }
                    return null;
                });
                written += count[0];
            }
            return written;
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }

    /** Lets a gzip stream be closed (to write its trailer) without closing the connection's stream under it. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
