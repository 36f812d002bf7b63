package dev.adfrest.camel.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where requests may go (the allowedHosts option): a next link, an RFC 5988 link or a redirect that an API controls
 * must not send our requests, and the credentials they may carry, anywhere it likes (SSRF).
 * <ul>
 * <li>Only http and https, and never from an https base URL to plain http unless an entry says {@code http://host}.</li>
 * <li>Only to the base URL's host and port, and to the entries: {@code host} (on the default port of the request's
 * scheme: 443 for https, 80 for http), {@code host:port}, {@code *.example.com} (any subdomain, default port, or
 * {@code *.example.com:8443}), {@code [::1]:8080}; {@code *} allows any host and port, as ADF does.</li>
 * <li>Never to an internal address (loopback, link-local such as the cloud metadata service 169.254.169.254,
 * private, unique local: {@link InternalAddresses}) unless the host is the base URL's own or an entry names it; a
 * name that resolves to one is caught after DNS resolution ({@link GuardedDnsResolver}), an IP address here.</li>
 * </ul>
 */
public final class HostPolicy {

    private static final Pattern ENTRY = Pattern.compile(
            "(?i)(?:(https?)://)?(\\*|(?:\\*\\.)?[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?|\\[[0-9a-f:.]+])(?::(\\d{1,5}))?/?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_.-]*}");

    /**
     * One entry of the list.
     *
     * @param text   as written (or the base URL's host and port)
     * @param scheme "http" when plain http may be used from an https base URL; null otherwise
     * @param host   the host names it matches (lower case)
     * @param port   the port: -1 for the default port of the request's scheme, 0 for any port
     * @param named  false for {@code *}: an entry that names no host lets no host reach an internal address
     */
    private record Entry(String text, String scheme, Pattern host, int port, boolean named) {

        boolean matchesHost(String h) {
            return host.matcher(h).matches();
        }

        boolean matches(String h, int targetPort, int defaultPort) {
            return matchesHost(h) && (port == 0 || targetPort == (port == -1 ? defaultPort : port));
        }
    }

    /** A target already allowed: scheme and host in lower case, the port with the scheme's default filled in. */
    private record Passed(String scheme, String host, int port) {

        // written out: looked up on every page, and the generated ones go through method handles, slow until the JIT
        // has compiled them
        @Override
        public boolean equals(Object o) {
            return o instanceof Passed p && port == p.port && host.equals(p.host) && scheme.equals(p.scheme);
        }

        @Override
        public int hashCode() {
            return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
        }
    }

    /** The most targets {@link #passed} remembers: next links name the API's hosts, and those are few. */
    static final int MAX_REMEMBERED = 64;

    private final String baseScheme;
    private final Entry base;
    private final List<Entry> entries;
    /**
     * Targets that passed: every page's request is checked, and the verdict depends on the scheme, host and port only
     * (the policy never changes), so the regular expressions and the address check run once per target. Only allowed
     * targets are remembered; a refused one is refused afresh, with its message.
     */
    private final Set<Passed> passed = ConcurrentHashMap.newKeySet();

    private HostPolicy(String baseScheme, Entry base, List<Entry> entries) {
        this.baseScheme = baseScheme;
        this.base = base;
        this.entries = entries;
    }

