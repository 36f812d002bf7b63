package dev.adfrest.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter is hand-written (Camel's generator plugin is not available to us), so this keeps it whole: every option
 * of the component (its generated adfrest.json) has a property under camel.component.adfrest with a description and
 * the component's default, in the configuration metadata that spring-boot-configuration-processor writes into the
 * starter jar. A new component option fails here until AdfRestComponentConfiguration has it.
 */
class StarterCoversEveryOptionTest {

    private static final String PREFIX = "camel.component.adfrest.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionIsAPropertyWithADescriptionAndTheComponentsDefault() throws IOException {
        Map<String, JsonNode> properties = starterProperties();
        List<String> problems = new ArrayList<>();
        componentOptions().forEach((option, model) -> {
            String name = PREFIX + kebab(option);
            JsonNode property = properties.get(name);
            if (property == null) {
                problems.add(name + " is missing: add to AdfRestComponentConfiguration\n" + declaration(option, model));
                return;
            }
            if (property.path("description").asText().isBlank()) {
                problems.add(name + " has no description (the Javadoc of its field)");
            }
            JsonNode componentDefault = model.get("defaultValue");
            if (componentDefault != null && !componentDefault.asText().equals(property.path("defaultValue").asText())) {
                problems.add(name + " defaults to '" + property.path("defaultValue").asText() + "', the component to '"
                             + componentDefault.asText() + "'");
            }
        });
        assertThat(problems).as("the starter against the component's options").isEmpty();
    }

    @Test
    void everyPropertyIsAComponentOption() throws IOException {
        List<String> known = new ArrayList<>(List.of(PREFIX + "enabled", PREFIX + "customizer.enabled"));
        componentOptions().keySet().forEach(option -> known.add(PREFIX + kebab(option)));

        assertThat(starterProperties().keySet()).containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    void mapOptionsAreMapsOfStrings() throws IOException {
        Map<String, JsonNode> properties = starterProperties();
        for (String map : List.of("additional-headers", "auth-headers", "pagination-rules")) {
            assertThat(properties.get(PREFIX + map).path("type").asText())
                    .isEqualTo("java.util.Map<java.lang.String,java.lang.String>");
        }
    }

    /** Spring Boot's canonical property name: aadResourceId → aad-resource-id. */
    static String kebab(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, JsonNode> componentOptions() throws IOException {
        try (InputStream in = StarterCoversEveryOptionTest.class
                .getResourceAsStream("/META-INF/dev/adfrest/camel/adfrest.json")) {
            assertThat(in).as("adfrest.json of the component jar").isNotNull();
            Map<String, JsonNode> options = new HashMap<>();
            JSON.readTree(in).get("componentProperties").fields()
                    .forEachRemaining(option -> options.put(option.getKey(), option.getValue()));
            return options;
        }
    }

    /** Our properties in the metadata the processor wrote (other jars on the class path have their own file). */
    private static Map<String, JsonNode> starterProperties() throws IOException {
        Map<String, JsonNode> ours = new HashMap<>();
        for (URL url : Collections.list(StarterCoversEveryOptionTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : JSON.readTree(in).path("properties")) {
                    if (property.path("name").asText().startsWith(PREFIX)) {
                        ours.put(property.get("name").asText(), property);
                    }
                }
            }
        }
        assertThat(ours).as("spring-configuration-metadata.json of the starter").isNotEmpty();
        return ours;
    }

    /** What to paste into AdfRestComponentConfiguration for a new option (plus its getter and setter). */
    private static String declaration(String option, JsonNode model) {
        String type = switch (model.path("javaType").asText()) {
            case "boolean" -> "Boolean";
            case "int" -> "Integer";
            case "long" -> "Long";
            case "java.lang.String" -> "String";
            default -> model.path("javaType").asText();
        };
        JsonNode def = model.get("defaultValue");
        return "    /**\n     * " + model.path("description").asText() + "\n     */\n    private " + type + " " + option
               + (def == null ? "" : " = " + (type.equals("String") ? "\"" + def.asText() + "\"" : def.asText())) + ";";
    }
}
