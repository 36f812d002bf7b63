/**
 * The Camel face of {@code adfrest:}, shaped as every Camel component is: the component (shared defaults, an ADF
 * linked service), the endpoint (options, creating consumers), the configuration (every option, documented in its
 * {@code @UriParam}), the consumer (one copy run per poll, one exchange per page), the header constants, the page
 * body and its converters, and the exception family the route sees ({@link dev.adfrest.camel.AdfRestException}). It
 * holds no logic of its own beyond wiring and exchanges: runs are put together in {@code source}. May import every
 * package of the component and Camel.
 */
package dev.adfrest.camel;
