package dev.adfrest.camel.source;

import java.io.IOException;

import javax.net.ssl.SSLException;

import dev.adfrest.camel.AdfRestException;
import dev.adfrest.camel.AdfRestHttpException;
import dev.adfrest.camel.AdfRestMappingException;
import dev.adfrest.camel.AdfRestPageException;
import dev.adfrest.camel.AdfRestPaginationException;
import dev.adfrest.camel.AdfRestRequestRefusedException;
import dev.adfrest.camel.AdfRestTransportException;
import dev.adfrest.camel.http.HttpStatusException;
import dev.adfrest.camel.http.RefusedRequestException;
import dev.adfrest.camel.http.ResponseTooLargeException;
import dev.adfrest.camel.mapping.MappingException;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationException;
import dev.adfrest.camel.support.Masking;

/**
 * Where a failure becomes what the route sees: every failure of a copy run (the transport's, a page's, the pagination
 * engine's, the mapping's) leaves the run as an {@link AdfRestException} subtype made here, naming the page and the
 * request with secrets masked. The inner layers raise their own plain exceptions and know nothing of this.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * @param failure  what went wrong while page {@code page} was requested, read, paginated or mapped
     * @param request  the page's request
     * @param attempts how many times the request was sent (1 when it was not retried)
     * @param masking  the endpoint's secrets
     * @return the failure as the route sees it; an {@link AdfRestException} as it is
     */
    public static AdfRestException of(Throwable failure, PageRequest request, int page, int attempts, Masking masking) {
        if (failure instanceof AdfRestException done) {
            return done;
        }
        String url = masking.url(request.url());
        if (failure instanceof HttpStatusException http) {
            return new AdfRestHttpException(http.status(), request.method(), url, masking.scrub(http.excerpt()),
                    http.headers());
        }
        if (failure instanceof PaginationException e) {
            return new AdfRestPaginationException(masking.scrub(e.getMessage()), url, page, e);
        }
        if (failure instanceof MappingException e) {
            return new AdfRestMappingException(masking.scrub(e.getMessage()), url, page, e);
        }
        if (failure instanceof PageFault || failure instanceof ResponseTooLargeException) {
            return new AdfRestPageException(masking.scrub(failure.getMessage()), url, page, failure);
        }
        String what = "Page " + page + ": " + request.method() + " " + url;
        if (failure instanceof RefusedRequestException e) {
            return new AdfRestRequestRefusedException(what + " failed: " + masking.scrub(e.getMessage()), e);
        }
        String after = attempts > 1 ? " after " + attempts + " attempts" : "";
        if (failure instanceof IOException e) {
            return new AdfRestTransportException(what + " failed" + after + ": " + describe(e, masking), page, attempts, e);
        }
        return new AdfRestException(what + " failed" + after + ": " + describe(failure, masking), failure);
    }

    /** A fault in words a user can act on: its masked message and type, and what to do about an untrusted certificate. */
    public static String describe(Throwable e, Masking masking) {
        String message = masking.scrub(e.getMessage());
        String type = e.getClass().getSimpleName();
        String text = message == null || message.isBlank() ? type : message + " (" + type + ")";
        if (e instanceof SSLException) {
            text += ". The server's TLS certificate is not trusted: give its CA in a trust store with"
                    + " sslContextParameters, or (as ADF allows) set enableServerCertificateValidation=false";
        }
        return text;
    }
}
