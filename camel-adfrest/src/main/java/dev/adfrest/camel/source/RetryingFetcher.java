package dev.adfrest.camel.source;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import dev.adfrest.camel.http.RetryPolicy;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.support.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a page request again after transient faults, as the {@link RetryPolicy} decides for what the transport
 * reports and as the run decides for a page it could not read whole (an empty or cut-short body: asking again may
 * well succeed); one WARN line per retry. A request it gives up on fails as {@link Failures} reports it.
 */
final class RetryingFetcher implements CopyRun.Fetcher {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingFetcher.class);

    private final CopyRun.Fetcher delegate;
    private final RetryPolicy policy;
    private final CopyRun.Sleeper sleeper;
    private final Masking masking;
    private final RunObserver observer;

    /**
     * @param observer told of every request sent and every retry
     */
    RetryingFetcher(CopyRun.Fetcher delegate, RetryPolicy policy, CopyRun.Sleeper sleeper, Masking masking,
                    RunObserver observer) {
        this.delegate = delegate;
        this.policy = policy;
        this.sleeper = sleeper;
        this.masking = masking;
        this.observer = observer;
    }

    @Override
    public FetchedPage fetch(PageRequest request, int pageNumber) throws Exception {
        for (int retries = 0;; retries++) {
            try {
                observer.requestSent();
                return delegate.fetch(request, pageNumber);
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted() && !(e instanceof InterruptedException)) {
                    // the run abandoned this request (it stopped, or went past it): no retry, no warning
                    throw new InterruptedException("page " + pageNumber + " abandoned: " + e.getClass().getSimpleName());
                }
                if (e instanceof InterruptedException) {
                    throw e;
                }
                RetryPolicy.Decision decision = decide(request, e, retries);
                if (decision instanceof RetryPolicy.Retry retry) {
                    LOG.warn("Page {}: {} {} failed ({}); retry {} of {} in {} ms", pageNumber, request.method(),
                            masking.url(request.url()), retry.reason(), retries + 1, policy.maxRetries(),
                            retry.delay().toMillis());
                    observer.retried(retry.reason());
                    sleeper.sleep(retry.delay());
                    continue;
                }
                String reason = ((RetryPolicy.GiveUp) decision).reason();
                if (reason != null) {
                    LOG.warn("Page {}: {} {} failed, not retried: {}", pageNumber, request.method(),
                            masking.url(request.url()), reason);
                }
                throw Failures.of(e, request, pageNumber, retries + 1, masking);
            }
        }
    }

    private RetryPolicy.Decision decide(PageRequest request, Exception e, int retries) {
        if (e instanceof PageFault fault) {
            return policy.decide(request.method(), fault.isTransientFault() ? "incomplete response" : null, null,
                    retries, ThreadLocalRandom.current()::nextDouble);
        }
        return policy.decide(request.method(), e, retries, Instant.now(), ThreadLocalRandom.current()::nextDouble);
    }
}
