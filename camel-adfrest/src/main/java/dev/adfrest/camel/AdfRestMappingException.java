package dev.adfrest.camel;

/**
 * A page could not be turned into records or rows: a value that does not convert to its column's type (and
 * enableSkipIncompatibleRow is off), or a collection of the wrong shape. Names the page, row, column and value; the
 * page is not emitted and the run ends.
 */
public class AdfRestMappingException extends AdfRestPageException {

    private final int row;
    private final String column;

    /**
     * @param url the request URL, already masked
     * @param row the 1-based row within the page, 0 when the problem is not a row's
     */
    public AdfRestMappingException(String problem, String url, int pageNumber, int row, String column, Throwable cause) {
        super(problem, url, pageNumber, cause);
        this.row = row;
        this.column = column;
    }

    public int getRow() {
        return row;
    }

    /** The column (sink name) whose value did not convert, or null. */
    public String getColumn() {
        return column;
    }
}
