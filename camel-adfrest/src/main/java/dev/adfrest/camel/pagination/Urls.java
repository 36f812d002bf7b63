package dev.adfrest.camel.pagination;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.hc.client5.http.utils.URIUtils;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * The URL work of pagination.
 * <p>
 * Query parameters are edited pair by pair on the raw query: the pair a rule sets is encoded with
 * {@link WWWFormCodec}, and every other pair keeps its exact bytes. (URIBuilder would decode and re-encode the whole
 * query, turning a {@code +} that means a space into {@code %2B} and breaking signed next links.)
 */
final class Urls {

    private Urls() {
    }

    /**
     * Resolves a link (absolute, or relative to the URL of the request just made, RFC 3986) and drops its fragment,
     * which is never sent.
     *
     * @throws URISyntaxException when the result is not a URL
     */
    static URI resolve(String base, String link) throws URISyntaxException {
        if (isCleanAbsolute(link)) {
            try {
                URI uri = new URI(link);
                if (isHttp(uri)) {
                    // what resolving would give back: skip the escaping, the base, the normalization and the re-parse
                    return uri;
                }
            } catch (URISyntaxException e) {
                // the full resolution says what is wrong
            }
        }
        return resolveFully(base, link);
    }

    /** {@link #resolve} without the shortcut: escaping, RFC 3986 resolution and HttpClient's normalization. */
    static URI resolveFully(String base, String link) throws URISyntaxException {
        URI resolved = URIUtils.resolve(new URI(escapeIllegal(base)), new URI(escapeIllegal(link.trim())));
        String text = resolved.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? resolved : new URI(text.substring(0, hash));
    }

