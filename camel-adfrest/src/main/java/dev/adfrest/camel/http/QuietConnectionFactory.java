package dev.adfrest.camel.http;

import java.io.IOException;
import java.net.Socket;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * Connections that never write HttpClient's wire and header logs. Those logs print every request header verbatim
 * (API keys in authHeaders, bearer tokens) as soon as DEBUG is on for org.apache.hc; the component logs each request
 * itself, masked, instead.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection();
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    private static final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

        private volatile Socket socket;
        private volatile Timeout socketTimeout;

        QuietConnection() {
            super(Http1Config.DEFAULT);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(socket);
            this.socket = socket;
            this.socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket plain) throws IOException {
            super.bind(sslSocket, plain);
            this.socket = sslSocket;
            this.socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            return socket;
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            this.socketTimeout = timeout;
        }

        /** Idle in the pool: block forever rather than time out a connection nobody reads (as HttpClient does). */
        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }
    }
}
