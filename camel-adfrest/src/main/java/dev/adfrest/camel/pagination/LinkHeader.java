package dev.adfrest.camel.pagination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.hc.core5.util.Tokenizer;

/**
 * RFC 8288 (formerly RFC 5988) {@code Link} header values: {@code <url>; rel="next", <url>; rel="last"}. Neither
 * HttpClient nor HttpCore parses them, so this does, on HttpCore's {@link Tokenizer} (quoted strings, escapes,
 * delimiters). The target inside {@code <…>} may hold commas and semicolons; {@code rel} may be quoted or not and
 * hold several relation types ({@code rel="next last"}); unparseable parts are skipped, never fatal.
 */
final class LinkHeader {

    private static final Tokenizer TOKENIZER = Tokenizer.INSTANCE;
    private static final Tokenizer.Delimiter LINK_END = Tokenizer.delimiters(',');
    private static final Tokenizer.Delimiter PARAM_NAME_END = Tokenizer.delimiters('=', ';', ',');
    private static final Tokenizer.Delimiter PARAM_VALUE_END = Tokenizer.delimiters(';', ',');

    /**
     * One link.
     *
     * @param target the URI reference between {@code <} and {@code >}, as written
     * @param rels   its relation types, lower case
     */
    record Link(String target, Set<String> rels) {
    }

    private LinkHeader() {
    }

    /** The target of the first link with relation type {@code next} among all Link header values, or null. */
    static String next(List<String> headerValues) {
        for (String value : headerValues) {
            for (Link link : parse(value)) {
                if (link.rels().contains("next")) {
                    return link.target();
                }
            }
        }
        return null;
    }

    /** Every link of one header value, in order. */
    static List<Link> parse(String value) {
        List<Link> links = new ArrayList<>();
        if (value == null) {
            return links;
        }
        Tokenizer.Cursor cursor = new Tokenizer.Cursor(0, value.length());
        while (!cursor.atEnd()) {
            TOKENIZER.skipWhiteSpace(value, cursor);
            if (cursor.atEnd()) {
                break;
            }
            int pos = cursor.getPos();
            if (value.charAt(pos) == ',') {
                cursor.updatePos(pos + 1);
                continue;
            }
            int close = value.charAt(pos) == '<' ? value.indexOf('>', pos + 1) : -1;
            if (close < 0) {
                TOKENIZER.parseValue(value, cursor, LINK_END); // not a link: skip to the next one
                continue;
            }
            String target = value.substring(pos + 1, close).trim();
            cursor.updatePos(close + 1);
            links.add(new Link(target, relations(value, cursor)));
        }
        return links;
    }

    /** Reads {@code ; name=value} parameters up to the end of this link; returns the first rel's types. */
    private static Set<String> relations(String value, Tokenizer.Cursor cursor) {
        Set<String> rels = null;
        while (!cursor.atEnd()) {
            TOKENIZER.skipWhiteSpace(value, cursor);
            if (cursor.atEnd()) {
                break;
            }
            int pos = cursor.getPos();
            char c = value.charAt(pos);
            if (c == ',') {
                cursor.updatePos(pos + 1);
                break;
            }
            if (c != ';') {
                TOKENIZER.parseValue(value, cursor, PARAM_VALUE_END); // stray text: skip it
                continue;
            }
            cursor.updatePos(pos + 1);
            String name = TOKENIZER.parseToken(value, cursor, PARAM_NAME_END);
            String paramValue = null;
            if (!cursor.atEnd() && value.charAt(cursor.getPos()) == '=') {
                cursor.updatePos(cursor.getPos() + 1);
                paramValue = TOKENIZER.parseValue(value, cursor, PARAM_VALUE_END);
            }
            if (rels == null && "rel".equalsIgnoreCase(name) && paramValue != null) { // RFC 8288: later rels are ignored
                rels = new LinkedHashSet<>();
                for (String rel : paramValue.trim().split("\\s+")) {
                    if (!rel.isEmpty()) {
                        rels.add(rel.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return rels == null ? Set.of() : Set.copyOf(rels);
    }
}
