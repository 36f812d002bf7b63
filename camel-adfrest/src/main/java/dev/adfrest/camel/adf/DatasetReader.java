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
            "schema", "structure", "lastPublishTime");
    private static final Set<String> TYPE_PROPERTIES = Set.of("relativeUrl", "requestMethod", "additionalHeaders",
            "requestBody", "paginationRules");

    private DatasetReader() {
    }

    /** What an ARM template's dataset must be for adfrest to pick it without a #name. */
    static boolean isRest(ArmTemplate.Resource r) {
        return "RestResource".equals(r.node().path("properties").path("type").asText());
    }

    /**
     * @param linkedService the linked service read with it, or null
     */
    static void read(AdfDefinition ds, AdfDefinition linkedService, ImportedOptions into) {
        ds.checkType("type", "RestResource");
        ds.checkKnown(ds.path(), ds.properties(), PROPERTIES, BOOKKEEPING);
        JsonNode type = ds.get("typeProperties");
        if (!type.isMissingNode() && !type.isNull()) {
            if (!type.isObject()) {
                throw new IllegalArgumentException(ds.describe() + ": " + ds.at("typeProperties") + " must be a JSON"
                                                   + " object such as {\"relativeUrl\": \"items\"}");
            }
            ds.checkKnown(ds.at("typeProperties"), type, TYPE_PROPERTIES, Set.of());
        }
        String uses = linkedServiceName(ds);
        if (uses != null && linkedService != null && linkedService.name() != null
            && !uses.equalsIgnoreCase(linkedService.name())) {
            throw new IllegalArgumentException(ds.describe() + " uses linked service '" + uses + "' ("
                                               + ds.at("linkedServiceName.referenceName") + "), but adfLinkedService"
                                               + " is " + linkedService.describe() + "; set adfLinkedService to '"
                                               + uses + "'");
        }
        into.url(ds, "typeProperties.relativeUrl", "relativeUrl");
        into.scalar(ds, "typeProperties.requestMethod", "requestMethod", false);
        into.map(ds, "typeProperties.additionalHeaders", "additionalHeaders", false, name -> false);
        into.json(ds, "typeProperties.requestBody", "requestBody", false);
        into.map(ds, "typeProperties.paginationRules", "paginationRules", false, name -> false);
    }

    /** The linked service a dataset names, or null. */
    static String linkedServiceName(AdfDefinition ds) {
        JsonNode name = ds.get("linkedServiceName.referenceName");
        return name.isTextual() && !name.textValue().isBlank() ? name.textValue() : null;
    }
}
