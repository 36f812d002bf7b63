package dev.adfrest.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small paginated JSON API on 127.0.0.1, like the ones ADF pipelines copy from: orders, a fixed number per page,
 * the next page's absolute URL in {@code paging.next} (Facebook Graph style), an API key required in
 * {@code x-api-key}. Deterministic data, so a copy can be checked. It also takes writes, as the APIs an ADF REST sink
 * writes to: {@code POST /v1/archive} with a JSON array of records (gzip-compressed or not) and HTTP Basic
 * credentials, kept in memory.
 */
public final class DemoApi implements AutoCloseable {

    private final HttpServer server;
    private final int pages;
    private final int perPage;
    private final String apiKey;
    private final AtomicInteger served = new AtomicInteger();
    private final String archiveAuthorization;
    private final List<JsonNode> archived
            = new CopyOnWriteArrayList<>();
    private final AtomicInteger archiveRequests = new AtomicInteger();

    private DemoApi(int port, int pages, int perPage, String apiKey) throws IOException {
        this.pages = pages;
        this.perPage = perPage;
        this.apiKey = apiKey;
        this.archiveAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (ARCHIVE_USER + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
        // without it the JDK server's Nagle delay meets the client's delayed ACK: 40 ms per page
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/v1/orders", this::orders);
        server.createContext("/v1/archive", this::archive);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Starts the API on a free port of 127.0.0.1. */
    public static DemoApi start(int pages, int perPage, String apiKey) throws IOException {
        return new DemoApi(0, pages, perPage, apiKey);
    }

    /**
     * Runs the API on its own, for routes started elsewhere (Camel JBang, docs/runtimes.md) until the process ends:
     * {@code [port [pages [perPage [apiKey]]]]}, by default 127.0.0.1:8480, 25 pages of 40 orders, key demo-key.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8480;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int perPage = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        String apiKey = args.length > 3 ? args[3] : "demo-key";
        DemoApi api = new DemoApi(port, pages, perPage, apiKey);
        System.out.printf("Demo API: %s/v1/orders (%d pages, header x-api-key: %s). Ctrl-C stops it.%n",
                api.baseUrl(), pages, apiKey);
        new java.util.concurrent.CountDownLatch(1).await();
    }

    /** The base URL, e.g. http://127.0.0.1:41234 */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The user name the archive takes (its password is the API key). */
    public static final String ARCHIVE_USER = "archiver";

    /** The records archived so far, in the order they arrived. */
    public List<JsonNode> archived() {
        return List.copyOf(archived);
    }

    /** Write requests the archive accepted. */
    public int archiveRequests() {
        return archiveRequests.get();
    }

    /** Pages answered with 200 so far. */
    public int pagesServed() {
        return served.get();
    }

    public int pages() {
        return pages;
    }

    public int ordersTotal() {
        return pages * perPage;
    }

    private void orders(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
                send(exchange, 401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"missing or wrong x-api-key\"}}");
                return;
            }
            int page = cursor(exchange.getRequestURI());
            if (page < 1 || page > pages) {
                send(exchange, 400, "{\"error\":{\"code\":\"BadCursor\"}}");
                return;
            }
            send(exchange, 200, page(page));
            served.incrementAndGet();
        }
    }

    /** Takes a JSON array of records, as ADF's REST sink sends them. */
    private void archive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":{\"code\":\"MethodNotAllowed\"}}");
                return;
            }
            if (!archiveAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":{\"code\":\"Unauthorized\"}}");
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            JsonNode records = JSON.readTree(body);
            if (!records.isArray()) {
                send(exchange, 400, "{\"error\":{\"code\":\"NotAnArray\"}}");
                return;
            }
            records.forEach(archived::add);
            archiveRequests.incrementAndGet();
            send(exchange, 201, "{\"archived\":" + records.size() + "}");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The page number hidden in the opaque "after" cursor (page 1 has none). */
    private static int cursor(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return 1;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("after=")) {
                return Integer.parseInt(new String(Base64.getUrlDecoder().decode(part.substring(6)),
                        StandardCharsets.UTF_8).replace("page-", ""));
            }
        }
        return 1;
    }

    private String page(int page) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < perPage; i++) {
            int id = (page - 1) * perPage + i + 1;
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":").append(id)
                    .append(",\"customer\":\"customer-").append(id % 17)
                    .append("\",\"total\":").append(String.format(java.util.Locale.ROOT, "%.2f", id * 3.25))
                    .append(",\"status\":\"").append(id % 5 == 0 ? "refunded" : "paid").append("\"}");
        }
        sb.append("],\"paging\":{");
        if (page < pages) {
            String next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("page-" + (page + 1)).getBytes(StandardCharsets.UTF_8));
            sb.append("\"next\":\"").append(baseUrl()).append("/v1/orders?limit=").append(perPage)
                    .append("&after=").append(next).append('"');
        }
        return sb.append("}}").toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
