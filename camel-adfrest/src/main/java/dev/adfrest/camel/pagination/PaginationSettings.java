package dev.adfrest.camel.pagination;

/**
 * Endpoint options that change how rules are applied (beyond ADF).
 *
 * @param keepQueryParameters   re-add first-request query parameters that a followed next link lacks
 * @param failOnRepeatedRequest a next request identical to the last one fails the run instead of ending it
 */
public record PaginationSettings(boolean keepQueryParameters, boolean failOnRepeatedRequest) {

    public static final PaginationSettings DEFAULTS = new PaginationSettings(false, false);
}
