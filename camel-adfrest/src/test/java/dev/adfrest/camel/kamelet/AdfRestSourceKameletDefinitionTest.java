package dev.adfrest.camel.kamelet;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adfrest.camel.AdfRestEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelet as catalogs and UIs read it: a source, every property titled and described, secrets (the component's
 * secret options) as passwords, only baseUrl required, each property an adfrest option and used by the template.
 */
class AdfRestSourceKameletDefinitionTest {

    private final Map<String, Object> kamelet = load("/kamelets/adfrest-source.kamelet.yaml");
    private final JsonNode component = component();

    @Test
    void isASourceNamedAfterItsFile() {
        assertThat(path("metadata", "name")).isEqualTo("adfrest-source");
        assertThat(path("metadata", "labels", "camel.apache.org/kamelet.type")).isEqualTo("source");
        assertThat(path("kind")).isEqualTo("Kamelet");
    }

    @Test
    void everyPropertyHasATitleAndADescription() {
        properties().forEach((name, property) -> {
            assertThat(property.get("title")).as(name + " title").asString().isNotBlank();
            assertThat(property.get("description")).as(name + " description").asString().isNotBlank();
        });
    }

    @Test
    void secretsAreExactlyTheComponentsSecretOptions() {
        List<String> wrong = new ArrayList<>();
        properties().forEach((name, property) -> {
            boolean secret = component.path("properties").path(name).path("secret").asBoolean();
            if (secret != "password".equals(property.get("format"))) {
                wrong.add(name + (secret ? " is secret but not format: password" : " is format: password but no secret"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyTheBaseUrlIsRequired() {
        assertThat(path("spec", "definition", "required")).isEqualTo(List.of("baseUrl"));
    }

    /**
     * A Kamelet default would always be passed on, overriding what the adfrest component is configured with (shared
     * credentials, an authenticationType): so no property has one, and each says the default that then applies.
     */
    @Test
    void everyPropertyIsAnOptionOfTheComponentWithoutADefaultOfItsOwn() throws Exception {
        long endpointDelay;
        try (CamelContext camel = new DefaultCamelContext()) {
            // Camel's metadata gives every scheduled poll 500 ms; the adfrest endpoint's own default is the one that holds
            endpointDelay = camel.getEndpoint("adfrest:http://127.0.0.1", AdfRestEndpoint.class).getDefaultDelay();
        }
        List<String> wrong = new ArrayList<>();
        properties().forEach((name, property) -> {
            JsonNode option = component.path("properties").path(name);
            if (option.isMissingNode()) {
                wrong.add(name + " is no adfrest option");
            }
            if (property.containsKey("default")) {
                wrong.add(name + " has a default");
            }
            String optionDefault = "delay".equals(name) ? String.valueOf(endpointDelay) : option.path("defaultValue").asText();
            if (!optionDefault.isEmpty() && !String.valueOf(property.get("description")).contains(optionDefault)) {
                wrong.add(name + " does not say its default " + optionDefault);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theTemplateUsesEveryPropertyAndNoOther() {
        String template = String.valueOf(path("spec", "template"));
        Set<String> used = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\{\\{\\??([A-Za-z]+)}}").matcher(template);
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        assertThat(used).isEqualTo(new TreeSet<>(properties().keySet()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependsOnThisVersionOfTheComponent() {
        assertThat((List<Object>) path("spec", "dependencies"))
                .contains("camel:kamelet", "mvn:dev.adfrest:camel-adfrest:" + component.path("component").path("version").asText());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> properties() {
        return (Map<String, Map<String, Object>>) path("spec", "definition", "properties");
    }

    @SuppressWarnings("unchecked")
    private Object path(String... keys) {
        Object node = kamelet;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String resource) {
        try (InputStream in = AdfRestSourceKameletDefinitionTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode component() {
        try (InputStream in = AdfRestSourceKameletDefinitionTest.class
                .getResourceAsStream("/META-INF/dev/adfrest/camel/adfrest.json")) {
            return new ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
