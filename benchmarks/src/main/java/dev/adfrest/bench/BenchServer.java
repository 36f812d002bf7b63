package dev.adfrest.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.sun.net.httpserver.HttpServer;
import dev.adfrest.bench.Workload.Shape;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The JVM server: Jetty (core, no servlets) on 127.0.0.1, run in its own JVM ({@link ServerMain}) for the workloads
 * nginx cannot serve from files. Deterministic pages (see {@link PageBodies}), a per-workload think time before each
 * response (scheduled, no thread sleeps), and counts of the TCP connections it accepted and of the requests it
 * answered, served on a second, uncounted port ({@code GET /counts}: "connections requests records bytes") so that
 * client JVMs can read them around each run. For the sink workloads it is the API records are written to:
 * {@code POST /<id>/import} (PUT and PATCH too) with a JSON array of objects, gunzipped when it says
 * {@code Content-Encoding: gzip}, read as a stream, its objects counted (records) and dropped with the body's bytes as
 * received (bytes); answered 204, or 400 when the body is not a JSON array of objects.
 */
public final class BenchServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final HttpServer admin;
    private final Map<String, Workload> workloads = new HashMap<>();

    public BenchServer(List<Workload> served) throws Exception {
        for (Workload w : served) {
            workloads.put(w.id(), w);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.addBean(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                connectionsOpened.increment();
            }
        });
        server.addConnector(connector);
        server.setHandler(new Pages());
        server.start();

        admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        admin.createContext("/counts", exchange -> {
            byte[] body = (connectionsOpened.sum() + " " + requests.sum() + " " + records.sum() + " " + bytes.sum())
                    .getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        admin.start();
    }

    /** http://127.0.0.1:port of the API. */
    public String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** http://127.0.0.1:port of the uncounted admin listener. */
    public String adminUrl() {
        return "http://127.0.0.1:" + admin.getAddress().getPort();
    }

    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    @Override
    public void close() throws Exception {
        admin.stop(0);
        server.stop();
    }

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private final class Pages extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            requests.increment();
            String[] path = Request.getPathInContext(request).split("/");
            Workload w = path.length > 2 ? workloads.get(path[1]) : null;
            if (w == null) {
                Response.writeError(request, response, callback, 404);
                return true;
            }
            if (w.isSink()) {
                write(request, response, callback);
                return true;
            }
            if (!"GET".equals(request.getMethod())) { // a GET API: a client that sends anything else is wrong
                Response.writeError(request, response, callback, 405);
                return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            if (w.shape() == Shape.HUGE) {
                streamHuge(response, callback, Long.parseLong(path[3]));
                return true;
            }
            Fields query = Request.extractQueryParameters(request);
            byte[] page = switch (w.shape()) {
                // /W/p/<total>/<n>
                case NEXT_LINK -> PageBodies.pages(w.withPages(Integer.parseInt(path[3])), baseUrl())
                        .body(Integer.parseInt(path[4]));
                // /W/<total>/users?$top=..[&$skiptoken=..]
                case GRAPH -> PageBodies.pages(w.withPages(Integer.parseInt(path[2])), baseUrl())
                        .body(PageBodies.pageOfSkiptoken(query.getValue("$skiptoken")));
                // /W/items?offset=k
                case RANGE -> PageBodies.pages(w, baseUrl())
                        .body((int) (Long.parseLong(query.getValue("offset")) / Workload.RANGE_STEP) + 1);
                case HUGE -> throw new IllegalStateException("streamed above");
                case SINK -> throw new IllegalStateException("written above");
            };
            if (w.gzip()) {
                String accepted = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
                if (accepted == null || !accepted.contains("gzip")) { // as nginx's gzip_static with no plain file
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                page = gzip(page);
                response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
            }
            ByteBuffer body = ByteBuffer.wrap(page);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
            if (w.latencyMs() > 0) {
                request.getComponents().getScheduler()
                        .schedule(() -> response.write(true, body, callback), w.latencyMs(), TimeUnit.MILLISECONDS);
            } else {
                response.write(true, body, callback);
            }
            return true;
        }

        /** A batch of records written to the API: counted and dropped. */
        private void write(Request request, Response response, Callback callback) throws IOException {
            if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())
                && !"PATCH".equals(request.getMethod())) {
                Response.writeError(request, response, callback, 405);
                return;
            }
            Counted raw = new Counted(Content.Source.asInputStream(request));
            InputStream body = "gzip".equalsIgnoreCase(request.getHeaders().get(HttpHeader.CONTENT_ENCODING))
                    ? new GZIPInputStream(raw, 65536) : raw;
            long n = count(body);
            body.transferTo(OutputStream.nullOutputStream()); // the gzip trailer, the last chunk: the connection stays
            raw.transferTo(OutputStream.nullOutputStream());
            if (n < 0) {
                Response.writeError(request, response, callback, 400, "not a JSON array of objects");
                return;
            }
            records.add(n);
            bytes.add(raw.count);
            response.setStatus(204);
            callback.succeeded();
        }

        /** The records of a JSON array of objects, or -1 when the body is something else. */
        private static long count(InputStream body) throws IOException {
            long n = 0;
            try (JsonParser parser = JSON.createParser(body)) { // not closing the body: the caller reads it to its end
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    return -1;
                }
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t != JsonToken.START_OBJECT) {
                        return -1;
                    }
                    parser.skipChildren();
                    n++;
                }
                return parser.nextToken() == null ? n : -1;
            }
        }

        private static byte[] gzip(byte[] page) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(page.length / 4);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(page);
            }
            return out.toByteArray();
        }

        /** Counts the bytes read through it. */
        private static final class Counted extends java.io.FilterInputStream {
            private long count;

            Counted(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                count += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                count += Math.max(n, 0);
                return n;
            }
        }

        /** Streams the page from one repeated block: the server never holds it whole. */
        private void streamHuge(Response response, Callback callback, long bytes) {
            PageBodies.HugeLayout layout = PageBodies.HugeLayout.of(bytes);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes);
            byte[] chunk = new byte[layout.block().length + 1];
            System.arraycopy(layout.block(), 0, chunk, 0, layout.block().length);
            chunk[chunk.length - 1] = ',';
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                out.write(PageBodies.HUGE_HEAD);
                for (long i = 0; i < layout.repeats(); i++) {
                    out.write(chunk);
                }
                out.write(layout.last());
                out.write(PageBodies.HUGE_TAIL);
                out.close();
                callback.succeeded();
            } catch (IOException | RuntimeException e) {
                callback.failed(e);
            }
        }
    }
}
