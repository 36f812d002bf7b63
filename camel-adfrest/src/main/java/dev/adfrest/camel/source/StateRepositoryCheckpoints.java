package dev.adfrest.camel.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adfrest.camel.pagination.PaginatorState;
import dev.adfrest.camel.support.Json;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a Camel {@link StateRepository} (FileStateRepository survives restarts), one entry per route. The
 * entry carries a fingerprint of the endpoint's first request and rules: a saved position is only used by the copy it
 * came from.
 */
public final class StateRepositoryCheckpoints implements Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(StateRepositoryCheckpoints.class);

    private final StateRepository<String, String> repository;
    private final String key;
    private final String fingerprint;

    /**
     * @param key         the entry's key (the route id)
     * @param fingerprint what identifies the copy (first request and rules); a saved entry with another is ignored
     */
    public StateRepositoryCheckpoints(StateRepository<String, String> repository, String key, String fingerprint) {
        this.repository = repository;
        this.key = key;
        this.fingerprint = fingerprint;
    }

    @Override
    public Saved load() {
        String text = repository.getState(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode saved = Json.MAPPER.readTree(text);
            if (!fingerprint.equals(saved.path("copy").asText())) {
                LOG.warn("Ignoring the saved position of '{}': it belongs to another endpoint configuration;"
                         + " starting at page 1", key);
                return null;
            }
            return new Saved(saved.path("runId").asText(), PaginatorState.fromJson(saved.path("state").toString()));
        } catch (Exception e) {
            LOG.warn("Ignoring the unreadable saved position of '{}' ({}); starting at page 1", key, e.getMessage());
            return null;
        }
    }

    @Override
    public void save(String runId, PaginatorState state) {
        try {
            ObjectNode entry = Json.MAPPER.createObjectNode();
            entry.put("copy", fingerprint);
            entry.put("runId", runId);
            entry.set("state", Json.MAPPER.readTree(state.toJson()));
            repository.setState(key, Json.MAPPER.writeValueAsString(entry));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot save the run position of '" + key + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void clear() {
        repository.setState(key, "");
    }
}
