package dev.adfrest.camel.adf;

import java.util.Locale;

/**
 * The kinds of ADF definitions adfrest imports, and how ADF's Git integration and ARM templates name their resource
 * types: {@code Microsoft.DataFactory/factories/linkedservices} (Git, lower case), {@code
 * Microsoft.DataFactory/factories/linkedServices} (ARM), and Synapse's {@code Microsoft.Synapse/workspaces/...}.
 */
enum AdfKind {

    LINKED_SERVICE("linked service", "adfLinkedService", "linkedservices"),
    DATASET("dataset", "adfDataset", "datasets"),
    PIPELINE("pipeline", "adfPipeline", "pipelines");

    private static final String[] OWNERS = { "microsoft.datafactory/factories/", "microsoft.synapse/workspaces/" };

    /** How messages name it: "linked service". */
    final String noun;
    /** The endpoint option that names such a definition. */
    final String option;
    private final String resource;

    AdfKind(String noun, String option, String resource) {
        this.noun = noun;
        this.option = option;
        this.resource = resource;
    }

    /** Whether {@code type} is a factory's or a Synapse workspace's resource type (of any kind). */
    static boolean isResourceType(String type) {
        return resourceName(type) != null;
    }

    /** The kind a resource type names, or null for another resource (a trigger, an integration runtime, ...). */
    static AdfKind ofResourceType(String type) {
        String name = resourceName(type);
        for (AdfKind kind : values()) {
            if (kind.resource.equals(name)) {
                return kind;
            }
        }
        return null;
    }

    /** What a resource type is, for messages: "a pipeline", "a triggers resource". */
    static String describeResourceType(String type) {
        AdfKind kind = ofResourceType(type);
        return kind != null ? "a " + kind.noun : "a " + resourceName(type) + " resource";
    }

    /** "linkedservices" for Microsoft.DataFactory/factories/linkedServices; null when not a factory or workspace type. */
    private static String resourceName(String type) {
        if (type == null) {
            return null;
        }
        String t = type.trim().toLowerCase(Locale.ROOT);
        for (String owner : OWNERS) {
            if (t.startsWith(owner) && t.length() > owner.length() && t.indexOf('/', owner.length()) < 0) {
                return t.substring(owner.length());
            }
        }
        return null;
    }
}
