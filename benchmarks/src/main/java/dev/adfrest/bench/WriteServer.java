package dev.adfrest.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The API the write benchmark writes to, in a JVM of its own (so that its CPU and heap are not the clients'): Jetty
 * (core) on 127.0.0.1 that reads each request's JSON array as a stream (gunzipped when it says Content-Encoding:
 * gzip), counts its records and drops them, and answers 204. {@code GET /stats} answers "records requests",
 * {@code POST /reset} zeroes them. A body that is not a JSON array of objects is answered 400. Prints its port on
 * stdout when it is up.
 */
public final class WriteServer {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private final LongAdder records = new LongAdder();
    private final LongAdder requests = new LongAdder();

    private WriteServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = start();
        System.out.println("port=" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
        System.out.flush();
        server.join();
    }

    /** Starts the API on a free port of 127.0.0.1 (in this JVM: the smoke test's way). */
    static Server start() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new WriteServer().handler());
        server.start();
        return server;
    }

    private Handler handler() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                if (path.equals("/stats")) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                    Content.Sink.write(response, true, records.sum() + " " + requests.sum(), callback);
                    return true;
                }
                if (path.equals("/reset")) {
                    records.reset();
                    requests.reset();
                    response.setStatus(204);
                    callback.succeeded();
                    return true;
                }
                InputStream raw = Content.Source.asInputStream(request);
                InputStream body = raw;
                if ("gzip".equalsIgnoreCase(request.getHeaders().get(HttpHeader.CONTENT_ENCODING))) {
                    body = new GZIPInputStream(raw, 65536);
                }
                long n = count(body);
                body.transferTo(OutputStream.nullOutputStream()); // the gzip trailer, the last chunk: the connection stays
                raw.transferTo(OutputStream.nullOutputStream());
                if (n < 0) {
                    Response.writeError(request, response, callback, 400, "not a JSON array of objects");
                    return true;
                }
                records.add(n);
                requests.increment();
                response.setStatus(204);
                callback.succeeded();
                return true;
            }
        };
    }

    /** The records of a JSON array of objects, or -1 when the body is something else. */
    private static long count(InputStream body) throws Exception {
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
        }
        return n;
    }

    /** "records requests" as the server counted them since the last reset. */
    static long[] stats(String baseUrl) throws Exception {
        try (InputStream in = java.net.URI.create(baseUrl + "/stats").toURL().openStream()) {
            String[] parts = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
            return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
        }
    }

    static void reset(String baseUrl) throws Exception {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(baseUrl + "/reset").toURL()
                .openConnection();
        c.setRequestMethod("POST");
        if (c.getResponseCode() != 204) {
            throw new IllegalStateException("reset answered " + c.getResponseCode());
        }
        c.disconnect();
    }
}
