package dev.adfrest.camel.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.pagination.PaginatorState;
import dev.adfrest.camel.pagination.SavedPosition;

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
     * @param position  where to go on, without what the endpoint's request holds: {@link SavedPosition#restore}
     *                  completes it from the request the run is built on (its watermark filled in)
     * @param watermark the run's watermark ({@link RunWatermark#progress()}); null when it has none
     */
    record Saved(String runId, SavedPosition position, JsonNode watermark) {

        public Saved(String runId, SavedPosition position) {
            this(runId, position, null);
        }
    }

    /** The saved position of an unfinished run, or null. */
    Saved load();

    /** A page was processed; the run goes on with {@code state}. */
    void save(String runId, PaginatorState state);

    /** The run ended normally. */
    void clear();
}
