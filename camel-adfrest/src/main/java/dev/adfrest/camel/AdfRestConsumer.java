package dev.adfrest.camel;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import dev.adfrest.camel.mapping.MappingException;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.source.CopyRun;
import dev.adfrest.camel.source.FetchedPage;
import dev.adfrest.camel.source.RunSummary;
import dev.adfrest.camel.support.Masking;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.hc.core5.http.ContentType;

/**
 * Each poll is one copy run; each page becomes one exchange, in order. A page the route fails ends the run there.
 */
public class AdfRestConsumer extends ScheduledPollConsumer {

    private final HeaderFilterStrategy headerFilter = new HttpHeaderFilterStrategy();
    /** The threads requests are fetched ahead on (parallelRequests); null when runs fetch one page at a time. */
    private ExecutorService fetchExecutor;
    /** The last Content-Type seen and its charset, replaced whole. */
    private volatile TypeCharset lastContentType = new TypeCharset(null, null);

    private record TypeCharset(String type, Charset charset) {
    }

    public AdfRestConsumer(AdfRestEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AdfRestEndpoint getEndpoint() {
        return (AdfRestEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        fetchExecutor = getEndpoint().newFetchExecutor(this);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop(); // interrupts a run in progress
        if (fetchExecutor != null) {
            List<Runnable> queued = getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(fetchExecutor);
            for (Runnable request : queued == null ? List.<Runnable> of() : queued) {
                if (request instanceof Future<?> never) {
                    never.cancel(false); // no run may wait for a request that will never be sent
                }
            }
            fetchExecutor = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        String newRunId = getEndpoint().getCamelContext().getUuidGenerator().generateUuid();
        // Camel's graceful shutdown suspends the consumer first and waits for it, while isRunAllowed() stays true:
        // the run stops after the page in progress (a later poll resumes after the last page processed)
        CopyRun run = getEndpoint().newRun(getRouteId(), newRunId,
                () -> isRunAllowed() && !isSuspendingOrSuspended(), fetchExecutor);
        String runId = run.runId();
        RunSummary summary = run.execute((page, last) -> deliver(runId, page, last));
        return summary.pages();
    }

    private CopyRun.Delivery deliver(String runId, FetchedPage page, boolean last) {
        PageOutput.Mapped mapped;
        try {
            mapped = map(page); // a page that cannot be mapped is not emitted: the run fails
        } catch (RuntimeException e) {
            page.close();
            throw e;
        }
        Exchange exchange = createExchange(false);
        boolean routed = false;
        try {
            Message message = exchange.getMessage();
            copyResponseHeaders(page, exchange);
            message.setHeader(AdfRestConstants.PAGE_NUMBER, page.number());
            message.setHeader(AdfRestConstants.REQUEST_URL, getEndpoint().source().masking().url(page.request().url()));
            message.setHeader(AdfRestConstants.RUN_ID, runId);
            message.setHeader(AdfRestConstants.LAST_PAGE, last);
            message.setHeader(AdfRestConstants.HTTP_RESPONSE_CODE, page.http().status());
            if (mapped == null) {
                message.setBody(AdfRestPage.of(page.content(), charsetOf(page)));
                if (page.content().isSpooled()) {
                    // a file producer moves this second name of the page's file into place instead of copying it
                    Path work = page.content().workFile();
                    if (work != null) {
                        message.setHeader(Exchange.FILE_LOCAL_WORK_PATH, work.toString());
                    }
                    // the body may outlive this call (seda, wire tap, async routing): its file goes when the exchange
                    // is done with, success or failure
                    exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                        @Override
                        public void onDone(Exchange done) {
                            page.close();
                        }
                    });
                }
            } else {
                message.setBody(mapped.body());
                message.setHeader(AdfRestConstants.RECORD_COUNT, mapped.records());
                if (getEndpoint().output() instanceof PageOutput.Rows) {
                    message.setHeader(AdfRestConstants.SKIPPED_ROW_COUNT, mapped.skipped());
                }
            }

            routed = true;
            getProcessor().process(exchange);

            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Failed processing page " + page.number() + " of run " + runId,
                        exchange, exchange.getException());
                return CopyRun.Delivery.failed();
            }
            if (Boolean.TRUE.equals(exchange.getExchangeExtension().getErrorHandlerHandled())) {
                // the route's error handler dealt with a failure (dead letter, handled(true)): still a failed page
                return CopyRun.Delivery.failed();
            }
            return new CopyRun.Delivery(true, mapped == null ? 1 : mapped.records());
        } catch (Exception e) {
            getExceptionHandler().handleException("Failed processing page " + page.number() + " of run " + runId,
                    exchange, e);
            return CopyRun.Delivery.failed();
        } finally {
            if (!routed) {
                page.close(); // the exchange never ran: nothing else will
            }
            releaseExchange(exchange, false);
        }
    }

    /** The page's records or rows; null when the page goes out as received. */
    private PageOutput.Mapped map(FetchedPage page) {
        PageOutput output = getEndpoint().output();
        if (output.asIs()) {
            return null;
        }
        try {
            return output.map(page.content().tree(), page.number());
        } catch (MappingException e) {
            Masking masking = getEndpoint().source().masking();
            throw new AdfRestMappingException(masking.scrub(e.getMessage()), masking.url(page.request().url()),
                    page.number(), e.getRow(), e.getColumn(), null);
        }
    }

    private void copyResponseHeaders(FetchedPage page, Exchange exchange) {
        for (Map.Entry<String, List<String>> header : page.http().headers().entrySet()) {
            List<String> values = header.getValue();
            Object value = values.size() == 1 ? values.get(0) : values;
            if (!headerFilter.applyFilterToExternalHeaders(header.getKey(), value, exchange)) {
                exchange.getMessage().setHeader(header.getKey(), value);
            }
        }
    }

    /** The charset a page's Content-Type names, or null; an API sends the same Content-Type on every page. */
    private Charset charsetOf(FetchedPage page) {
        for (Map.Entry<String, List<String>> header : page.http().headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type") && !header.getValue().isEmpty()) {
                String type = header.getValue().get(0);
                TypeCharset last = lastContentType;
                if (type.equals(last.type())) {
                    return last.charset();
                }
                Charset charset;
                try {
                    charset = ContentType.parse(type).getCharset();
                } catch (RuntimeException e) {
                    charset = null;
                }
                lastContentType = new TypeCharset(type, charset);
                return charset;
            }
        }
        return null;
    }
}
