package dev.adfrest.camel;

/**
 * A page could not be used: its body is not JSON, is cut short, or breaks a limit. The page is not emitted.
 */
public class AdfRestPageException extends AdfRestException {

    private final String url;
    private final int pageNumber;
    private final boolean transientFault;

    /**
     * @param url the request URL, already masked
     */
    public AdfRestPageException(String problem, String url, int pageNumber, Throwable cause) {
        this(problem, url, pageNumber, cause, false);
    }

    /**
     * @param url            the request URL, already masked
     * @param transientFault the body was empty or cut short: asking again may well succeed
     */
    public AdfRestPageException(String problem, String url, int pageNumber, Throwable cause, boolean transientFault) {
        super("Page " + pageNumber + " from " + url + ": " + problem, cause);
        this.url = url;
        this.pageNumber = pageNumber;
        this.transientFault = transientFault;
    }

    /** Whether the same request may succeed if sent again (an empty or truncated body). */
    public boolean isTransientFault() {
        return transientFault;
    }

    public String getUrl() {
        return url;
    }

    public int getPageNumber() {
        return pageNumber;
    }
}
