package dev.adfrest.camel.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.support.PlainPath;
import org.apache.hc.core5.http.ContentType;

/**
 * How an endpoint reads its pages' JSON, decided once: when every body value the rules read is a plain path, one
 * streaming pass checks the page and picks those values out ({@link PageScanner}), and the page's tree is only built
 * if the route asks for it; when a rule needs full JSONPath or the records are mapped, the tree is built right away,
 * once, and serves both.
 * <p>
 * JSON is read as Jackson detects its encoding (UTF-8, UTF-16 or UTF-32, a BOM skipped). A page whose Content-Type
 * names another charset ({@code application/json; charset=ISO-8859-1}, as older APIs send) is decoded in that charset
 * ({@link #inCharset}) unless its bytes are valid UTF-8: RFC 8259 gives application/json no charset, and many servers
 * add a wrong one to UTF-8 JSON, while text in a legacy charset with letters beyond ASCII is hardly ever valid UTF-8.
 */
public final class PageJson {

    private final ObjectMapper mapper;
    private final PageScanner scanner;
    /** The charset pages are decoded in, or null when Jackson detects it. */
    private final Charset charset;

    /**
     * @param mapper  parses pages
     * @param scanner picks the rules' values out of a page, or null when the engine reads the whole tree
     */
    PageJson(ObjectMapper mapper, PageScanner scanner) {
        this(mapper, scanner, null);
    }

    private PageJson(ObjectMapper mapper, PageScanner scanner, Charset charset) {
        this.mapper = mapper;
        this.scanner = scanner;
        this.charset = charset;
    }

    /**
     * The same reading for pages whose Content-Type names {@code declared}: Jackson's detection for none or a Unicode
     * charset, else decoding the text in {@code declared}.
     */
    PageJson inCharset(Charset declared) {
        Charset wanted = declared == null || detected(declared) ? null : declared;
        return Objects.equals(wanted, charset) ? this : new PageJson(mapper, scanner, wanted);
    }

    /** The charset this reading decodes pages in; null when Jackson tells it from the bytes. */
    public Charset charset() {
        return charset;
    }

    /** Whether a body is valid UTF-8 (plain ASCII is). */
    static boolean isUtf8(byte[] body) {
        int i = 0;
        while (i < body.length && body[i] >= 0) {
            i++;
        }
        if (i == body.length) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body, i, body.length - i));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The charset a Content-Type value names; null for none, or one that is unknown or malformed. */
    public static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return ContentType.parse(contentType).getCharset();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Charsets Jackson tells from the bytes themselves; US-ASCII is UTF-8. */
    public static boolean detected(Charset charset) {
        return charset.name().startsWith("UTF-") || charset.equals(StandardCharsets.US_ASCII);
    }

    /**
     * @param rules      the endpoint's pagination rules
     * @param treeNeeded the records are mapped (collectionReference, translator): every page's tree is needed
     */
    public static PageJson of(PaginationRules rules, boolean treeNeeded) {
        return of(Json.MAPPER, rules, treeNeeded);
    }

    static PageJson of(ObjectMapper mapper, PaginationRules rules, boolean treeNeeded) {
        Optional<List<PlainPath>> plain = rules.plainBodyPaths();
        if (treeNeeded || plain.isEmpty()) {
            return new PageJson(mapper, null);
        }
        return new PageJson(mapper, new PageScanner(plain.get(),
                mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)));
    }

    /** Whether reading a page builds its whole tree (rather than picking out the rules' values). */
    public boolean readsWholeTree() {
        return scanner == null;
    }

    /**
     * Checks a page and gives what the pagination engine reads: the whole tree, or the sparse tree of the rules'
     * values ({@link #readsWholeTree()}).
     *
     * @throws IOException Jackson's exceptions for a body that is not one whole JSON value
     */
    JsonNode read(byte[] body) throws IOException {
        if (charset != null) {
            return read(new ByteArrayInputStream(body));
        }
        if (scanner == null) {
            return mapper.readTree(body);
        }
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            return scanner.scan(parser);
        }
    }

    /**
     * The same from a stream, read to its end but not closed.
     *
     * @throws IOException Jackson's exceptions, and the stream's own
     */
    JsonNode read(InputStream body) throws IOException {
        try (JsonParser parser = parser(body)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE); // the caller decides what becomes of the stream
            if (scanner != null) {
                return scanner.scan(parser);
            }
            JsonNode tree = mapper.readTree(parser); // fails on trailing tokens, as readTree(byte[]) does
            return tree == null ? MissingNode.getInstance() : tree;
        }
    }

    /** The whole tree of a page already checked. */
    JsonNode tree(byte[] body) throws IOException {
        return charset == null ? mapper.readTree(body) : tree(new ByteArrayInputStream(body));
    }

    /** The whole tree of a page already checked, from a stream it closes. */
    JsonNode tree(InputStream body) throws IOException {
        if (charset == null) {
            return mapper.readTree(body);
        }
        try (InputStream in = body) {
            return mapper.readTree(new InputStreamReader(in, charset));
        }
    }

    private JsonParser parser(InputStream body) throws IOException {
        return charset == null ? mapper.getFactory().createParser(body)
                : mapper.getFactory().createParser(new InputStreamReader(body, charset));
    }
}
