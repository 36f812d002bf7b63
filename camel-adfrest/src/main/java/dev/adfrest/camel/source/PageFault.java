package dev.adfrest.camel.source;

/**
 * A page the component will not hand over: its body is empty, cut short or not JSON. Raised while the page is read;
 * the run reports it as an {@code AdfRestPageException} ({@link Failures}). Its message may quote the body: it is
 * scrubbed of secrets there.
 */
final class PageFault extends RuntimeException {

    private final boolean transientFault;

    /**
     * @param transientFault the body was empty or cut short: asking again may well succeed
     */
    PageFault(String problem, Throwable cause, boolean transientFault) {
        super(problem, cause);
        this.transientFault = transientFault;
    }

    /** Whether the same request may succeed if sent again (an empty or truncated body). */
    boolean isTransientFault() {
        return transientFault;
    }
}
