package dev.adfrest.camel;

/**
 * The component refused to send a request: to a host that allowedHosts does not list, with a scheme other than http
 * or https, or with a header value holding a line break. The message names what was refused and the option that
 * decides it. Never retried.
 */
public class AdfRestRequestRefusedException extends AdfRestException {

    public AdfRestRequestRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
