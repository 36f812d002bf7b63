package dev.adfrest.camel.adf;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A RestResource dataset: relativeUrl, and the request properties ADF still reads from a dataset (the legacy model;
 * the copy activity's source overrides them).
 */
final class DatasetReader {

    private static final Set<String> PROPERTIES = Set.of("type", "typeProperties", "linkedServiceName");
    /** The dataset's schema/structure only feeds ADF's mapping editor; the translator decides the rows. */
    private static final Set<String> BOOKKEEPING = Set.of("annotations", "description", "folder", "parameters",
            "schema", "structure");
    private static final Set<String> TYPE_PROPERTIES = Set.of("relativeUrl", "requestMethod", "additionalHeaders",
            "requestBody", "paginationRules");

    private DatasetReader() {
    }

    /**
     * @param linkedService the linked service read with it, or null
     */
    static void read(AdfDefinition ds, AdfDefinition linkedService, ImportedOptions into) {
        ds.checkType("type", "RestResource");
        ds.checkKnown("", ds.properties(), PROPERTIES, BOOKKEEPING);
        JsonNode type = ds.get("typeProperties");
        if (!type.isMissingNode() && !type.isNull()) {
            if (!type.isObject()) {
                throw new IllegalArgumentException(ds.describe() + ": typeProperties must be a JSON object");
            }
            ds.checkKnown("typeProperties.", type, TYPE_PROPERTIES, Set.of());
        }
        String uses = ds.get("linkedServiceName.referenceName").asText(null);
        if (uses != null && linkedService != null && linkedService.name() != null && !uses.equals(linkedService.name())) {
            throw new IllegalArgumentException(ds.describe() + " uses linked service '" + uses + "', but adfLinkedService"
                                               + " is " + linkedService.describe());
        }
        into.scalar(ds, "typeProperties.relativeUrl", "relativeUrl", false);
        into.scalar(ds, "typeProperties.requestMethod", "requestMethod", false);
        into.map(ds, "typeProperties.additionalHeaders", "additionalHeaders", false);
        into.json(ds, "typeProperties.requestBody", "requestBody", true);
        into.map(ds, "typeProperties.paginationRules", "paginationRules", false);
    }

    /** The linked service a dataset names, or null. */
    static String linkedServiceName(AdfDefinition ds) {
        return ds.get("linkedServiceName.referenceName").asText(null);
    }
}
