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
        int end = hash < 0 ? result.length() : hash;
        // the URL is copied only once a value is masked: most request URLs (one per page) carry none
        StringBuilder masked = null;
        int copied = 0;
        for (int start = q + 1; start <= end;) {
            int amp = result.indexOf('&', start);
            int pairEnd = amp < 0 || amp > end ? end : amp;
            int eq = result.indexOf('=', start);
            if (eq > start && eq < pairEnd && SecretNames.looksSecret(decodeName(result.substring(start, eq)))) {
                if (masked == null) {
                    masked = new StringBuilder(result.length());
                }
                masked.append(result, copied, eq + 1).append(MASK);
                copied = pairEnd;
            }
            start = pairEnd + 1;
        }
        return masked == null ? result : masked.append(result, copied, result.length()).toString();
    }

    private static String decodeName(String name) {
        if (name.indexOf('%') < 0 && name.indexOf('+') < 0) {
            return name; // nothing to decode
        }
        try {
            return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
