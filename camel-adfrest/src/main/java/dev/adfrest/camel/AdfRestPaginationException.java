package dev.adfrest.camel;

/**
 * A pagination rule could not be applied to a page (a JSONPath selecting several values or an object, a next link
 * that is not an http(s) URL, a value that cannot go in a header), or failOnRepeatedRequest caught a next request
 * identical to the last one. The message names the rule; the page is not emitted and the run ends.
 */
public class AdfRestPaginationException extends AdfRestPageException {

    /**
     * @param url the request URL of the page, already masked
     */
    public AdfRestPaginationException(String problem, String url, int pageNumber, Throwable cause) {
        super(problem, url, pageNumber, cause);
    }
}
