/**
 * The copy run: fetching pages one after another (or several ahead for RANGE rules), retries, spooling of big pages,
 * resume, and the one place where failures become what the route sees ({@link dev.adfrest.camel.source.Failures}).
 * {@link dev.adfrest.camel.source.CopyRuns} puts an endpoint's runs together. May import {@code http}, {@code auth},
 * {@code pagination}, {@code mapping}, {@code support}, the exception family and configuration of the Camel package,
 * and Camel's SPI for state repositories, executors and resources.
 * <p>
 * <b>The life of a page.</b> Its bytes have one holder, {@link dev.adfrest.camel.source.PageContent}:
 * <ol>
 * <li>{@link dev.adfrest.camel.source.PageFetcher} reads the response body in one pass that checks it is JSON and
 * picks out what the pagination rules read. A body up to {@code spoolThreshold} is kept in memory as one array of its
 * size; a larger one streams into a temporary file as it is read (spooled) and never sits in memory. The result is a
 * {@link dev.adfrest.camel.source.FetchedPage}: request, status, headers, the values the engine reads, and the
 * content.</li>
 * <li>{@link dev.adfrest.camel.source.CopyRun} asks the pagination engine what follows, fetches that, and hands the
 * page over as a {@link dev.adfrest.camel.source.RunPage}: the fetched page, whether it is the last, and its records or
 * rows when the endpoint maps them ({@code collectionReference}, {@code translator}; the page's tree is built once
 * for that, and mapped pages are never spooled).</li>
 * <li>The consumer turns it into an exchange whose body is an {@link dev.adfrest.camel.AdfRestPage} (a view of the
 * content, converting to text, bytes, a stream or a tree; an {@link dev.adfrest.camel.AdfRestSpooledPage} when
 * spooled) or the records or rows.</li>
 * <li>A page handed over is the route's: a spooled page's file is deleted when its exchange completes. Pages fetched
 * but never handed over (read ahead past a failed page or the end, in hand when the consumer stops) are discarded by
 * the run when it ends, files included; files left when the endpoint stops are deleted then.</li>
 * </ol>
 */
package dev.adfrest.camel.source;
