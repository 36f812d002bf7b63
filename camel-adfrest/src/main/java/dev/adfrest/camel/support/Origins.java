package dev.adfrest.camel.support;

import java.net.URI;
import java.util.Locale;

/** Web origins (RFC 6454): scheme, host and port. Credentials and request bodies stay with the base URL's. */
public final class Origins {

    private Origins() {
    }

    /** Same scheme, host and port, the scheme's default port filled in; letter case ignored. */
    public static boolean same(URI a, URI b) {
        return scheme(a).equals(scheme(b)) && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
               && port(a) == port(b);
    }

    /** {@link #same(URI, URI)} for two URL texts; false when either is not a URL. */
    public static boolean same(String a, String b) {
        try {
            return same(URI.create(a), URI.create(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
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
}
