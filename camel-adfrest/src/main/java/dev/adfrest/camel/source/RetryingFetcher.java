package dev.adfrest.camel.source;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import dev.adfrest.camel.AdfRestException;
import dev.adfrest.camel.http.RetryPolicy;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.support.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a page request again after transient faults, as the {@link RetryPolicy} decides; one WARN line per retry.
 */
public final class RetryingFetcher implements CopyRun.Fetcher {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingFetcher.class);

    private final CopyRun.Fetcher delegate;
    private final RetryPolicy policy;
    private final CopyRun.Sleeper sleeper;
    private final Masking masking;

    public RetryingFetcher(CopyRun.Fetcher delegate, RetryPolicy policy, CopyRun.Sleeper sleeper, Masking masking) {
        this.delegate = delegate;
        this.policy = policy;
        this.sleeper = sleeper;
        this.masking = masking;
    }

    @Override
    public FetchedPage fetch(PageRequest request, int pageNumber) throws Exception {
        for (int retries = 0;; retries++) {
            try {
                return delegate.fetch(request, pageNumber);
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted() && !(e instanceof InterruptedException)) {
                    // the run abandoned this request (it stopped, or went past it): no retry, no warning
                    throw new InterruptedException("page " + pageNumber + " abandoned: " + e.getClass().getSimpleName());
                }
                RetryPolicy.Decision decision = policy.decide(request.method(), e, retries, Instant.now(),
                        ThreadLocalRandom.current()::nextDouble);
                if (decision instanceof RetryPolicy.Retry retry) {
                    LOG.warn("Page {}: {} {} failed ({}); retry {} of {} in {} ms", pageNumber, request.method(),
                            masking.url(request.url()), retry.reason(), retries + 1, policy.maxRetries(),
                            retry.delay().toMillis());
                    sleeper.sleep(retry.delay());
                    continue;
                }
                String reason = ((RetryPolicy.GiveUp) decision).reason();
                if (reason != null) {
                    LOG.warn("Page {}: {} {} failed, not retried: {}", pageNumber, request.method(),
                            masking.url(request.url()), reason);
                }
                if (e instanceof AdfRestException || e instanceof InterruptedException) {
                    throw e;
                }
                // a transport fault: say which page and request, in words a user can act on
                throw new AdfRestException("Page " + pageNumber + ": " + request.method() + " " + masking.url(request.url())
                                           + " failed" + (retries > 0 ? " after " + (retries + 1) + " attempts" : "")
                                           + ": " + describe(e), e);
            }
        }
    }

    private String describe(Exception e) {
        String message = masking.scrub(e.getMessage());
        String type = e.getClass().getSimpleName();
        String text = message == null || message.isBlank() ? type : message + " (" + type + ")";
        if (e instanceof javax.net.ssl.SSLException) {
            text += ". The server's TLS certificate is not trusted: give its CA in a trust store with"
                    + " sslContextParameters, or (as ADF allows) set enableServerCertificateValidation=false";
        }
        return text;
    }
}
