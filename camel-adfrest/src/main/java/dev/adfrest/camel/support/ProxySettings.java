package dev.adfrest.camel.support;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How requests reach the internet: directly, through the proxy the options name, or through the JVM's (its standard
 * {@code http(s).proxyHost}, {@code http(s).proxyPort}, {@code http.nonProxyHosts} properties, credentials from
 * {@code http(s).proxyUser} and {@code http(s).proxyPassword}). One setting for the API's requests and for sign-in;
 * proxy credentials only ever answer the proxy's own challenge ({@code 407}), never a server's.
 *
 * @param host                the proxy host; null for none (or the JVM's, with useSystemProperties)
 * @param port                the proxy port
 * @param username            the proxy user, or null
 * @param password            the proxy password, or null
 * @param nonProxyHosts       hosts reached directly: {@code host}, {@code *.example.com}, {@code 10.*}
 * @param useSystemProperties whether the JVM's proxy (and TLS) properties apply when no proxy host is given
 */
public record ProxySettings(String host, int port, String username, String password, List<String> nonProxyHosts,
                            boolean useSystemProperties) {

    /** Requests go directly. */
    public static final ProxySettings NONE = new ProxySettings(null, 0, null, null, List.of(), false);

    public ProxySettings {
        nonProxyHosts = List.copyOf(nonProxyHosts);
    }

    /**
     * Checks the proxy options.
     *
     * @param  port                     null when not set
     * @throws IllegalArgumentException naming the option that is wrong or missing
     */
    public static ProxySettings of(String host, Integer port, String username, String password, String nonProxyHosts,
                                   boolean useSystemProperties) {
        String h = blankToNull(host);
        String user = blankToNull(username);
        List<String> bypass = nonProxyHosts == null ? List.of()
                : Arrays.stream(nonProxyHosts.split("[|,]")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (h == null) {
            for (String[] option : new String[][] { { "proxyPort", port == null ? null : "set" },
                    { "proxyAuthUsername", user }, { "proxyAuthPassword", blankToNull(password) },
                    { "nonProxyHosts", bypass.isEmpty() ? null : "set" } }) {
                if (option[1] != null) {
                    throw new IllegalArgumentException("Option '" + option[0] + "' needs option 'proxyHost'"
                                                       + (useSystemProperties ? " (useSystemProperties takes the JVM's"
                                                                                + " proxy with its own properties)" : ""));
                }
            }
            return useSystemProperties ? new ProxySettings(null, 0, null, null, List.of(), true) : NONE;
        }
        if (h.contains("://") || h.contains("/") || h.contains("@")) {
            throw new IllegalArgumentException("Option 'proxyHost' must be a host name or address such as"
                                               + " proxy.example.com, without scheme, path or user, but is '" + h + "'");
        }
        if (port == null || port < 1 || port > 65535) {
            throw new IllegalArgumentException("Option 'proxyPort' must be set to a port (1 to 65535) with proxyHost,"
                                               + " but is " + port);
        }
        if (user == null && blankToNull(password) != null) {
            throw new IllegalArgumentException("Option 'proxyAuthPassword' needs option 'proxyAuthUsername'");
        }
        return new ProxySettings(h, port, user, user == null ? null : password == null ? "" : password, bypass,
                useSystemProperties);
    }

    /** Whether a proxy is named by the options. */
    public boolean explicit() {
        return host != null;
    }

    /** Whether the proxy needs credentials the options give. */
    public boolean hasCredentials() {
        return explicit() && username != null || !explicit() && useSystemProperties && systemCredentials() != null;
    }

    /** Whether {@code name} is the proxy's host (the named one, or one of the JVM's with useSystemProperties). */
    public boolean isProxyHost(String name) {
        if (name == null) {
            return false;
        }
        if (explicit()) {
            return host.equalsIgnoreCase(name);
        }
        return useSystemProperties && (name.equalsIgnoreCase(System.getProperty("http.proxyHost", ""))
                                       || name.equalsIgnoreCase(System.getProperty("https.proxyHost", "")));
    }

    /** Whether requests to {@code targetHost} go directly, by nonProxyHosts. */
    public boolean bypasses(String targetHost) {
        String target = targetHost == null ? "" : targetHost.toLowerCase(Locale.ROOT);
        if (target.startsWith("[") && target.endsWith("]")) {
            target = target.substring(1, target.length() - 1);
        }
        for (String pattern : nonProxyHosts) {
            String p = pattern.startsWith("[") && pattern.endsWith("]") ? pattern.substring(1, pattern.length() - 1)
                    : pattern;
            if (p.equals("*") || p.equals(target)
                || p.startsWith("*") && target.endsWith(p.substring(1))
                || p.endsWith("*") && target.startsWith(p.substring(0, p.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The proxy for a request to {@code target}: the named one, the JVM's, or none. */
    public Proxy proxyFor(URI target) {
        if (explicit()) {
            return bypasses(target.getHost()) ? Proxy.NO_PROXY
                    : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        }
        if (useSystemProperties) {
            List<Proxy> proxies = ProxySelector.getDefault().select(target);
            return proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
        }
        return Proxy.NO_PROXY;
    }

    /** The proxy credentials to answer a 407 from {@code proxyHost}:{@code proxyPort} with; null when none. */
    public PasswordAuthentication credentialsFor(String proxyHost, int proxyPort) {
        if (explicit()) {
            return username != null && host.equalsIgnoreCase(proxyHost) && port == proxyPort
                    ? new PasswordAuthentication(username, password.toCharArray()) : null;
        }
        if (useSystemProperties) {
            for (String scheme : new String[] { "https", "http" }) {
                String h = System.getProperty(scheme + ".proxyHost");
                String user = System.getProperty(scheme + ".proxyUser");
                if (h != null && user != null && h.equalsIgnoreCase(proxyHost)
                    && Integer.getInteger(scheme + ".proxyPort", scheme.equals("https") ? 443 : 80) == proxyPort) {
                    return new PasswordAuthentication(user,
                            System.getProperty(scheme + ".proxyPassword", "").toCharArray());
                }
            }
        }
        return null;
    }

    private static String systemCredentials() {
        String https = System.getProperty("https.proxyUser");
        return https != null ? https : System.getProperty("http.proxyUser");
    }

    /**
     * Routes a JDK HTTP client (sign-in) as this says: its proxy selector, and an authenticator that answers the
     * proxy's challenges only (never a server's). Without a proxy the client goes directly, whatever the JVM's default
     * proxy selector says.
     * <p>
     * The JDK sends Basic proxy credentials through a CONNECT tunnel (an https sign-in host) only when the JVM allows
     * it: {@code -Djdk.http.auth.tunneling.disabledSchemes=} (empty); it disallows it by default.
     */
    public HttpClient.Builder configure(HttpClient.Builder builder) {
        if (!explicit() && !useSystemProperties) {
            return builder.proxy(HttpClient.Builder.NO_PROXY);
        }
        builder.proxy(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(proxyFor(uri));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // the request fails and reports it
            }
        });
        if (hasCredentials()) {
            builder.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return getRequestorType() == RequestorType.PROXY
                            ? credentialsFor(getRequestingHost(), getRequestingPort()) : null;
                }
            });
        }
        return builder;
    }

    /** No password in it: for logs and dumps. */
    @Override
    public String toString() {
        return explicit() ? "proxy " + host + ":" + port + (username == null ? "" : " as " + username)
                            + (nonProxyHosts.isEmpty() ? "" : ", not for " + String.join("|", nonProxyHosts))
                : useSystemProperties ? "the JVM's proxy settings" : "no proxy";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
