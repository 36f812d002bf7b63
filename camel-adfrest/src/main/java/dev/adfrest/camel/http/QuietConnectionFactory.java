package dev.adfrest.camel.http;

import java.io.IOException;
import java.net.Socket;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * Connections that never write HttpClient's wire and header logs, and that switch to the read timeout once a
 * response's headers arrived.
 * <p>
 * HttpClient's wire and header logs print every request header verbatim (API keys in authHeaders, bearer tokens) as
 * soon as DEBUG is on for org.apache.hc; the component logs each request itself, masked, instead. HttpClient has one
 * socket timeout per request; ADF's httpRequestTimeout is the time to get the response, so the body gets its own.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private final Timeout readTimeout;
    private final Http1Config limits;

    /**
     * @param limits the longest header line and the most header lines read (HttpClient's defaults have no limit)
     */
    QuietConnectionFactory(Timeout readTimeout, Http1Config limits) {
        this.readTimeout = readTimeout;
        this.limits = limits;
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection(readTimeout, limits);
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    private static final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

        private final Timeout readTimeout;
        private volatile Socket socket;
        private volatile Timeout socketTimeout;

        QuietConnection(Timeout readTimeout, Http1Config limits) {
            // the parser gets the limits too: the connection's own default parser counts no header lines
            super(limits, null, null, null, null, null, new DefaultHttpResponseParserFactory(limits));
            this.readTimeout = readTimeout;
        }

        /** The headers are in: from here on the body's read timeout applies, until the next request sets its own. */
        @Override
        public ClassicHttpResponse receiveResponseHeader() throws HttpException, IOException {
            ClassicHttpResponse response = super.receiveResponseHeader();
            super.setSocketTimeout(readTimeout);
            return response;
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
