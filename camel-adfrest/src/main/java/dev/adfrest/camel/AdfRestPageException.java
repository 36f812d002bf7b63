package dev.adfrest.camel;

/**
 * A page could not be used: its body is empty, cut short, not JSON, or larger than maxResponseSize; or (subtypes) a
 * pagination rule or the mapping could not be applied to it. The page is not emitted and the run ends.
 */
public class AdfRestPageException extends AdfRestException {

    private final String url;
    private final int pageNumber;

    /**
     * @param url the request URL, already masked
     */
    public AdfRestPageException(String problem, String url, int pageNumber, Throwable cause) {
        super("Page " + pageNumber + " from " + url + ": " + problem, cause);
        this.url = url;
        this.pageNumber = pageNumber;
    }

    /** The request URL, with credentials masked. */
    public String getUrl() {
        return url;
    }

    public int getPageNumber() {
        return pageNumber;
    }
}
