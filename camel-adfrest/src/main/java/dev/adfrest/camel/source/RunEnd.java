package dev.adfrest.camel.source;

import dev.adfrest.camel.AdfRestException;
import dev.adfrest.camel.AdfRestHttpException;
import dev.adfrest.camel.AdfRestPageException;
import dev.adfrest.camel.AdfRestTransportException;

/**
 * How a run ended.
 *
 * @param summary what it delivered
 * @param outcome why it ended
 * @param failure what failed, when the outcome is {@link Outcome#FAILED}; else null
 */
public record RunEnd(RunSummary summary, Outcome outcome, Failure failure) {

    public enum Outcome {
        /** It ended normally: {@link RunSummary#stopReason()} says why. */
        COMPLETED,
        /** A request, a page, the pagination or the mapping failed (after retries). */
        FAILED,
        /**
         * The route failed a page; the next run resumes there. For a producer's write: the exchange's body held no
         * records to write (the route's business, not the API's).
         */
        ROUTE_FAILED,
        /** The consumer was stopping; the next run resumes after the last page processed. */
        STOPPED,
        /** Its reader closed it before the end (a producer's read that stopped early). */
        CLOSED
    }

    /**
     * A failed run's failure, fit to show: no secrets in it.
     *
     * @param page    the page being fetched or delivered
     * @param status  the HTTP status of an error response; 0 when the failure was no HTTP error
     * @param url     the masked URL of the request that failed
     * @param type    the exception's simple class name (AdfRestHttpException, AdfRestTransportException, ...)
     * @param message the exception's message (masked where it was made)
     */
    public record Failure(int page, int status, String url, String type, String message) {

        /**
         * @param page      the page in hand, unless the failure names its own
         * @param maskedUrl the request in hand, unless the failure names its own
         */
        static Failure of(AdfRestException e, int page, String maskedUrl) {
            String type = e.getClass().getSimpleName();
            if (e instanceof AdfRestHttpException http) {
                return new Failure(page, http.getStatusCode(), http.getUrl(), type, e.getMessage());
            }
            if (e instanceof AdfRestPageException p) {
                return new Failure(p.getPageNumber(), 0, p.getUrl() != null ? p.getUrl() : maskedUrl, type,
                        e.getMessage());
            }
            if (e instanceof AdfRestTransportException t) {
                return new Failure(t.getPageNumber(), 0, maskedUrl, type, e.getMessage());
            }
            return new Failure(page, 0, maskedUrl, type, e.getMessage());
        }
    }

    static RunEnd completed(RunSummary summary) {
        return new RunEnd(summary, Outcome.COMPLETED, null);
    }
}
