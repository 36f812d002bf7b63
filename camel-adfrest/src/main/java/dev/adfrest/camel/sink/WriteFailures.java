package dev.adfrest.camel.sink;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.adfrest.camel.AdfRestException;
import dev.adfrest.camel.AdfRestHttpException;
import dev.adfrest.camel.AdfRestWriteException;
import dev.adfrest.camel.http.HttpStatusException;
import dev.adfrest.camel.http.RefusedRequestException;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.source.Failures;
import dev.adfrest.camel.support.Masking;

/**
 * Where a failure of the sink becomes what the route sees, as the source's {@code Failures} does for runs: every
 * failure to write a batch leaves the producer as an {@link AdfRestWriteException} made here, naming the batch, its
 * records and how many were written before it, the request masked. The inner layers raise their own plain exceptions.
 */
final class WriteFailures {

    private WriteFailures() {
    }

    /**
     * A batch that was sent and failed.
     *
     * @param failure  what the transport reported last
     * @param batch    the batch
     * @param attempts how many times it was sent
     */
    static AdfRestWriteException sent(Throwable failure, PageRequest request, Batch batch, int attempts, Masking masking) {
        String url = masking.url(request.url());
        String after = attempts > 1 ? " after " + attempts + " attempts" : "";
        if (failure instanceof HttpStatusException http) {
            String excerpt = masking.scrub(http.excerpt());
            AdfRestHttpException cause = new AdfRestHttpException(http.status(), request.method(), url, excerpt,
                    http.headers());
            String redirect = http.status() < 400 ? " (a write is not redirected: point the endpoint at the new URL)"
                    : "";
            return batch.failure("was answered HTTP " + http.status() + redirect + " from " + request.method() + " "
                                 + url + after + (excerpt.isEmpty() ? "" : ": " + excerpt), cause, http.status(), attempts);
        }
        if (failure instanceof RefusedRequestException refused) {
            return batch.failure("was not sent: " + request.method() + " " + url + ": " + masking.scrub(refused.getMessage()),
                    refused, 0, 0);
        }
        return batch.failure("failed" + after + ": " + request.method() + " " + url + ": " + Failures.describe(failure, masking),
                failure, 0, attempts);
    }

    /** Reading the batch's records failed: nothing of it was sent. */
    static AdfRestWriteException input(Throwable failure, Batch batch, long failedRecord) {
        String problem;
        if (failure instanceof Records.RecordException e) {
            problem = e.aboutOneRecord() ? "record " + failedRecord + " " + e.getMessage() : e.getMessage();
        } else if (failure instanceof JsonProcessingException e && !(failure.getCause() instanceof IOException)) {
            problem = "record " + failedRecord + " could not be " + (e instanceof com.fasterxml.jackson.core.JsonParseException
                    ? "read: the input is not valid JSON: " : "written as JSON: ") + e.getOriginalMessage();
        } else if (failure instanceof AdfRestException e) {
            problem = e.getMessage();
        } else {
            problem = "reading record " + failedRecord + " failed: " + failure;
        }
        return batch.unread(problem, failure, failedRecord - 1);
    }

    /**
     * A batch of an exchange: its number and records.
     *
     * @param number  1-based within the exchange
     * @param first   the number of its first record within the exchange
     * @param records how many records it holds
     * @param written records of the exchange written before it
     */
    record Batch(int number, long first, int records, long written) {

        AdfRestWriteException failure(String problem, Throwable cause, int status, int attempts) {
            return new AdfRestWriteException("Batch " + number + " (records " + first + "-" + (first + records - 1) + ") "
                                             + problem + "; " + written + " records of the exchange were written before"
                                             + " it", cause, number, first, first + records - 1, written, status,
                    attempts);
        }

        AdfRestWriteException unread(String problem, Throwable cause, long lastRead) {
            String held = lastRead >= first ? "records " + first + "-" + lastRead + " read" : "no record read yet";
            return new AdfRestWriteException("Batch " + number + " (" + held + ") was not sent: " + problem + "; "
                                             + written + " records of the exchange were written before it", cause,
                    number, first, Math.max(first, lastRead), written, 0, 0);
        }
    }
}
