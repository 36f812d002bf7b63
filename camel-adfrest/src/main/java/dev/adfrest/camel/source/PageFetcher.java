package dev.adfrest.camel.source;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.http.BodyBytes;
import dev.adfrest.camel.http.HttpTransport;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.support.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one page and reads its JSON in one pass, as {@link PageJson} decides. A page that is not complete, valid
 * JSON is refused here ({@link PageFault}), before anything downstream sees it. A page over the spool threshold never sits in memory: it
 * goes to a temporary file while the same pass checks it and reads what the rules need.
 */
public final class PageFetcher implements CopyRun.Fetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);

    private final HttpTransport transport;
    private final PageJson json;
    private final Spools spools;
    /** The last Content-Type seen and how it is read, replaced whole: an API sends the same one on every page. */
    private volatile Reading lastReading;

    private record Reading(String contentType, PageJson json) {
    }

    PageFetcher(HttpTransport transport, PageJson json, Spools spools) {
        this.transport = transport;
        this.json = json;
        this.spools = spools;
        this.lastReading = new Reading(null, json);
    }

    @Override
    public FetchedPage fetch(PageRequest request, int number) throws IOException {
        return transport.send(request, (status, headers, body, length) -> {
            if (status == 204) {
                return new FetchedPage(number, request, status, headers, null, PageContent.NONE);
            }
            Received received = new Received(request, number, status, headers, reading(headers));
            if (length > spools.threshold()) {
                return spooled(received, body);
            }
            if (length >= 0) {
                return inMemory(received, BodyBytes.readAll(body, length));
            }
            BodyBytes.Head head = BodyBytes.readAtMost(body, spools.threshold());
            return head.complete() ? inMemory(received, head.copy())
                    : spooled(received, new SequenceInputStream(
                            new ByteArrayInputStream(head.buffer(), 0, head.length()), body));
        });
    }

    /**
     * A response being read into a page.
     *
     * @param declared how the page is read in the charset its Content-Type names, when that is one Jackson cannot tell
     *                 from the bytes; else the endpoint's reading
     */
    private record Received(PageRequest request, int number, int status, Map<String, List<String>> headers,
                            PageJson declared) {
    }

    /** How a page with these headers is read in the charset its Content-Type names, if Jackson cannot tell it. */
    private PageJson reading(Map<String, List<String>> headers) {
        String type = Headers.first(headers, "Content-Type");
        Reading last = lastReading;
        if (Objects.equals(type, last.contentType())) {
            return last.json();
        }
        PageJson reading = json.inCharset(PageJson.charsetOf(type));
        lastReading = new Reading(type, reading);
        return reading;
    }

    private FetchedPage inMemory(Received r, byte[] body) {
        if (body.length == 0) {
            throw new PageFault("the response body is empty, not JSON", null, true);
        }
        // valid UTF-8 is read as such whatever the Content-Type says (see PageJson)
        PageJson reading = r.declared() == json || PageJson.isUtf8(body) ? json : r.declared();
        JsonNode read;
        try {
            read = reading.read(body);
        } catch (JsonProcessingException e) {
            throw invalid(e, body.length);
        } catch (IOException e) {
            throw unreadable(e);
        }
        return new FetchedPage(r.number(), r.request(), r.status(), r.headers(), read,
                PageContent.inMemory(body, reading.readsWholeTree() ? read : null, reading));
    }

    /**
     * Tees the body into a temporary file while the JSON pass reads it; the file is deleted if anything fails. Read in
     * one pass, a page in a charset Jackson cannot tell is decoded as its Content-Type says.
     */
    private FetchedPage spooled(Received r, InputStream body) throws IOException {
        Spools.Spool spool = spools.create();
        try (OutputStream file = new SpoolOutput(spool.file())) {
            Tee tee = new Tee(body, file);
            JsonNode read;
            try {
                read = r.declared().read(tee);
            } catch (JsonProcessingException e) {
                throw invalid(e, tee.copied);
            } catch (CharConversionException e) {
                throw unreadable(e);
            }
            tee.transferTo(OutputStream.nullOutputStream()); // the parser read to the end; this is only a safeguard
            if (tee.copied == 0) {
                throw new PageFault("the response body is empty, not JSON", null, true);
            }
            LOG.debug("Page {}: {} bytes, over spoolThreshold, spooled to {}", r.number(), tee.copied, spool);
            return new FetchedPage(r.number(), r.request(), r.status(), r.headers(), read,
                    PageContent.spooled(spool, tee.copied, r.declared().readsWholeTree() ? read : null,
                            r.declared()));
        } catch (IOException | RuntimeException e) {
            spool.delete();
            throw e;
        }
    }

    private static PageFault invalid(JsonProcessingException e, long read) {
        if (e instanceof JsonEOFException) {
            return new PageFault("the JSON body is cut short after " + read + " bytes", e, true);
        }
        return new PageFault("the response body is not valid JSON: " + e.getOriginalMessage(), e, false);
    }

    /** Bytes Jackson cannot decode as text at all (an invalid UTF-32 body, say). */
    private static PageFault unreadable(IOException e) {
        return new PageFault("the response body could not be read: " + e.getMessage(), e, false);
    }

    /** Copies whatever is read through it to the spool file. */
    private static final class Tee extends FilterInputStream {
        private final OutputStream copy;
        long copied;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
                copied++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
                copied += n;
            }
            return n;
        }

        /** Skipped bytes are part of the body too: they go through the copy. */
        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.max(1, Math.min(n, 8192))];
            long left = n;
            for (int r; left > 0 && (r = read(buffer, 0, (int) Math.min(left, buffer.length))) >= 0;) {
                left -= r;
            }
            return n - left;
        }

        @Override
        public boolean markSupported() {
            return false; // a reset would copy bytes twice
        }
    }
}
