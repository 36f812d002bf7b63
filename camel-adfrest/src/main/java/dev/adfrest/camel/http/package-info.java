/**
 * The transport: Apache HttpClient 5, one pooled client per endpoint, credentials set per hop, the host policy,
 * quiet connections (no wire log), bodies read within maxResponseSize, and the retry decision on what the transport
 * reports ({@link dev.adfrest.camel.http.RetryPolicy}). Failures are its own plain exceptions
 * ({@link dev.adfrest.camel.http.HttpStatusException}, I/O exceptions); the run reports them. May import {@code auth},
 * {@code pagination}'s request type and {@code support}; never Camel or {@code source}.
 */
package dev.adfrest.camel.http;
