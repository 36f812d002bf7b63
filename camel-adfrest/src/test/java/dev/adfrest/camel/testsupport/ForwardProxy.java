package dev.adfrest.camel.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on 127.0.0.1 that records what went through it: plain requests in absolute form (relayed with
 * their headers, Proxy-Authorization removed) and CONNECT tunnels (relayed byte for byte, the bytes kept so a test can
 * show that nothing readable crossed). It may ask for Basic credentials (407). It only relays to 127.0.0.1; anything
 * else is refused with 403.
 */
public final class ForwardProxy implements AutoCloseable {

    /**
     * One request the proxy saw.
     *
     * @param method        CONNECT, GET, POST, ...
     * @param target        host:port for CONNECT, the absolute URL otherwise
     * @param headers       the request's headers as the client sent them to the proxy (names in lower case)
     * @param authenticated whether it carried the proxy credentials expected
     */
    public record Seen(String method, String target, Map<String, String> headers, boolean authenticated) {
    }

    /** Headers of one connection, which a proxy does not pass on. */
    private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of("connection", "keep-alive", "te",
            "trailer", "transfer-encoding", "upgrade");

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "forward-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream tunnelled = new ByteArrayOutputStream();
    private final String expectedAuthorization;

    /**
     * @param user     the user the proxy asks for (407 until given); null for a proxy that asks nothing
     * @param password its password
     */
    public ForwardProxy(String user, String password) throws IOException {
        this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every request the proxy saw, 407-answered ones included, in order. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Everything clients sent through CONNECT tunnels, as text (ISO-8859-1, byte for byte). */
    public String tunnelledBytes() {
        synchronized (tunnelled) {
            return tunnelled.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                String[] parts = requestLine.split(" ");
                boolean authenticated = expectedAuthorization == null
                                        || expectedAuthorization.equals(headers.get("proxy-authorization"));
                seen.add(new Seen(parts[0], parts[1], Map.copyOf(headers), authenticated));
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                if (!authenticated) {
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
                               + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                if (parts[0].equals("CONNECT")) {
                    tunnel(parts[1], in, out);
                } else {
                    relay(parts[0], URI.create(parts[1]), headers, body, out);
                }
                return;
            }
        } catch (IOException e) {
            // the client or the server went away
        }
    }

    private static boolean loopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost");
    }

    private void tunnel(String authority, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        String host = authority.substring(0, colon);
        if (!loopback(host)) {
            refuse(out);
            return;
        }
        try (Socket upstream = new Socket()) {
            upstream.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(authority.substring(colon + 1))));
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream fromServer = upstream.getInputStream();
            OutputStream toServer = upstream.getOutputStream();
            threads.execute(() -> pipe(fromServer, out, null));
            pipe(in, toServer, tunnelled);
        }
    }

    private void relay(String method, URI target, Map<String, String> headers, byte[] body, OutputStream out)
            throws IOException {
        if (!loopback(target.getHost())) {
            refuse(out);
            return;
        }
        try (Socket upstream = new Socket("127.0.0.1", target.getPort())) {
            StringBuilder request = new StringBuilder(method).append(' ').append(target.getRawPath())
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n");
            headers.forEach((name, value) -> {
                if (!HOP_BY_HOP.contains(name) && !name.startsWith("proxy-")) {
                    request.append(name).append(": ").append(value).append("\r\n");
                }
            });
            request.append("connection: close\r\n\r\n");
            OutputStream toServer = upstream.getOutputStream();
            toServer.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            toServer.write(body);
            toServer.flush();
            upstream.getInputStream().transferTo(out); // the server closes after its response
            out.flush();
        }
    }

    private static void refuse(OutputStream out) throws IOException {
        out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void pipe(InputStream from, OutputStream to, ByteArrayOutputStream copy) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) >= 0;) {
                if (copy != null) {
                    synchronized (copy) {
                        copy.write(buffer, 0, n);
                    }
                }
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    /** A CRLF-terminated line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