    /**
     * Parses the allowedHosts option (comma-separated entries) for a base URL.
     *
     * @param  baseUrl                  the endpoint's base URL as written ({var} placeholders allowed)
     * @throws IllegalArgumentException naming allowedHosts and the bad entry
     */
    public static HostPolicy of(String baseUrl, String allowedHosts) {
        String url = baseUrl.trim();
        int colon = url.indexOf("://");
        if (colon < 0) {
            throw new IllegalArgumentException("Option 'baseUrl' must be an http or https URL");
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        String authority = url.substring(colon + 3);
        for (char end : new char[] { '/', '?', '#' }) {
            int i = authority.indexOf(end);
            authority = i < 0 ? authority : authority.substring(0, i);
        }
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host = authority;
        int port = -1;
        int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']')) : authority.lastIndexOf(':');
        if (portColon >= 0) {
            host = authority.substring(0, portColon);
            String p = authority.substring(portColon + 1);
            port = p.matches("\\d{1,5}") ? Integer.parseInt(p) : 0; // a {port} placeholder: any port
        }
        Entry baseEntry = new Entry(authority, null, hostPattern(host), port, true);
        List<Entry> entries = new ArrayList<>();
        if (allowedHosts != null) {
            for (String part : allowedHosts.split(",")) {
                String text = part.trim();
                if (!text.isEmpty()) {
                    entries.add(entry(text));
                }
            }
        }
        return new HostPolicy(scheme, baseEntry, List.copyOf(entries));
    }

    private static Entry entry(String text) {
        Matcher m = ENTRY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Option 'allowedHosts' has an invalid entry '" + text + "': use host,"
                                               + " host:port, *.example.com, [::1]:8080, http://host (plain http"
                                               + " from an https base URL) or * (any host)");
        }
        String scheme = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
        String host = m.group(2).toLowerCase(Locale.ROOT);
        int port = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
        if (port > 65535) {
            throw new IllegalArgumentException("Option 'allowedHosts' has an invalid port in '" + text + "'");
        }
        if (host.equals("*")) {
            return new Entry(text, scheme, Pattern.compile(".*"), 0, false);
        }
        Pattern pattern = host.startsWith("*.") ? Pattern.compile("[^/]+" + Pattern.quote(host.substring(1)))
                : Pattern.compile(Pattern.quote(unbracket(host)));
        return new Entry(text, scheme, pattern, port, true);
    }

    /** The base URL's host: {var} placeholders in it (filled by RANGE rules) match any label characters. */
    private static Pattern hostPattern(String host) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(host);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(host.substring(last, m.start()).toLowerCase(Locale.ROOT))).append("[a-z0-9_-]*");
            last = m.end();
        }
        regex.append(Pattern.quote(unbracket(host.substring(last).toLowerCase(Locale.ROOT))));
        return Pattern.compile(regex.toString());
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Checks where a request goes, before any connection is opened. A host name that resolves to an internal address
     * is caught later, by {@link GuardedDnsResolver}.
     *
     * @throws RefusedRequestException naming the target and the option that would allow it
     */
    public void check(URI target) throws RefusedRequestException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedRequestException("refusing a request to " + target + ": scheme '" + scheme
                                              + "': only http and https");
        }
        String host = target.getHost() == null ? "" : unbracket(target.getHost().toLowerCase(Locale.ROOT));
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = target.getPort() < 0 ? defaultPort : target.getPort();
        Passed key = new Passed(scheme, host, port);
        if (passed.contains(key)) {
            return;
        }
        boolean hostAllowed = base.matches(host, port, defaultPort)
                              || entries.stream().anyMatch(e -> e.matches(host, port, defaultPort));
        if (!hostAllowed) {
            throw new RefusedRequestException("refusing a request to " + target + ": " + where(host, port)
                                              + " is not in allowedHosts (" + allowed() + "); add it to allowedHosts"
                                              + " to follow it (host, host:port or *.example.com; * allows any host,"
                                              + " as ADF does)");
        }
        if (scheme.equals("http") && baseScheme.equals("https")
            && entries.stream().noneMatch(e -> "http".equals(e.scheme()) && e.matches(host, port, defaultPort))) {
            throw new RefusedRequestException("refusing a request to " + target + ": it goes from https to plain http;"
                                              + " add http://" + where(host, port) + " to allowedHosts to allow that");
        }
        InetAddress literal = literalAddress(host);
        if (literal != null) {
            String kind = InternalAddresses.kind(literal);
            if (kind != null && !mayReachInternal(host)) {
                throw new RefusedRequestException("refusing a request to " + target + ": '" + host + "' is "
                                                  + internalReason(host, kind));
            }
        }
        if (passed.size() < MAX_REMEMBERED) {
            passed.add(key);
        }
    }

    /**
     * Whether requests to this host may connect to an internal address: it is the base URL's host (the user chose
     * it), or an entry names it (a {@code *} entry names none).
     */
    public boolean mayReachInternal(String host) {
        String h = unbracket(host.toLowerCase(Locale.ROOT));
        return base.matchesHost(h) || entries.stream().anyMatch(e -> e.named() && e.matchesHost(h));
    }

    /** Why a host may not lead to an internal address, and how to allow it. */
    static String internalReason(String host, String kind) {
        return kind + "; only the base URL's host and hosts that allowedHosts names (not by *) may lead to internal"
               + " addresses: add '" + host + "' to allowedHosts if it is meant";
    }

    private String allowed() {
        StringBuilder sb = new StringBuilder("the base URL's ").append(base.text());
        entries.forEach(e -> sb.append(", ").append(e.text()));
        return sb.toString();
    }

    private static String where(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The address an IP literal names (no DNS); null for a host name. */
    private static InetAddress literalAddress(String host) {
        if (!IPV4.matcher(host).matches() && host.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
