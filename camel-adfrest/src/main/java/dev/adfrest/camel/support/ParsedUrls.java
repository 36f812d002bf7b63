package dev.adfrest.camel.support;

import java.net.URI;

/**
 * Hands the {@link URI} a URL text was last made into to the next place that needs it, so that a next link is parsed
 * once per page rather than twice: the pagination engine parses it to check and resolve it, and the request made
 * from it is sent with that same URI instead of a new parse of its text.
 * <p>
 * Only the most recent URI is kept, in one slot shared by all runs, and only the very String object it prints as
 * finds it ({@code ==}): {@code new URI(u.toString()).equals(u)} for every URI (its contract), and the same text
 * parses into the same parts, so {@link #parse} gives what {@link URI#create} would. Another run's link, a request
 * built otherwise, or a text equal but not the same object simply parse afresh.
 */
public final class ParsedUrls {

    private static volatile URI last;

    private ParsedUrls() {
    }

    /** Keeps {@code uri} for the request about to be made from its text ({@code uri.toString()}); returns it. */
    public static URI remember(URI uri) {
        last = uri;
        return uri;
    }

    /**
     * The URI of a URL text: the one last remembered when {@code url} is the very String it printed as, else
     * {@link URI#create}.
     *
     * @throws IllegalArgumentException when the text is not a URI
     */
    public static URI parse(String url) {
        URI known = last;
        return known != null && known.toString() == url ? known : URI.create(url);
    }
}
