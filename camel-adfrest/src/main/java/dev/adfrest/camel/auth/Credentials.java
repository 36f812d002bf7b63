package dev.adfrest.camel.auth;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.adfrest.camel.support.Origins;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Everything secret a request may carry: the authentication type's Authorization header, the linked service's
 * authHeaders, cookies, and additionalHeaders whose names look like credentials ({@code x-api-key}, ...). Applied
 * only to requests bound for the base URL's origin (scheme, host and port), unless the user allows credentials to
 * cross origins.
 */
public final class Credentials implements AutoCloseable {

    private final Authenticator authenticator;
    private final Map<String, String> authHeaders;
    private final List<String> credentialHeaders;
    private final URI origin;
    private final boolean allowCrossOrigin;

    /**
     * @param credentialHeaders names of other request headers (additionalHeaders) that carry credentials: they stay
     *                          on requests to the origin and are removed from any other
     */
    public Credentials(Authenticator authenticator, Map<String, String> authHeaders, Collection<String> credentialHeaders,
                       URI origin, boolean allowCrossOrigin) {
        this.authenticator = authenticator;
        this.authHeaders = Map.copyOf(authHeaders);
        this.credentialHeaders = List.copyOf(credentialHeaders);
        this.origin = origin;
        this.allowCrossOrigin = allowCrossOrigin;
    }

    /**
     * Sets the credentials of a request (each hop of a redirect included): added when its target may receive them,
     * removed otherwise — also an Authorization header or cookies that came from elsewhere (additionalHeaders, the
     * client's cookie store).
     *
     * @return the Authorization value the request carries, or null
     */
    public String apply(HttpRequest request, URI target) throws IOException {
        Header given = request.getFirstHeader("Authorization"); // from additionalHeaders (ADF's OAuth template)
        request.removeHeaders("Authorization");
        authHeaders.keySet().forEach(request::removeHeaders);
        if (!mayReceive(target)) {
            request.removeHeaders("Cookie");
            credentialHeaders.forEach(request::removeHeaders);
            return null;
        }
        String authorization = authenticator.authorization();
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        } else if (given != null) {
            request.setHeader(given);
        }
        authHeaders.forEach(request::setHeader);
        Header sent = request.getFirstHeader("Authorization");
        return sent == null ? null : sent.getValue();
    }

    /** Whether credentials (and a request body) may be sent to this URL. */
    public boolean mayReceive(URI target) {
        return allowCrossOrigin || Origins.same(origin, target);
    }

    /** See {@link Authenticator#invalidate(String)}. */
    public boolean invalidate(String rejected) {
        return authenticator.invalidate(rejected);
    }

    @Override
    public void close() {
        authenticator.close();
    }

    @Override
    public String toString() {
        return "Credentials[" + authenticator + ", authHeaders=" + authHeaders.keySet() + ", credential headers="
               + credentialHeaders + "]";
    }
}
