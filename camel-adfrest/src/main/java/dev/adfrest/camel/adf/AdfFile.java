package dev.adfrest.camel.adf;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;

/**
 * What an {@code adfLinkedService}, {@code adfDataset} or {@code adfPipeline} option names: a file or resource
 * ({@code file:}, {@code classpath:}) and, after {@code #}, the definition to take from it ({@code
 * file:ARMTemplateForFactory.json#RestLS}). The JSON is read once per endpoint even when several options name the
 * same file.
 *
 * @param option   the option, for messages
 * @param location the file or resource, without the {@code #name}
 * @param selected the name after {@code #}, or null
 * @param root     the file's JSON
 * @param arm      the ARM template the file is, or null for a definition
 */
record AdfFile(String option, String location, String selected, JsonNode root, ArmTemplate arm) {

    /**
     * @param cache files already read for this endpoint, by location
     * @throws IllegalArgumentException naming the option when the file cannot be read or is not JSON
     */
    static AdfFile read(CamelContext context, String option, String value, Map<String, JsonNode> cache) {
        String v = value.trim();
        int hash = v.lastIndexOf('#');
        String location = hash > 0 ? v.substring(0, hash).trim() : v;
        String selected = hash > 0 ? v.substring(hash + 1).trim() : null;
        JsonNode root = cache.get(location);
        if (root == null) {
            root = AdfJson.read(context, option, location);
            cache.put(location, root);
        }
        return new AdfFile(option, location, selected == null || selected.isEmpty() ? null : selected, root,
                ArmTemplate.of(option, location, root));
    }

    /** The same file, for a definition another one refers to (an ARM template's dataset of a pipeline). */
    AdfFile refer(AdfKind kind, String name) {
        return new AdfFile(kind.option, location, name, root, arm);
    }
}
