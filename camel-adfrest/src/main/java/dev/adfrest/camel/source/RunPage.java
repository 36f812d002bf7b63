package dev.adfrest.camel.source;

import java.util.List;
import java.util.Map;

import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.pagination.PageRequest;

/**
 * A page as a run hands it over: the page fetched, whether it is the run's last, and what the route gets of it.
 *
 * @param runId  the run's id
 * @param page   the page as fetched; its {@link PageContent} holds the bytes
 * @param last   true on the last page of a run that ends normally (exact: the request after it was answered)
 * @param url    the request URL, masked for display
 * @param mapped the page's records or rows; null when the page goes out as received
 * @param watermark the watermark value the run asks from (incremental copy); null when it has none
 */
public record RunPage(String runId, FetchedPage page, boolean last, String url, PageOutput.Mapped mapped,
                      String watermark) implements AutoCloseable {

    /** A page of a run without a watermark. */
    public RunPage(String runId, FetchedPage page, boolean last, String url, PageOutput.Mapped mapped) {
        this(runId, page, last, url, mapped, null);
    }

    public int number() {
        return page.number();
    }

    public PageRequest request() {
        return page.request();
    }

    public int status() {
        return page.status();
    }

    public Map<String, List<String>> headers() {
        return page.headers();
    }

    /** The body as received, in memory or spooled. */
    public PageContent content() {
        return page.content();
    }

    /** The body's length in bytes. */
    public long size() {
        return page.size();
    }

    /** Records the page carried: its records or rows when mapped, 1 when it goes out as received. */
    public long records() {
        return mapped == null ? 1 : mapped.records();
    }

    /** Deletes the page's spool file, if any. */
    @Override
    public void close() {
        page.close();
    }
}
