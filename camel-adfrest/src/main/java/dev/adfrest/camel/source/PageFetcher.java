package dev.adfrest.camel.source;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.adfrest.camel.AdfRestPageException;
import dev.adfrest.camel.http.HttpResult;
import dev.adfrest.camel.http.HttpTransport;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.support.Masking;

/**
 * Fetches one page and parses its JSON, once. A page that is not complete, valid JSON is refused here, before
 * anything downstream sees it.
 */
public final class PageFetcher implements CopyRun.Fetcher {

    /** One mapper for all endpoints; limits keep hostile bodies from exhausting the stack or memory. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        // nesting stays bounded (a hostile page cannot blow the stack); string and document sizes are bounded by
        // maxResponseSize instead of Jackson's 20 MB string default, which would refuse legitimate large values
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(1000)
                .maxStringLength(Integer.MAX_VALUE)
                .build());
    }

    private final HttpTransport transport;
    private final Masking masking;

    public PageFetcher(HttpTransport transport, Masking masking) {
        this.transport = transport;
        this.masking = masking;
    }

    @Override
    public FetchedPage fetch(PageRequest request, int number) throws IOException {
        HttpResult result = transport.send(request);
        if (result.status() == 204) {
            return new FetchedPage(number, request, result, null);
        }
        return new FetchedPage(number, request, result, parse(result.body(), request, number));
    }

    private JsonNode parse(byte[] body, PageRequest request, int number) {
        if (body.length == 0) {
            throw new AdfRestPageException("the response body is empty, not JSON", masking.url(request.url()), number, null,
                    true);
        }
        try {
            return JSON.readTree(body);
        } catch (JsonEOFException e) {
            throw new AdfRestPageException("the JSON body is cut short after " + body.length + " bytes",
                    masking.url(request.url()), number, null, true);
        } catch (JsonProcessingException e) {
            throw new AdfRestPageException("the response body is not valid JSON: " + masking.scrub(e.getOriginalMessage()),
                    masking.url(request.url()), number, null);
        } catch (IOException e) {
            throw new AdfRestPageException("the response body could not be read: " + masking.scrub(e.getMessage()),
                    masking.url(request.url()), number, null);
        }
    }
}
