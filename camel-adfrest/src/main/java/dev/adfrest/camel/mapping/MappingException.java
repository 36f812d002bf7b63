package dev.adfrest.camel.mapping;

/**
 * A page could not be mapped: a value that does not convert to its column's type (and skipping such rows is off), or
 * a collection or record of the wrong shape. The message names the row, the column and the value.
 */
public class MappingException extends RuntimeException {

    private final int row;
    private final String column;

    /**
     * @param row    the 1-based row within the page, 0 when the problem is not a row's
     * @param column the column (sink name), or null
     */
    public MappingException(String message, int row, String column) {
        super(message);
        this.row = row;
        this.column = column;
    }

    public int getRow() {
        return row;
    }

    public String getColumn() {
        return column;
    }
}
