package dev.adfrest.camel.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A REST API on 127.0.0.1 that takes writes: it keeps every request as received (method, URI, headers, the raw body
 * bytes) and answers as a {@link Responder} says (204 by default). In counting mode it keeps nothing but counts the
 * records of each JSON array it is sent, reading it as a stream: for copies too big to keep.
 */
public final class Receiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. Header names in lower case. */
    public record Request(String method, String uri, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The body, gunzipped when it was sent with Content-Encoding: gzip. */
        public byte[] decodedBody() {
            if (!"gzip".equalsIgnoreCase(header("Content-Encoding"))) {
                return body;
            }
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public JsonNode json() {
            try {
                return JSON.readTree(decodedBody());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String text() {
            return new String(decodedBody(), StandardCharsets.UTF_8);
        }
    }

    /** How the API answers. */
    public record Response(int status, Map<String, String> headers, String body) {
        public static Response of(int status) {
            return new Response(status, Map.of(), "");
        }

        public static Response of(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json"), body);
        }

        public Response with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Response(status, more, body);
        }
    }

    /** Decides each answer, from the request and its 0-based index among the requests received. */
    @FunctionalInterface
    public interface Responder {
        Response answer(Request request, int index);
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final boolean counting;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong records = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private volatile Responder responder = (r, i) -> Response.of(204);

    private Receiver(boolean counting) throws IOException {
        this.counting = counting;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.threads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Keeps every request. */
    public static Receiver start() {
        return create(false);
    }

    /** Keeps nothing: counts the records of the JSON arrays it is sent. */
    public static Receiver counting() {
        return create(true);
    }

    private static Receiver create(boolean counting) {
        try {
            System.setProperty("sun.net.httpserver.nodelay", "true"); // no Nagle delay against delayed ACKs
            return new Receiver(counting);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Receiver answering(Responder responder) {
        this.responder = responder;
        return this;
    }

    /** http://127.0.0.1:port */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests kept, in the order they arrived. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests received (also in counting mode). */
    public int received() {
        return received.get();
    }

    /** Records counted (counting mode). */
    public long records() {
        return records.get();
    }

    /** Requests being received or answered right now. */
    public int inProgress() {
        return open.get();
    }

    /** The records of all requests kept, in order, each decoded: the JSON arrays' elements. */
    public List<JsonNode> recordsReceived() {
        List<JsonNode> all = new ArrayList<>();
        for (Request r : requests) {
            r.json().forEach(all::add);
        }
        return all;
    }

    private void handle(HttpExchange exchange) throws IOException {
        open.incrementAndGet();
        try (exchange) {
            int index = received.getAndIncrement();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Request request;
            if (counting) {
                InputStream body = exchange.getRequestBody();
                if (headers.containsKey("content-encoding")) {
                    body = new GZIPInputStream(body, 65536);
                }
                records.addAndGet(countRecords(body));
                request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, new byte[0]);
            } else {
                request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                        exchange.getRequestBody().readAllBytes());
                requests.add(request);
            }
            Response response = responder.answer(request, index);
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            open.decrementAndGet();
        }
    }

    private static long countRecords(InputStream body) throws IOException {
        long n = 0;
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                parser.skipChildren();
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
