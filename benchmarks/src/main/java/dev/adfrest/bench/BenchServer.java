package dev.adfrest.bench;

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
 * The local JSON API every client reads from: Jetty (core, no servlets) on 127.0.0.1, deterministic pages (see
 * {@link PageBodies}), a per-workload think time before each response, and counts of the TCP connections it
 * accepted and of the requests it answered. The counts are served on a second, uncounted port
 * ({@code GET /connections}, {@code GET /requests}) so that client JVMs can read them around each run.
 */
public final class BenchServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final HttpServer admin;
    private final Map<String, Workload> workloads = new HashMap<>();
    private final Map<String, byte[]> pageRecords = new HashMap<>();

    public BenchServer(List<Workload> served) throws Exception {
        for (Workload w : served) {
            workloads.put(w.id(), w);
            if (w.shape() != Shape.HUGE) {
                pageRecords.put(w.id(), PageBodies.pageRecords(w.pageBytes()));
            }
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
        for (Map.Entry<String, LongAdder> count : Map.of("/connections", connectionsOpened, "/requests", requests)
                .entrySet()) {
            admin.createContext(count.getKey(), exchange -> {
                byte[] body = Long.toString(count.getValue().sum()).getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        }
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
            byte[] records = pageRecords.get(w.id());
            byte[] head;
            byte[] tail;
            if (w.shape() == Shape.RANGE) {
                Fields query = Request.extractQueryParameters(request);
                head = PageBodies.rangeHead(Long.parseLong(query.getValue("offset")));
                tail = PageBodies.rangeTail();
            } else {
                int total = Integer.parseInt(path[3]);
                int n = Integer.parseInt(path[4]);
                head = PageBodies.nextLinkHead(n);
                tail = PageBodies.nextLinkTail(baseUrl(), w.id(), total, n);
            }
            ByteBuffer body = ByteBuffer.allocate(head.length + records.length + tail.length);
            body.put(head).put(records).put(tail).flip();
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
            if (w.latencyMs() > 0) {
                request.getComponents().getScheduler()
                        .schedule(() -> response.write(true, body, callback), w.latencyMs(), TimeUnit.MILLISECONDS);
            } else {
                response.write(true, body, callback);
            }
            return true;
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
