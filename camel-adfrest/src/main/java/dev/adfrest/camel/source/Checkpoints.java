package dev.adfrest.camel.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.pagination.PaginatorState;

/**
 * Where an unfinished run stands, kept between polls (and JVMs) so the next poll resumes at the first page the route
 * has not processed. A run that ends normally clears it: the next poll starts afresh.
 */
public interface Checkpoints {

    /** No resume: every poll starts at page 1. */
    Checkpoints NONE = new Checkpoints() {
        @Override
        public Saved load() {
            return null;
        }

        @Override
        public void save(String runId, PaginatorState state) {
        }

        @Override
        public void clear() {
        }
    };

    /**
     * A saved position.
     *
     * @param runId     the run it belongs to (a resumed run keeps its id)
     * @param state     where to go on: {@link PaginatorState#next()} fetches the first page not yet processed
     * @param watermark the run's watermark ({@link RunWatermark#progress()}); null when it has none
     */
    record Saved(String runId, PaginatorState state, JsonNode watermark) {

        public Saved(String runId, PaginatorState state) {
            this(runId, state, null);
        }
    }

    /** The saved position of an unfinished run, or null. */
    Saved load();

    /** A page was processed; the run goes on with {@code state}. */
    void save(String runId, PaginatorState state);

    /** The run ended normally. */
    void clear();
}
