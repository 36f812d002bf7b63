package dev.adfrest.camel.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.PaginatorState;
import dev.adfrest.camel.pagination.SavedPosition;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.support.SecretNames;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a Camel {@link StateRepository} (FileStateRepository survives restarts), one entry per route. The
 * entry carries a fingerprint of the endpoint's first request and rules: a saved position is only used by the copy it
 * came from; and, with a watermark, the run's watermark, so that the run resumes with it.
 * <p>
 * An entry holds no secret ({@link SavedPosition}): the URL to go on from with the values of credential-like query
 * parameters left out, the headers and body fields the pagination rules set, the RANGE values and the page count.
 * Everything else (additionalHeaders, the request body, API keys in the query) comes from the endpoint when the run
 * resumes, so a rotated token is picked up and nothing to steal sits in the file or table.
 */
public final class StateRepositoryCheckpoints implements Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(StateRepositoryCheckpoints.class);

    /** The entry's format; entries of earlier versions kept whole requests (credentials included) and are dropped. */
    static final int VERSION = 2;

    private final StateRepository<String, String> repository;
    private final String key;
    private final PaginationRules rules;
    private final String fingerprint;
    private final RunWatermark watermark;
    /** Whether the entry may hold something to clear: unknown (null) until loaded. */
    private Boolean stored;

    /**
     * @param key         the entry's key (the route id)
     * @param rules       the endpoint's rules: which values of a position they set
     * @param fingerprint what identifies the copy (first request and rules, no secret); a saved entry with another is
     *                    ignored
     * @param watermark   the run's watermark, saved with each position
     */
    public StateRepositoryCheckpoints(StateRepository<String, String> repository, String key, PaginationRules rules,
                                      String fingerprint, RunWatermark watermark) {
        this.repository = repository;
        this.key = key;
        this.rules = rules;
        this.fingerprint = fingerprint;
        this.watermark = watermark;
    }

    @Override
    public Saved load() {
        return read(true);
    }

    /** The saved position as {@link #load()} reads it, without a warning when it is unusable (for display). */
    public Saved peek() {
        return read(false);
    }

    private Saved read(boolean warn) {
        String text = repository.getState(key);
        stored = text != null && !text.isBlank();
        if (!stored) {
            return null;
        }
        try {
            JsonNode saved = Json.MAPPER.readTree(text);
            if (saved.path("version").asInt() != VERSION) {
                LOG.warn("Ignoring the saved position of '{}': an earlier version of adfrest saved it, with the request"
                         + " headers (credentials among them) in it; it is deleted and the copy starts at page 1", key);
                clear();
                return null;
            }
            if (!fingerprint.equals(saved.path("copy").asText())) {
                if (warn) {
                    LOG.warn("Ignoring the saved position of '{}': it belongs to another endpoint configuration;"
                             + " starting at page 1", key);
                }
                return null;
            }
            JsonNode progress = saved.get("watermark");
            return new Saved(saved.path("runId").asText(),
                    Json.MAPPER.treeToValue(saved.path("position"), SavedPosition.class),
                    progress == null || progress.isNull() ? null : progress);
        } catch (Exception e) {
            if (warn) {
                LOG.warn("Ignoring the unreadable saved position of '{}' ({}); starting at page 1", key, e.getMessage());
            }
            return null;
        }
    }

    @Override
    public void save(String runId, PaginatorState state) {
        try {
            ObjectNode entry = Json.MAPPER.createObjectNode();
            entry.put("version", VERSION);
            entry.put("copy", fingerprint);
            entry.put("runId", runId);
            entry.set("position", Json.MAPPER.valueToTree(SavedPosition.of(rules, state, SecretNames::looksSecret)));
            JsonNode progress = watermark.progress();
            if (progress != null) {
                entry.set("watermark", progress);
            }
            repository.setState(key, Json.MAPPER.writeValueAsString(entry));
            stored = true;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot save the run position of '" + key + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void clear() {
        if (!Boolean.FALSE.equals(stored)) { // a run that saved nothing, after one that left nothing, writes nothing
            repository.setState(key, "");
            stored = false;
        }
    }
}
