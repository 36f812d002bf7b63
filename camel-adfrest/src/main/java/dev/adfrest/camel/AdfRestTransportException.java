package dev.adfrest.camel;

/**
 * A request got no usable answer after its retries: the connection was refused, reset or timed out, the TLS
 * handshake failed, the host is unknown. Names the page, the request (masked) and the attempts made.
 */
public class AdfRestTransportException extends AdfRestException {

    private final int pageNumber;
    private final int attempts;

    public AdfRestTransportException(String message, int pageNumber, int attempts, Throwable cause) {
        super(message, cause);
        this.pageNumber = pageNumber;
        this.attempts = attempts;
    }

    public int getPageNumber() {
        return pageNumber;
    }

    /** How many times the request was sent. */
    public int getAttempts() {
        return attempts;
    }
}
