package dev.adfrest.camel.support;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything a user can see: URLs in headers, logs and exception messages.
 * <p>
 * Two layers: {@link #maskUrl(String)} hides what looks like a credential in any URL (user info, query parameters
 * named like keys and tokens), and an instance made from an endpoint's secret option values scrubs those exact values
 * from any text, wherever they ended up.
 */
public final class Masking {

    public static final String MASK = "xxxxxx";

    private static final Pattern URL_IN_TEXT = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s'\"<>]+");
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@?#]*)@");

    private static final Masking NONE = new Masking(List.of());

    private final List<String> secrets;

    private Masking(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A masking that scrubs the given secret values (nulls and blanks are ignored) on top of URL masking. */
    public static Masking of(Collection<String> secretValues) {
        List<String> list = secretValues.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isBlank())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()) // longest first: no partial leftovers
                .toList();
        return list.isEmpty() ? NONE : new Masking(list);
    }

    public static Masking none() {
        return NONE;
    }

    /**
     * Makes any text fit to show: every URL in it masked as {@link #maskUrl(String)} does (a message may quote a next
     * link the API sent), then every known secret value removed.
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text.contains("://")
                ? URL_IN_TEXT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(maskUrl(m.group())))
                : text;
        return removeSecrets(result);
    }

    /** Masks a URL for display: {@link #maskUrl(String)}, then the known secret values. */
    public String url(String url) {
        return removeSecrets(maskUrl(url));
    }

    private String removeSecrets(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /**
     * Masks user info and the values of query parameters whose names look like credentials
     * ({@link SecretNames#looksSecret}: {@code api_key}, {@code access_token}, {@code sig}, ...). Works on any text that starts like a URL; never throws.
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String result = url.indexOf('@') < 0 ? url : USER_INFO.matcher(url).replaceFirst(m -> {
            String info = m.group(2);
            int colon = info.indexOf(':');
            String user = colon < 0 ? info : info.substring(0, colon);
            return Matcher.quoteReplacement(m.group(1) + user + ":" + MASK + "@");
        });
        int q = result.indexOf('?');
        if (q < 0) {
            return result;
        }
        int hash = result.indexOf('#', q);
        String query = hash < 0 ? result.substring(q + 1) : result.substring(q + 1, hash);
        StringBuilder sb = new StringBuilder(result.length()).append(result, 0, q + 1);
        String[] parts = query.split("&", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('&');
            }
            String part = parts[i];
            int eq = part.indexOf('=');
            if (eq > 0 && SecretNames.looksSecret(decodeName(part.substring(0, eq)))) {
                sb.append(part, 0, eq + 1).append(MASK);
            } else {
                sb.append(part);
            }
        }
        if (hash >= 0) {
            sb.append(result.substring(hash));
        }
        return sb.toString();
    }

    private static String decodeName(String name) {
        try {
            return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
