package dev.adfrest.camel.pagination;

/**
 * Endpoint options that change how rules are applied (beyond ADF).
 *
 * @param keepQueryParameters   re-add first-request query parameters that a followed next link lacks
 * @param failOnRepeatedRequest a next request identical to the last one fails the run instead of ending it
 * @param allowRepeatedRequests a next request identical to the last one is sent (an API that pages by state, such as
 *                              a scroll); rules that only stop a run send the last request again, as ADF does
 * @param partition             the share of a RANGE run this route takes ({@link Partition#WHOLE} when null)
 * @param failOnStaleResume     a resumed run whose saved position is refused (a 4xx that is not retried) fails,
 *                              instead of starting again from page 1
 */
public record PaginationSettings(boolean keepQueryParameters, boolean failOnRepeatedRequest,
                                 boolean allowRepeatedRequests, Partition partition, boolean failOnStaleResume) {

    public static final PaginationSettings DEFAULTS = new PaginationSettings(false, false);

    public PaginationSettings {
        partition = partition == null ? Partition.WHOLE : partition;
    }

    /** A stale saved position starts the run again from page 1. */
    public PaginationSettings(boolean keepQueryParameters, boolean failOnRepeatedRequest, boolean allowRepeatedRequests,
                              Partition partition) {
        this(keepQueryParameters, failOnRepeatedRequest, allowRepeatedRequests, partition, false);
    }

    /** The whole run, repeated requests not sent. */
    public PaginationSettings(boolean keepQueryParameters, boolean failOnRepeatedRequest) {
        this(keepQueryParameters, failOnRepeatedRequest, false, Partition.WHOLE);
    }

    /** A share of the run, repeated requests not sent. */
    public PaginationSettings(boolean keepQueryParameters, boolean failOnRepeatedRequest, Partition partition) {
        this(keepQueryParameters, failOnRepeatedRequest, false, partition);
    }

    /** The whole run. */
    public PaginationSettings(boolean keepQueryParameters, boolean failOnRepeatedRequest, boolean allowRepeatedRequests) {
        this(keepQueryParameters, failOnRepeatedRequest, allowRepeatedRequests, Partition.WHOLE);
    }
}
