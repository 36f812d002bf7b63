package dev.adfrest.camel.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the body of a page exchange is, decided once per endpoint: the page as received (ADF's "export JSON as-is"),
 * its records ({@code collectionReference}: a {@code List<JsonNode>}), or its rows ({@code translator}: a
 * {@code List<Map<String, Object>>}, each row a LinkedHashMap in mapping order).
 */
public interface PageOutput {

    /** The page goes to the route as received. */
    PageOutput AS_IS = new PageOutput() {
        @Override
        public boolean asIs() {
            return true;
        }

        @Override
        public Mapped map(JsonNode page, int pageNumber) {
            throw new IllegalStateException("the page goes out as received");
        }
    };

    /**
     * A page's body and what it holds.
     *
     * @param body    a {@code List<JsonNode>} of records or a {@code List<Map<String, Object>>} of rows
     * @param records how many records or rows the body holds
     * @param skipped rows left out because a value did not convert (enableSkipIncompatibleRow)
     */
    record Mapped(Object body, int records, int skipped) {
    }

    /**
     * The page's records, as {@code watermarkPath} reads them: the elements of the collectionReference (the
     * translator's, when it has one); without one, the elements of a page that is a top-level array, or else the page
     * itself as one record. The nodes are the page's own (shared: do not modify).
     */
    default List<JsonNode> records(JsonNode page) {
        if (page == null || page.isNull() || page.isMissingNode()) {
            return List.of();
        }
        if (page.isArray()) {
            List<JsonNode> elements = new ArrayList<>(page.size());
            page.forEach(elements::add);
            return elements;
        }
        return List.of(page);
    }

    /** Whether the page goes to the route as received; {@link #map} is then not used. */
    default boolean asIs() {
        return false;
    }

    /**
     * @param  page            the parsed page
     * @param  pageNumber      the page's number in its run, for log lines
     * @throws MappingException naming the row, column and value that does not convert, or a collection of the wrong
     *                          shape
     */
    Mapped map(JsonNode page, int pageNumber);

    /**
     * The output an endpoint's options ask for.
     *
     * @param  collectionReference      JSONPath of the records' array, or null
     * @param  translator               an ADF TabularTranslator, or null
     * @param  skipIncompatibleRows     leave out (and log) rows with a value that does not convert, instead of failing
     * @throws IllegalArgumentException naming the option or translator property that is wrong
     */
    static PageOutput of(String collectionReference, JsonNode translator, boolean skipIncompatibleRows) {
        boolean hasCollection = collectionReference != null && !collectionReference.isBlank();
        if (translator != null && !translator.isNull()) {
            return new Rows(new RowMapper(TabularTranslator.parse(translator, hasCollection ? collectionReference : null),
                    skipIncompatibleRows));
        }
        if (hasCollection) {
            return new Records(CollectionReference.compile("collectionReference", collectionReference));
        }
        return AS_IS;
    }

    /** The records of collectionReference, as a List of JsonNode. */
    final class Records implements PageOutput {

        private final CollectionReference collection;

        Records(CollectionReference collection) {
            this.collection = collection;
        }

        @Override
        public Mapped map(JsonNode page, int pageNumber) {
            List<JsonNode> records = collection.records(page);
            return new Mapped(records, records.size(), 0);
        }

        @Override
        public List<JsonNode> records(JsonNode page) {
            return collection.records(page);
        }
    }

    /** Rows through a TabularTranslator; skipped rows are logged one by one with their number. */
    final class Rows implements PageOutput {

        private static final Logger LOG = LoggerFactory.getLogger(PageOutput.class);

        private final RowMapper mapper;

        Rows(RowMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public Mapped map(JsonNode page, int pageNumber) {
            RowMapper.Rows rows = mapper.map(page);
            for (RowMapper.IncompatibleRow skipped : rows.skipped()) {
                LOG.warn("Page {}: skipped incompatible {}", pageNumber, skipped.describe());
            }
            if (!rows.skipped().isEmpty()) {
                LOG.warn("Page {}: {} incompatible rows skipped, {} rows delivered (enableSkipIncompatibleRow=true)",
                        pageNumber, rows.skipped().size(), rows.rows().size());
            }
            return new Mapped(rows.rows(), rows.rows().size(), rows.skipped().size());
        }

        /** The elements of the collection the rows cross-apply, or the documents when there is none. */
        @Override
        public List<JsonNode> records(JsonNode page) {
            CollectionReference collection = mapper.collectionReference();
            return collection == null ? PageOutput.super.records(page) : collection.records(page);
        }
    }
}
