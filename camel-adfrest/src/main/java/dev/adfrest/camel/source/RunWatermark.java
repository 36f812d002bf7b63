package dev.adfrest.camel.source;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adfrest.camel.mapping.PageOutput;
import dev.adfrest.camel.mapping.WatermarkReader;
import dev.adfrest.camel.mapping.WatermarkValue;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.support.Json;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watermark of one copy run (incremental copy): the value the run puts into its requests and shows on its pages,
 * and the highest value among the records of the pages the route processed. When the run completes, that highest
 * value is saved for the next run; a run that fails or is interrupted saves nothing (at-least-once, never a gap), and
 * its resumed run goes on with the value it started with ({@link #progress()} travels in the saved position).
 * <p>
 * In the state repository: {@code <key>#watermark} holds the saved value,
 * {@code {"watermarkPath":"$.updatedAt","value":"2024-05-01T10:00:00Z","kind":"date-time"}}. Used by one thread.
 */
public final class RunWatermark {

    private static final Logger LOG = LoggerFactory.getLogger(RunWatermark.class);

    /** The suffix of the saved value's key, after the key of the route's resume position. */
    public static final String KEY_SUFFIX = "#watermark";

    /** No watermark: no value, nothing read, nothing saved. */
    public static final RunWatermark NONE = new RunWatermark(null, null, null, null);

    private final WatermarkOptions options;
    private final StateRepository<String, String> repository;
    private final String key;
    private final PageOutput output;

    /** The value saved by the last completed run, read when this run began; null when there is none. */
    private WatermarkValue saved;
    /** The value this run puts into its requests; null when it has none. */
    private WatermarkValue used;
    private WatermarkValue highest;
    private long records;
    private long values;

    /**
     * @param key    the key of the route's resume position; the value is saved under it plus {@link #KEY_SUFFIX}
     * @param output what a page's records are
     */
    RunWatermark(WatermarkOptions options, StateRepository<String, String> repository, String key, PageOutput output) {
        this.options = options;
        this.repository = repository;
        this.key = key == null ? null : key + KEY_SUFFIX;
        this.output = output;
    }

    /**
     * A new run: asks from the saved value moved back by watermarkLag, or from watermarkInitialValue when no run has
     * completed yet.
     *
     * @throws IllegalArgumentException naming watermarkLag when it does not fit the saved value
     */
    void start() {
        if (options == null) {
            return;
        }
        saved = readSaved(repository, key, options.reader().path());
        used = saved != null ? options.lag().applyTo(saved) : options.initial();
        highest = saved != null ? saved : options.initial();
    }

    /**
     * A run resumed from its saved position: it asks with the value it started with, and counts the records of the
     * pages processed before.
     *
     * @param progress what {@link #progress()} gave when the position was saved; null when it was saved without
     *                 (then the run goes on as if it started now)
     */
    void resume(JsonNode progress) {
        if (options == null) {
            return;
        }
        if (progress == null || !progress.isObject()) {
            start();
            return;
        }
        saved = readSaved(repository, key, options.reader().path());
        used = valueOf(progress.get("used"));
        highest = valueOf(progress.get("highest"));
    }

    /** The value this run asks from (the {@code CamelAdfRestWatermark} header); null when it has none. */
    public String used() {
        return used == null ? null : used.text();
    }

    /** The endpoint's first request with this run's value in place of {@code {watermark}}. */
    PageRequest fill(PageRequest template) {
        return options == null ? template : options.fillIn(template, used());
    }

    /** Counts the records of a page the route processed. */
    void processed(RunPage page) {
        if (options == null || page.status() == 204) {
            return;
        }
        WatermarkReader.Reading reading = options.reader().read(output.records(page.content().tree()), highest);
        highest = reading.highest();
        records += reading.records();
        values += reading.values();
        if (reading.without() > 0 && LOG.isDebugEnabled()) {
            LOG.debug("Run {} page {}: {} of {} records have no value at watermarkPath {}; they do not count for the"
                      + " watermark", page.runId(), page.number(), reading.without(), reading.records(),
                    options.reader().path());
        }
        if (reading.misfits() > 0) {
            LOG.warn("Run {} page {}: {} values at watermarkPath {} do not count for the watermark, e.g. {}",
                    page.runId(), page.number(), reading.misfits(), options.reader().path(), reading.misfit());
        }
    }

    /**
     * What a saved position carries so that a resumed run goes on with the same watermark; null without one. Holds
     * record values only, never a credential.
     */
    JsonNode progress() {
        if (options == null) {
            return null;
        }
        ObjectNode progress = Json.MAPPER.createObjectNode();
        progress.set("used", json(used));
        progress.set("highest", json(highest));
        return progress;
    }

    /**
     * The run completed: saves its highest value for the next run, when a record raised it above the value the run
     * started from (the saved one, or watermarkInitialValue, which then stays in charge until a record passes it).
     *
     * @throws RuntimeException the repository's, when it cannot save (the run then fails, and its position stays)
     */
    void commit(String runId) {
        if (options == null) {
            return;
        }
        if (records > 0 && values == 0) {
            LOG.warn("Run {}: none of its {} records has a value at watermarkPath {}; the watermark stays at {}. Check"
                     + " watermarkPath: it is read in each record (the elements of collectionReference, or of a page"
                     + " that is an array, else the page itself)", runId, records, options.reader().path(),
                    highest == null ? "none" : highest.text());
        }
        WatermarkValue from = saved != null ? saved : options.initial();
        if (highest == null || from != null && from.text().equals(highest.text())) { // no record raised it
            LOG.debug("Run {}: the watermark stays at {}", runId, highest == null ? "none" : highest.text());
            return;
        }
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("watermarkPath", options.reader().path());
        entry.setAll(json(highest));
        try {
            repository.setState(key, Json.MAPPER.writeValueAsString(entry));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LOG.info("Run {}: watermark {} saved: {} (was {})", runId, options.reader().path(), highest.text(),
                saved == null ? "none" : saved.text());
        saved = highest;
    }

    /**
     * The value the last completed run saved under {@code key} (a route's key plus {@link #KEY_SUFFIX}); null when
     * there is none, or it belongs to another watermarkPath, or it cannot be read (then logged).
     *
     * @param path the endpoint's watermarkPath; null to take the value whatever path it was saved for
     */
    static WatermarkValue readSaved(StateRepository<String, String> repository, String key, String path) {
        String text = repository.getState(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode entry = Json.MAPPER.readTree(text);
            String savedPath = entry.path("watermarkPath").asText(null);
            if (path != null && !path.equals(savedPath)) {
                LOG.warn("Ignoring the saved watermark of '{}': it was saved for watermarkPath {}, not {}; this run asks"
                         + " from watermarkInitialValue", key, savedPath, path);
                return null;
            }
            WatermarkValue value = valueOf(entry);
            if (value == null) {
                throw new IllegalArgumentException("no value");
            }
            return value;
        } catch (Exception e) {
            LOG.warn("Ignoring the unreadable saved watermark of '{}' ({}); this run asks from watermarkInitialValue",
                    key, e.getMessage());
            return null;
        }
    }

    private static ObjectNode json(WatermarkValue value) {
        if (value == null) {
            return null;
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("value", value.text());
        node.put("kind", value.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return node;
    }

    /** A value written by {@link #json}: a string stays a string even where its text reads as a number or date. */
    private static WatermarkValue valueOf(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("value").isTextual()) {
            return null;
        }
        String text = node.get("value").textValue();
        WatermarkValue value = WatermarkValue.parse(text);
        return value != null && "string".equals(node.path("kind").asText()) ? new WatermarkValue.Text(text) : value;
    }
}
