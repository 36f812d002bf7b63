package dev.adfrest.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * {@code floor-asis}: a plain loop with a pooled Apache HttpClient 5 (the client adfrest uses, with its defaults:
 * it asks for gzip and decompresses) and Jackson's streaming parser. Each page is read, checked to be whole JSON while
 * its top-level next link ({@code next}, {@code @odata.nextLink}) is picked out, and handed to the sink as-is. A HUGE
 * page is copied to its file as it streams through the parser: never held in memory.
 */
public final class FloorClient implements BenchClient {

    /** The copy loop closes its streams itself: the parser must not close the body when it reaches the end. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private CloseableHttpClient client;
    private Run run;
    private String nextField;

    @Override
    public void prepare(Run run) {
        this.run = run;
        this.nextField = run.workload().shape().nextField();
        client = pooledClient();
    }

    /** HttpClient 5 as a plain loop builds it: a pool, and the defaults (gzip asked for and decompressed). */
    static CloseableHttpClient pooledClient() {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().build())
                .build();
    }

    @Override
    public void copy() throws IOException {
        Workload w = run.workload();
        switch (w.shape()) {
            case NEXT_LINK, GRAPH -> {
                for (String url = run.firstUrl(); url != null;) {
                    url = client.execute(new HttpGet(url), this::page);
                }
            }
            case RANGE -> {
                PageBodies.Pages pages = run.pages();
                for (int i = 1; i <= w.pages(); i++) {
                    client.execute(new HttpGet(run.baseUrl() + pages.path(i)), this::page);
                }
            }
            case HUGE -> {
                String next = client.execute(new HttpGet(run.firstUrl()), this::streamToFile);
                if (next != null) {
                    throw new IllegalStateException("a HUGE page has no next page");
                }
            }
        }
    }

    private String page(ClassicHttpResponse response) throws IOException {
        check(response);
        byte[] body = EntityUtils.toByteArray(response.getEntity());
        String next;
        try (JsonParser parser = JSON.createParser(body)) {
            next = next(parser);
        }
        run.sink().page(body);
        return next;
    }

    private String streamToFile(ClassicHttpResponse response) throws IOException {
        check(response);
        try (InputStream in = response.getEntity().getContent();
             OutputStream file = Files.newOutputStream(run.file("floor"));
             Tee tee = new Tee(in, file);
             JsonParser parser = JSON.createParser(tee)) {
            String next = next(parser);
            tee.transferTo(OutputStream.nullOutputStream()); // whatever the parser left unread still goes to the file
            run.sink().streamed(tee.copied);
            return next;
        }
    }

    /** Reads a whole page object; returns its top-level next link (null when null or absent). */
    private String next(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a page is not a JSON object");
        }
        String next = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (nextField != null && nextField.equals(name)) {
                next = value == JsonToken.VALUE_NULL ? null : parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            throw new IOException("a page is not one whole JSON object");
        }
        return next;
    }

    static void check(ClassicHttpResponse response) throws IOException {
        if (response.getCode() != 200) {
            throw new IOException("HTTP " + response.getCode());
        }
    }

    @Override
    public void finish() throws IOException {
        client.close();
        if (run.workload().shape() == Workload.Shape.HUGE) {
            Files.deleteIfExists(run.file("floor"));
        }
    }

    /** Copies everything read through it to a file. */
    private static final class Tee extends FilterInputStream {
        private final OutputStream copy;
        long copied;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
                copied++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
                copied += n;
            }
            return n;
        }
    }
}
