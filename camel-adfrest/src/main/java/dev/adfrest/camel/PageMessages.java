package dev.adfrest.camel;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.adfrest.camel.source.PageJson;
import dev.adfrest.camel.source.RunPage;
import dev.adfrest.camel.support.Headers;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.CaseInsensitiveMap;

/**
 * What the exchange of a page carries: the headers of the contract, every response header in the
 * {@link AdfRestConstants#RESPONSE_HEADERS} map and, as top-level headers, those the filter lets through (by default
 * {@link AdfRestHeaderFilterStrategy}'s safe set), and the body (the page as received, or its records or rows). One
 * per endpoint.
 */
final class PageMessages {

    private static final HeaderFilterStrategy SAFE = new AdfRestHeaderFilterStrategy();
    /**
     * The safe set's verdicts by header name: it looks at names only (a set, prefixes and a regular expression), and
     * an API sends the same few names on every page. Bounded, as the names are the API's to choose.
     */
    private static final Map<String, Boolean> SAFE_VERDICTS = new ConcurrentHashMap<>();
    static final int MAX_REMEMBERED = 256;

    private final HeaderFilterStrategy headerFilter;
    /** Whether bodies are rows of a translator (they then say how many rows were skipped). */
    private final boolean rows;
    /** The last Content-Type seen and its charset, replaced whole: an API sends the same one on every page. */
    private volatile TypeCharset lastContentType = new TypeCharset(null, null);

    private record TypeCharset(String type, Charset charset) {
    }

    /** @param headerFilter the endpoint's headerFilterStrategy, or null for the safe set */
    PageMessages(boolean rows, HeaderFilterStrategy headerFilter) {
        this.rows = rows;
        this.headerFilter = headerFilter == null ? SAFE : headerFilter;
    }

    /**
     * Sets the page on the exchange's message. A spooled page's file is deleted when the exchange is done with (its
     * body may outlive the route's thread: seda, wire tap, async routing).
     */
    void fill(Exchange exchange, RunPage page) {
        fill(exchange.getMessage(), exchange, page);
        if (page.content().isSpooled()) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    page.close();
                }
            });
        }
    }

    /**
     * Sets the page on a message: its headers and body. Whoever hands the message out deletes a spooled page's file
     * ({@link RunPage#close()}) when it is done with.
     *
     * @param exchange the exchange the message belongs to or was made for (the header filter reads it)
     */
    void fill(Message message, Exchange exchange, RunPage page) {
        copyResponseHeaders(page, message, exchange);
        message.setHeader(AdfRestConstants.PAGE_NUMBER, page.number());
        message.setHeader(AdfRestConstants.REQUEST_URL, page.url());
        message.setHeader(AdfRestConstants.RUN_ID, page.runId());
        message.setHeader(AdfRestConstants.LAST_PAGE, page.last());
        message.setHeader(AdfRestConstants.HTTP_RESPONSE_CODE, page.status());
        if (page.watermark() != null) {
            message.setHeader(AdfRestConstants.WATERMARK, page.watermark());
        }
        if (page.mapped() != null) {
            message.setBody(page.mapped().body());
            message.setHeader(AdfRestConstants.RECORD_COUNT, page.mapped().records());
            if (rows) {
                message.setHeader(AdfRestConstants.SKIPPED_ROW_COUNT, page.mapped().skipped());
            }
            return;
        }
        message.setBody(AdfRestPage.of(page.content(), charsetOf(page)));
        if (page.content().isSpooled()) {
            // a file producer moves this second name of the page's file into place instead of copying it
            Path work = page.content().workFile();
            if (work != null) {
                message.setHeader(Exchange.FILE_LOCAL_WORK_PATH, work.toString());
            }
        }
    }

    private void copyResponseHeaders(RunPage page, Message message, Exchange exchange) {
        Map<String, Object> all = new CaseInsensitiveMap();
        for (Map.Entry<String, List<String>> header : page.headers().entrySet()) {
            List<String> values = header.getValue();
            Object value = values.size() == 1 ? values.get(0) : List.copyOf(values);
            all.merge(header.getKey(), value, PageMessages::join); // "Link" and "link" are one header
            if (!filteredOut(header.getKey(), value, exchange)) {
                message.setHeader(header.getKey(), value);
            }
        }
        message.setHeader(AdfRestConstants.RESPONSE_HEADERS, all);
    }

    /** Whether the filter keeps a response header out of the top-level headers. */
    private boolean filteredOut(String name, Object value, Exchange exchange) {
        if (headerFilter != SAFE || value == null) {
            // a user's strategy may look at anything; Camel's looks at the value only to refuse nulls
            return headerFilter.applyFilterToExternalHeaders(name, value, exchange);
        }
        Boolean known = SAFE_VERDICTS.get(name);
        if (known == null) {
            known = SAFE.applyFilterToExternalHeaders(name, value, exchange);
            if (SAFE_VERDICTS.size() < MAX_REMEMBERED) {
                SAFE_VERDICTS.put(name, known);
            }
        }
        return known;
    }

    private static Object join(Object a, Object b) {
        List<Object> values = new ArrayList<>();
        for (Object v : new Object[] { a, b }) {
            if (v instanceof List<?> list) {
                values.addAll(list);
            } else {
                values.add(v);
            }
        }
        return List.copyOf(values);
    }

    /**
     * The charset of a page's text: the one its JSON was decoded in, or a Unicode one its Content-Type names; null for
     * UTF-8.
     */
    private Charset charsetOf(RunPage page) {
        Charset decoded = page.content().charset();
        if (decoded != null) {
            return decoded;
        }
        Charset declared = declaredCharsetOf(page);
        return declared != null && PageJson.detected(declared) ? declared : null;
    }

    /** The charset a page's Content-Type names, or null. */
    private Charset declaredCharsetOf(RunPage page) {
        String type = Headers.first(page.headers(), "Content-Type");
        if (type == null) {
            return null;
        }
        TypeCharset last = lastContentType;
        if (type.equals(last.type())) {
            return last.charset();
        }
        Charset charset = PageJson.charsetOf(type);
        lastContentType = new TypeCharset(type, charset);
        return charset;
    }
}
