package dev.adfrest.camel;

import dev.adfrest.camel.mapping.MappingException;

/**
 * A page could not be turned into records or rows: a value that does not convert to its column's type (and
 * enableSkipIncompatibleRow is off), or a collection of the wrong shape. Names the page, row, column and value; the
 * page is not emitted and the run ends.
 */
public class AdfRestMappingException extends AdfRestPageException {

    /**
     * @param url   the request URL, already masked
     * @param cause what the mapping reported: its row and column
     */
    public AdfRestMappingException(String problem, String url, int pageNumber, MappingException cause) {
        super(problem, url, pageNumber, cause);
    }

    /** The 1-based row within the page, 0 when the problem is not a row's. */
    public int getRow() {
        return ((MappingException) getCause()).getRow();
    }

    /** The column (sink name) whose value did not convert, or null. */
    public String getColumn() {
        return ((MappingException) getCause()).getColumn();
    }
}
