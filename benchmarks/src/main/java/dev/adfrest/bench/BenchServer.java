package dev.adfrest.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

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
 * answered, served on a second, uncounted port ({@code GET /counts}: "connections requests") so that client JVMs can
 * read them around each run.
 */
public final class BenchServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder requests = new LongAdder();
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
            byte[] body = (connectionsOpened.sum() + " " + requests.sum()).getBytes(StandardCharsets.US_ASCII);
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

        private static byte[] gzip(byte[] page) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(page.length / 4);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(page);
            }
            return out.toByteArray();
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
