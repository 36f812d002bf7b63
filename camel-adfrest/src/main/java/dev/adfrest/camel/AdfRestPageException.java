package dev.adfrest.camel;

/**
 * A page could not be used: its body is not JSON, is cut short, or breaks a limit. The page is not emitted.
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

    public String getUrl() {
        return url;
    }

    public int getPageNumber() {
        return pageNumber;
    }
}
