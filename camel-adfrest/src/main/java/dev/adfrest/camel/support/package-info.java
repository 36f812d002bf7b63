/**
 * One home for each small fact the other packages share: the Jackson setup ({@link dev.adfrest.camel.support.Json}),
 * plain JSONPaths and their walk ({@link dev.adfrest.camel.support.PlainPath}), header look-ups and header-value
 * checks ({@link dev.adfrest.camel.support.Headers}), masking of secrets, the secret options, durations, URL
 * templates and map options. Imports no other package of the component; the classes {@code pagination} and
 * {@code mapping} use import no Camel and do no I/O.
 */
package dev.adfrest.camel.support;
