/**
 * Where a copy keeps what must outlive a node: Camel {@code StateRepository} implementations that several nodes can
 * share. Camel types and {@code java.sql} only; nothing of the copy run.
 */
package dev.adfrest.camel.state;
