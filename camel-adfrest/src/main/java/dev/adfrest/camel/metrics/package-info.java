/**
 * Micrometer meters of adfrest's runs. The only package that refers to Micrometer, which is an optional dependency:
 * the Camel classes reach it through {@link dev.adfrest.camel.metrics.Metrics}, whose signatures name no Micrometer
 * type, and only after checking that Micrometer is on the class path. May import {@code source} (the runs' reports)
 * and Micrometer.
 */
package dev.adfrest.camel.metrics;
