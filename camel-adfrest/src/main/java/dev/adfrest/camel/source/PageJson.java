package dev.adfrest.camel.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.support.PlainPath;

/**
 * How an endpoint reads its pages' JSON, decided once: when every body value the rules read is a plain path, one
 * streaming pass checks the page and picks those values out ({@link PageScanner}), and the page's tree is only built
 * if the route asks for it; when a rule needs full JSONPath or the records are mapped, the tree is built right away,
 * once, and serves both.
 */
public final class PageJson {

    private final ObjectMapper mapper;
    private final PageScanner scanner;

    /**
     * @param mapper  parses pages
     * @param scanner picks the rules' values out of a page, or null when the engine reads the whole tree
     */
    PageJson(ObjectMapper mapper, PageScanner scanner) {
        this.mapper = mapper;
        this.scanner = scanner;
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
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
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
        return mapper.readTree(body);
    }

    /** The whole tree of a page already checked, from a stream it closes. */
    JsonNode tree(InputStream body) throws IOException {
        return mapper.readTree(body);
    }
}
