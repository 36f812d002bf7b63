/**
 * Imports ADF JSON (linked service, dataset, pipeline and copy activity, translators) into endpoint options, as
 * literal values; a property it cannot carry over is refused, naming it. May import the configuration,
 * {@code support} and Camel's resource and bean look-up.
 */
package dev.adfrest.camel.adf;
