package dev.adfrest.camel.pagination;

import dev.adfrest.camel.support.Headers;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request of a copy run, as the pagination engine sees it: no credentials (those are added when the request
 * is sent), so it can be logged, compared and stored for resume.
 *
 * @param method  GET or POST
 * @param url     the absolute URL, query included
 * @param headers request headers in order (names as given; look-ups ignore case)
 * @param body    the request body, or null
 */
public record PageRequest(String method, String url, Map<String, String> headers, String body) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PageRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        // most requests have no headers of their own: no copy of an empty map for every page
        headers = headers == null || headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A record's equality, written out: the run compares every next request with the one just made, and the generated
     * one goes through method handles, slow until the JIT has compiled them (a short run pays that on every page).
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PageRequest r && url.equals(r.url) && method.equals(r.method)
                            && headers.equals(r.headers) && Objects.equals(body, r.body);
    }

    /** The record's hash, written out ({@link #equals}): 31 times the hash so far plus each component's. */
    @Override
    public int hashCode() {
        return ((method.hashCode() * 31 + url.hashCode()) * 31 + headers.hashCode()) * 31 + Objects.hashCode(body);
    }

    /** The value of a header, matching the name without regard to case; null when absent. */
    public String header(String name) {
        return Headers.get(headers, name);
    }

    public PageRequest withUrl(String newUrl) {
        return new PageRequest(method, newUrl, headers, body);
    }

    public PageRequest withBody(String newBody) {
        return new PageRequest(method, url, headers, newBody);
    }

    /** Sets a header, replacing any header of the same name (ignoring case) in place. */
    public PageRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>();
        boolean replaced = false;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                if (!replaced) {
                    copy.put(e.getKey(), value);
                    replaced = true;
                }
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        if (!replaced) {
            copy.put(name, value);
        }
        return new PageRequest(method, url, copy, body);
    }
}
