package dev.adfrest.camel.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving HTTP server on a free port of 127.0.0.1 (never any other address), for what WireMock cannot do: a
 * header line of a hundred kilobytes, a body that arrives a byte at a time, a Content-Length that lies, a body that
 * never ends. It reads each request's head, then hands the connection's output to the test's {@link Answer}. It
 * records the request lines it received, the bytes it managed to write, and whether a client hung up on it.
 */
public final class RawHttpServer implements AutoCloseable {

    /** What the server writes back on one connection; an IOException (the client hung up) ends it. */
    @FunctionalInterface
    public interface Answer {
        void write(Conversation c) throws IOException, InterruptedException;
    }

    /** One connection: the output, and a way to write that counts and notices a client that hung up. */
    public final class Conversation {
        private final OutputStream out;

        Conversation(OutputStream out) {
            this.out = out;
        }

        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            written.addAndGet(bytes.length);
        }

        /** Waits between writes, as a slow server does; ends early when the server closes. */
        public void pause(long millis) throws InterruptedException {
            if (closed.await(millis, TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("server closed");
            }
        }
    }

    private final ServerSocket server;
    private final Answer answer;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread acceptor;

    public RawHttpServer(Answer answer) throws IOException {
        this.answer = answer;
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.acceptor = new Thread(this::accept, "raw-http-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The request lines received ("GET /x HTTP/1.1"), in order. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** The bytes of answers written so far. */
    public long written() {
        return written.get();
    }

    /** Whether a client closed a connection while the server was still writing to it, within the wait. */
    public boolean clientHungUpWithin(long seconds) throws InterruptedException {
        return hungUp.await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> converse(socket), "raw-http-conversation");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket socket) {
        try (socket) {
            String head = readHead(socket.getInputStream());
            if (head == null) {
                return;
            }
            requestLines.add(head.substring(0, Math.max(0, head.indexOf("\r\n"))));
            answer.write(new Conversation(socket.getOutputStream()));
        } catch (IOException e) {
            hungUp.countDown();
        } catch (InterruptedException e) {
            // the server is closing
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0;) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
    }
}
