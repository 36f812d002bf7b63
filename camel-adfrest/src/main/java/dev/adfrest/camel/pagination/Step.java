package dev.adfrest.camel.pagination;

/**
 * What the pagination engine decides after a page: the next request, or why the run ends here.
 */
public sealed interface Step permits Step.Next, Step.Stop {

    /** Fetch this request next. */
    record Next(PageRequest request) implements Step {
    }

    /**
     * The run ends normally after the current page.
     *
     * @param reason why
     * @param detail a human sentence for the log (names the rule; never contains credentials)
     */
    record Stop(StopReason reason, String detail) implements Step {
    }

    enum StopReason {
        /** The response was 204 No Content. */
        NO_CONTENT,
        /** No pagination rule applies (no rules, RFC 5988 without a next link). */
        NO_NEXT_LINK,
        /** A value rule yielded null or nothing. */
        NO_NEXT_VALUE,
        /** An EndCondition rule holds. */
        END_CONDITION,
        /** MaxRequestNumber requests were made. */
        MAX_REQUESTS,
        /** Every RANGE value was requested. */
        RANGE_EXHAUSTED,
        /** The next request would be identical to the one just made (the endless loop ADF users hit). */
        REPEATED_REQUEST
    }
}
