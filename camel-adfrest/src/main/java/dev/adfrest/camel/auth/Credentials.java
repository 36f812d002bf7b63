package dev.adfrest.camel.auth;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Everything secret a request may carry: the authentication type's Authorization header and the linked service's
 * authHeaders. Applied only to requests bound for the base URL's origin (scheme, host and port), unless the user
 * allows credentials to cross origins.
 */
public final class Credentials implements AutoCloseable {

    private final Authenticator authenticator;
    private final Map<String, String> authHeaders;
    private final URI origin;
    private final boolean allowCrossOrigin;

    public Credentials(Authenticator authenticator, Map<String, String> authHeaders, URI origin, boolean allowCrossOrigin) {
        this.authenticator = authenticator;
        this.authHeaders = Map.copyOf(authHeaders);
        this.origin = origin;
        this.allowCrossOrigin = allowCrossOrigin;
    }

    /**
     * Sets the credentials of a request (each hop of a redirect included): added when its target may receive them,
     * removed otherwise — also an Authorization header or cookies that came from elsewhere (additionalHeaders, a
     * redirect that copied the previous hop's headers).
     */
    public void apply(HttpRequest request, URI target) throws IOException {
        Header given = request.getFirstHeader("Authorization"); // from additionalHeaders (ADF's OAuth template)
        request.removeHeaders("Authorization");
        authHeaders.keySet().forEach(request::removeHeaders);
        if (!mayReceive(target)) {
            request.removeHeaders("Cookie");
            return;
        }
        String authorization = authenticator.authorization();
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        } else if (given != null) {
            request.setHeader(given);
        }
        authHeaders.forEach(request::setHeader);
    }

    /** Whether credentials may be sent to this URL. */
    public boolean mayReceive(URI target) {
        return allowCrossOrigin || sameOrigin(origin, target);
    }

    /** See {@link Authenticator#invalidate()}. */
    public boolean invalidate() {
        return authenticator.invalidate();
    }

    static boolean sameOrigin(URI a, URI b) {
        return scheme(a).equals(scheme(b))
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static String scheme(URI u) {
        return u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equals(scheme(u)) ? 443 : 80;
    }

    @Override
    public void close() {
        authenticator.close();
    }

    @Override
    public String toString() {
        return "Credentials[" + authenticator + ", authHeaders=" + authHeaders.keySet() + "]";
    }
}