    /**
     * Whether a link is an absolute http(s) URL that resolving and normalizing leave exactly as it is: lower-case
     * scheme and host, a port without leading zeros, a path of plain segments (unreserved characters only: no dot
     * segments, no empty segments, no escapes), an optional non-empty query of characters RFC 3986 allows there, no
     * user info, no fragment. Most next links are (UrlsFastPathTest checks the claim against the full resolution).
     */
    static boolean isCleanAbsolute(String link) {
        int n = link.length();
        int i = link.startsWith("https://") ? 8 : link.startsWith("http://") ? 7 : -1;
        if (i < 0) {
            return false;
        }
        int host = i;
        while (i < n && (isLowerAlphaNum(link.charAt(i)) || link.charAt(i) == '.' || link.charAt(i) == '-')) {
            i++;
        }
        if (i == host) {
            return false;
        }
        if (i < n && link.charAt(i) == ':') {
            int port = ++i;
            while (i < n && link.charAt(i) >= '0' && link.charAt(i) <= '9') {
                i++;
            }
            if (i == port || link.charAt(port) == '0' || i - port > 5) {
                return false;
            }
        }
        if (i >= n || link.charAt(i) != '/') {
            return false; // no path: normalizing adds "/"
        }
        int segment = i + 1;
        for (i++; i < n && link.charAt(i) != '?'; i++) {
            char c = link.charAt(i);
            if (c == '/') {
                if (!isPlainSegment(link, segment, i)) {
                    return false;
                }
                segment = i + 1;
            } else if (!isUnreserved(c)) {
                return false;
            }
        }
        if (segment < i && !isPlainSegment(link, segment, i)) {
            return false; // a last segment "." or ".."; an empty last segment is a trailing slash, which is kept
        }
        if (i < n) {
            if (i == n - 1) {
                return false; // an empty query: normalizing drops the "?"
            }
            for (i++; i < n; i++) {
                char c = link.charAt(i);
                if (c == '%' ? !isEscape(link, i) : !isUnreserved(c) && "!$&'()*+,;=:@/?".indexOf(c) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isPlainSegment(String s, int from, int to) {
        int length = to - from;
        return length > 0 && !(length == 1 && s.charAt(from) == '.')
               && !(length == 2 && s.charAt(from) == '.' && s.charAt(from + 1) == '.');
    }

    private static boolean isLowerAlphaNum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isUnreserved(char c) {
        return isLowerAlphaNum(c) || c >= 'A' && c <= 'Z' || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Whether a resolved URL may be requested: http or https with a host. */
    static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
    }

    /**
     * Percent-encodes what RFC 3986 never allows in a URL (spaces, quotes, braces, non-ASCII, a {@code %} not starting
     * an escape), as browsers do with links APIs hand out unencoded. Everything else is left as it is.
     */
    static String escapeIllegal(String url) {
        StringBuilder sb = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean legal = c < 0x7f && c > 0x20 && "\"<>\\^`{|}".indexOf(c) < 0
                            && (c != '%' || isEscape(url, i));
            if (legal) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(url.length() + 16).append(url, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
            for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
            i = end - 1;
        }
        return sb == null ? url : sb.toString();
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0;
    }

    /** Sets a query parameter: the first pair of that name is replaced, later ones removed, or the pair is appended. */
    static String setQueryParameter(String url, String name, String value) {
        Parts parts = Parts.of(url);
        String pair = WWWFormCodec.format(List.of(new BasicNameValuePair(name, value)), StandardCharsets.UTF_8);
        List<String> pairs = new ArrayList<>();
        boolean placed = false;
        for (String p : parts.pairs()) {
            if (!name.equals(nameOf(p))) {
                pairs.add(p);
            } else if (!placed) {
                pairs.add(pair);
                placed = true;
            }
        }
        if (!placed) {
            pairs.add(pair);
        }
        return parts.with(pairs);
    }

    /** Appends the query pairs of {@code from} whose names {@code url} lacks, exactly as they were (keepQueryParameters). */
    static String addMissingQueryParameters(String url, String from) {
        Parts parts = Parts.of(url);
        Set<String> present = new HashSet<>();
        parts.pairs().forEach(p -> present.add(nameOf(p)));
        List<String> pairs = new ArrayList<>(parts.pairs());
        for (String p : Parts.of(from).pairs()) {
            if (!present.contains(nameOf(p))) {
                pairs.add(p);
            }
        }
        return pairs.size() == parts.pairs().size() ? url : parts.with(pairs);
    }

    /**
     * The URL with the values of some query parameters left empty ({@code api_key=}); their names are added to
     * {@code withheld} once each.
     */
    static String withholdValues(String url, java.util.function.Predicate<String> withhold, List<String> withheld) {
        Parts parts = Parts.of(url);
        List<String> pairs = new ArrayList<>();
        boolean changed = false;
        for (String p : parts.pairs()) {
            String name = nameOf(p);
            if (withhold.test(name)) {
                int eq = p.indexOf('=');
                pairs.add((eq < 0 ? p : p.substring(0, eq)) + "=");
                if (!withheld.contains(name)) {
                    withheld.add(name);
                }
                changed = true;
            } else {
                pairs.add(p);
            }
        }
        return changed ? parts.with(pairs) : url;
    }

    /**
     * Undoes {@link #withholdValues}: each withheld parameter gets its value from {@code from} (the endpoint's first
     * request) again, in place, or is removed when {@code from} has none.
     */
    static String restoreValues(String url, List<String> withheld, String from) {
        if (withheld.isEmpty()) {
            return url;
        }
        Parts parts = Parts.of(url);
        List<String> source = Parts.of(from).pairs();
        List<String> pairs = new ArrayList<>();
        for (String p : parts.pairs()) {
            String name = nameOf(p);
            if (!withheld.contains(name)) {
                pairs.add(p);
                continue;
            }
            source.stream().filter(s -> nameOf(s).equals(name)).findFirst().ifPresent(pairs::add);
        }
        return parts.with(pairs);
    }

    /** The decoded name of one raw query pair. */
    static String nameOf(String pair) {
        int eq = pair.indexOf('=');
        List<NameValuePair> parsed = WWWFormCodec.parse(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        return parsed.isEmpty() ? "" : parsed.get(0).getName();
    }

    /** A URL cut around its query: what comes before {@code ?}, the raw pairs, and the fragment. */
    private record Parts(String head, List<String> pairs, String fragment) {

        static Parts of(String url) {
            int hash = url.indexOf('#');
            String fragment = hash < 0 ? "" : url.substring(hash);
            String rest = hash < 0 ? url : url.substring(0, hash);
            int q = rest.indexOf('?');
            List<String> pairs = new ArrayList<>();
            if (q >= 0) {
                for (String p : rest.substring(q + 1).split("&")) {
                    if (!p.isEmpty()) {
                        pairs.add(p);
                    }
                }
            }
            return new Parts(q < 0 ? rest : rest.substring(0, q), pairs, fragment);
        }

        String with(List<String> newPairs) {
            return head + (newPairs.isEmpty() ? "" : "?" + String.join("&", newPairs)) + fragment;
        }
    }
}
