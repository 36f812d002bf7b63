package dev.adfrest.bench;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The sink's floor: Apache HttpClient 5 (a pool, the defaults) in a loop; each batch's body written by Jackson's
 * generator straight into the request as it goes out (chunked, through a 64 KiB buffer, gzip-compressed on the way
 * when asked), without a flush per record.
 */
public final class FloorSinkClient implements BenchClient {

    /** No flush after each record (Jackson's default): every flush would be a chunk of its own on the wire. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private CloseableHttpClient client;
    private Run run;

    @Override
    public void prepare(Run run) {
        this.run = run;
        client = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().build())
                .build();
    }

    @Override
    public void copy() throws IOException {
        String url = run.sinkUrl();
        int batch = run.workload().batch();
        boolean gzip = run.workload().gzip();
        Iterator<Map<String, Object>> records = run.records();
        long written = 0;
        while (records.hasNext()) {
            int[] count = {0};
            HttpPost post = new HttpPost(url);
            post.setEntity(new AbstractHttpEntity(ContentType.APPLICATION_JSON, gzip ? "gzip" : null, true) {
                @Override
                public void writeTo(OutputStream connection) throws IOException {
                    // 64 KiB chunks: a chunk per generator flush (8 KB) costs a system call each
                    OutputStream out = new BufferedOutputStream(new Unclosed(connection), 65536);
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
        run.sink().written(written);
    }

    @Override
    public void finish() throws IOException {
        if (client != null) {
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
