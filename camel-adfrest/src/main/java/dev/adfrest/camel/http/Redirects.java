package dev.adfrest.camel.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.adfrest.camel.support.Origins;
import org.apache.hc.client5.http.utils.URIUtils;

/**
 * The component's own redirect rules, used instead of HttpClient's so that every hop passes the {@link HostPolicy}
 * and gets its credentials anew: at most {@link #MAX} redirects; 301 and 302 turn a POST into a GET and 303 turns
 * anything into a GET, without the body (as browsers and HttpClient do); 307 and 308 repeat the method and body, and
 * the body only to the same origin. Pure: no I/O.
 */
final class Redirects {

    /** The most redirects followed for one request. */
    static final int MAX = 5;

    private Redirects() {
    }

    /**
     * One request of a chain of redirects.
     *
     * @param method the method
     * @param uri    where it goes
     * @param body   the request body, or null
     */
    record Hop(String method, URI uri, String body) {
    }

    /** Whether a status with a Location header is a redirect to follow. */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * The request a redirect asks for.
     *
     * @param  from                    the request that was answered with the redirect
     * @param  followed                redirects already followed for this request
     * @throws RefusedRequestException when there were too many, the Location is not a URL, or a body would go to
     *                                 another origin
     */
    static Hop next(Hop from, int status, String location, int followed) throws RefusedRequestException {
        URI target;
        try {
            target = URIUtils.resolve(from.uri(), new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RefusedRequestException("refusing to follow a " + status + " redirect from " + from.uri()
                                              + " to '" + location + "', which is not a URL");
        }
        String text = target.toString();
        if (text.indexOf('#') >= 0) {
            target = URI.create(text.substring(0, text.indexOf('#'))); // a fragment is never sent
        }
        if (followed >= MAX) {
            throw new RefusedRequestException("refusing to follow more than " + MAX + " redirects (the last, a "
                                              + status + " from " + from.uri() + " to " + target + ")");
        }
        String method = from.method().toUpperCase(Locale.ROOT);
        boolean toGet = status == 303 && !method.equals("HEAD") || (status == 301 || status == 302) && method.equals("POST");
        if (toGet) {
            return new Hop("GET", target, null);
        }
        if (from.body() != null && (status == 307 || status == 308) && !Origins.same(from.uri(), target)) {
            throw new RefusedRequestException("refusing to follow a " + status + " redirect from " + from.uri() + " to "
                                              + target + ": it would send the request body to another origin");
        }
        return new Hop(from.method(), target, from.body());
    }
}
