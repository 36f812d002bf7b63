/**
 * ADF's pagination rules as a pure engine: the rules parsed and compiled once per endpoint
 * ({@link dev.adfrest.camel.pagination.PaginationRules}), and per run a
 * {@link dev.adfrest.camel.pagination.Paginator} that, given the request just made and its response, returns the
 * next request or the reason to stop. It owns what the next request is, where its values go and when a run stops.
 * May import {@code support}, Jackson, Jayway JsonPath and HttpCore's URL utilities; never Camel, I/O, a clock, or
 * the {@code http} and {@code source} packages (ArchitectureTest checks it).
 */
package dev.adfrest.camel.pagination;
