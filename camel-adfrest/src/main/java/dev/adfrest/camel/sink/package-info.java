/**
 * ADF's REST sink: an exchange's records ({@link dev.adfrest.camel.sink.Records}, read one at a time from Java objects
 * or streamed JSON) written as JSON arrays of at most writeBatchSize records per request
 * ({@link dev.adfrest.camel.sink.BatchWriter}), on the source's transport, sign-in, host policy and retry policy
 * (put together by {@link dev.adfrest.camel.source.CopyRuns#openWriter}); the one place where its failures become
 * what the route sees ({@code WriteFailures}). May import {@code http}, {@code source}'s connection options,
 * {@code pagination}'s request type, {@code mapping}'s interim types, {@code support}, and the exception family,
 * configuration and producer statistics of the Camel package; never Camel itself.
 */
package dev.adfrest.camel.sink;
