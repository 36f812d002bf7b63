package dev.adfrest.bench;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * The floors that need each page's records: the HttpClient 5 loop of {@link FloorClient}, each body parsed into a
 * Jackson tree as it streams in ({@code readTree}, refusing a cut-short or trailing-garbage page as adfrest does), the
 * next link and the records array taken from the tree. What is done with the records is the subclass's.
 */
abstract class TreeFloor implements BenchClient {

    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private CloseableHttpClient client;
    private Run run;
    private String nextField;
    private String recordsField;

    @Override
    public void prepare(Run run) {
        Workload.Shape shape = run.workload().shape();
        if (shape != Workload.Shape.NEXT_LINK && shape != Workload.Shape.GRAPH) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " copies NEXT_LINK and GRAPH pages");
        }
        this.run = run;
        this.nextField = shape.nextField();
        this.recordsField = shape.recordsField();
        client = FloorClient.pooledClient();
    }

    @Override
    public void copy() throws IOException {
        for (String url = run.firstUrl(); url != null;) {
            url = client.execute(new HttpGet(url), this::page);
        }
    }

    private String page(ClassicHttpResponse response) throws IOException {
        FloorClient.check(response);
        JsonNode page;
        try (InputStream body = response.getEntity().getContent()) {
            page = JSON.readTree(body);
        }
        if (page == null || !page.isObject()) {
            throw new IOException("a page is not a JSON object");
        }
        JsonNode records = page.get(recordsField);
        if (records == null || !records.isArray()) {
            throw new IOException("a page has no " + recordsField + " array");
        }
        deliver(records, run.sink());
        JsonNode next = page.get(nextField);
        return next == null || next.isNull() ? null : next.asText();
    }

    /** Hands one page's records array to the sink. */
    abstract void deliver(JsonNode records, Sink sink);

    @Override
    public void finish() throws IOException {
        client.close();
    }
}
