/**
 * ADF's schema mapping as pure code: {@code collectionReference} (a page's records) and the TabularTranslator (rows
 * with ADF's interim types and type conversion settings), applied to a page's parsed tree. May import
 * {@code support}, Jackson, Jayway JsonPath and a logger; never Camel, I/O, or the {@code http} and {@code source}
 * packages (ArchitectureTest checks it).
 */
package dev.adfrest.camel.mapping;
