package dev.adfrest.camel;

/**
 * A batch of records could not be written (operation=write): the API answered it with an error status after any
 * retries (the cause is then an {@link AdfRestHttpException} with the status, masked URL and body excerpt), the
 * request failed (a refused connection, a reset, a timeout, a refused host: the cause), or the records could not be
 * read (input that is not JSON, an element that is not a record). Names the batch, the records it held and how many
 * were written before it; the exchange's headers say the same.
 */
public class AdfRestWriteException extends AdfRestException {

    private final int batchNumber;
    private final long firstRecord;
    private final long lastRecord;
    private final long recordsWritten;
    private final int statusCode;
    private final int attempts;

    /**
     * @param message        what went wrong, secrets masked
     * @param batchNumber    the 1-based number of the batch within the exchange
     * @param firstRecord    the 1-based number, within the exchange, of the batch's first record
     * @param lastRecord     the number of its last record (of the last one read, when reading failed)
     * @param recordsWritten records of the exchange the API took before this batch
     * @param statusCode     the HTTP status the batch was answered with, 0 when there was no answer
     * @param attempts       how many times the batch was sent (0 when it was not)
     */
    public AdfRestWriteException(String message, Throwable cause, int batchNumber, long firstRecord, long lastRecord,
                                 long recordsWritten, int statusCode, int attempts) {
        super(message, cause);
        this.batchNumber = batchNumber;
        this.firstRecord = firstRecord;
        this.lastRecord = lastRecord;
        this.recordsWritten = recordsWritten;
        this.statusCode = statusCode;
        this.attempts = attempts;
    }

    /** The 1-based number of the failed batch within its exchange. */
    public int getBatchNumber() {
        return batchNumber;
    }

    /** The 1-based number, within the exchange, of the failed batch's first record. */
    public long getFirstRecord() {
        return firstRecord;
    }

    /** The 1-based number, within the exchange, of the failed batch's last record. */
    public long getLastRecord() {
        return lastRecord;
    }

    /** Records of the exchange the API took before the failed batch. */
    public long getRecordsWritten() {
        return recordsWritten;
    }

    /** The HTTP status the batch was answered with; 0 when no answer came. */
    public int getStatusCode() {
        return statusCode;
    }

    /** How many times the batch was sent; 0 when reading its records failed. */
    public int getAttempts() {
        return attempts;
    }
}
