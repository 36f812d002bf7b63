package dev.adfrest.camel;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.adfrest.camel.sink.BatchWriter;
import dev.adfrest.camel.sink.Records;
import dev.adfrest.camel.sink.SinkOptions;
import dev.adfrest.camel.source.CopyRuns;
import dev.adfrest.camel.source.RunEnd;
import dev.adfrest.camel.source.RunStats;
import dev.adfrest.camel.source.RunSummary;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.IOHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * operation=write, ADF's REST sink: writes the exchange's records in batches and says on the exchange how many were
 * written, in how many requests, and the last status, also when a batch failed. The body is left as it was.
 */
final class WriteOperation extends ServiceSupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WriteOperation.class);

    private final AdfRestEndpoint endpoint;
    private final SinkOptions sink;
    private final RunStats stats;
    private BatchWriter writer;

    /** @throws IllegalArgumentException naming an option that does not fit a sink */
    WriteOperation(AdfRestEndpoint endpoint, RunStats stats) {
        this.endpoint = endpoint;
        this.stats = stats;
        this.sink = endpoint.sinkOptions();
        AdfRestConfiguration config = endpoint.getConfiguration();
        if (!config.getPaginationRules().isEmpty() || config.getRequestBody() != null) {
            LOG.warn("{}: paginationRules and requestBody are a source's; a producer that writes (operation=write)"
                     + " ignores them", endpoint.getEndpointUri());
        }
    }

    @Override
    protected void doStart() throws Exception {
        writer = CopyRuns.openWriter(this, endpoint.getConfiguration(), sink, stats, endpoint.getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        IOHelper.close(writer);
        writer = null;
    }

    /**
     * Writes the exchange's records. For the producer's stats, the write is a run: its batches are its pages; it ends
     * completed or failed.
     */
    @Override
    public void process(Exchange exchange) throws Exception {
        BatchWriter.Progress progress = new BatchWriter.Progress();
        String id = exchange.getExchangeId();
        long start = System.nanoTime();
        stats.runStarted(id, 1);
        Reading reading = null;
        try (Records records = InputRecords.of(exchange.getMessage().getBody(), exchange.getContext().getTypeConverter())) {
            reading = new Reading(records);
            writer.write(reading, progress);
            LOG.debug("Exchange {}: {} records written in {} requests", id, progress.records(), progress.requests());
            stats.runEnded(new RunEnd(summary(id, progress, start), RunEnd.Outcome.COMPLETED, null));
        } catch (AdfRestException e) {
            stats.runEnded(failed(id, progress, start, e, reading));
            throw e;
        } catch (IOException | RuntimeException e) {
            // the input could not be opened or closed (the records were written, or failed, before)
            AdfRestException failure = new AdfRestException("Reading the exchange's records failed after "
                                                            + progress.records() + " were written: " + e, e);
            stats.runEnded(new RunEnd(summary(id, progress, start), RunEnd.Outcome.ROUTE_FAILED, null));
            throw failure;
        } finally {
            Message message = exchange.getMessage();
            message.setHeader(AdfRestConstants.RECORDS_WRITTEN, progress.records());
            message.setHeader(AdfRestConstants.REQUEST_COUNT, progress.requests());
            if (progress.lastStatus() != 0) {
                message.setHeader(AdfRestConstants.HTTP_RESPONSE_CODE, progress.lastStatus());
            } else {
                message.removeHeader(AdfRestConstants.HTTP_RESPONSE_CODE); // not an answer to this producer's request
            }
        }
    }

    private static RunSummary summary(String id, BatchWriter.Progress progress, long start) {
        return new RunSummary(id, progress.batches(), progress.records(), progress.bytes(),
                Duration.ofNanos(System.nanoTime() - start), null);
    }

    /**
     * How a write that threw ended: FAILED when a batch failed against the API (its answer, the transport, a request
     * the component refused to send), which turns the producer's health DOWN; ROUTE_FAILED when the exchange's body
     * held no records to write (a type that holds none, JSON that is not records), which is the route's business.
     *
     * @param reading the exchange's records; null when the body holds none
     */
    private RunEnd failed(String id, BatchWriter.Progress progress, long start, AdfRestException e, Reading reading) {
        if (reading == null || !(e instanceof AdfRestWriteException w)
            || reading.failure != null && e.getCause() == reading.failure) {
            return new RunEnd(summary(id, progress, start), RunEnd.Outcome.ROUTE_FAILED, null);
        }
        String url = sink.api().masking().url(sink.request().url());
        return new RunEnd(summary(id, progress, start), RunEnd.Outcome.FAILED,
                new RunEnd.Failure(w.getBatchNumber(), w.getStatusCode(), url, e.getClass().getSimpleName(),
                        e.getMessage()));
    }

    /** The exchange's records as the writer reads them, keeping what reading them failed with. */
    private static final class Reading implements Records {

        private final Records records;
        private volatile Exception failure;

        Reading(Records records) {
            this.records = records;
        }

        @Override
        public boolean writeNext(JsonGenerator generator) throws IOException {
            try {
                return records.writeNext(generator);
            } catch (IOException | RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }
}
