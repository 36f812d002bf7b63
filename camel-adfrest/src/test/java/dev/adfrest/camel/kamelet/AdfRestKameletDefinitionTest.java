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
import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.AdfRestEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets as catalogs and UIs read them: adfrest-source a source and adfrest-sink a sink, every property titled
 * and described, secrets (the component's secret options) as passwords, only baseUrl required, each property an
 * adfrest option without a default of its own and used by the template.
 */
class AdfRestKameletDefinitionTest {

    private static final JsonNode COMPONENT = component();

    @ParameterizedTest
    @ValueSource(strings = { "adfrest-source", "adfrest-sink" })
    void isLabelledWithItsTypeAndNamedAfterItsFile(String name) {
        Kamelet kamelet = Kamelet.load(name);
        assertThat(kamelet.path("metadata", "name")).isEqualTo(name);
        assertThat(kamelet.path("metadata", "labels", "camel.apache.org/kamelet.type")).isEqualTo(kamelet.type());
        assertThat(kamelet.path("kind")).isEqualTo("Kamelet");
    }

    @ParameterizedTest
    @ValueSource(strings = { "adfrest-source", "adfrest-sink" })
    void everyPropertyHasATitleAndADescription(String name) {
        Kamelet.load(name).properties().forEach((property, definition) -> {
            assertThat(definition.get("title")).as(property + " title").asString().isNotBlank();
            assertThat(definition.get("description")).as(property + " description").asString().isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "adfrest-source", "adfrest-sink" })
    void secretsAreExactlyTheComponentsSecretOptions(String name) {
        List<String> wrong = new ArrayList<>();
        Kamelet.load(name).properties().forEach((property, definition) -> {
            boolean secret = COMPONENT.path("properties").path(property).path("secret").asBoolean();
            if (secret != "password".equals(definition.get("format"))) {
                wrong.add(property + (secret ? " is secret but not format: password" : " is format: password but no secret"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "adfrest-source", "adfrest-sink" })
    void onlyTheBaseUrlIsRequired(String name) {
        assertThat(Kamelet.load(name).path("spec", "definition", "required")).isEqualTo(List.of("baseUrl"));
    }

    /**
     * A Kamelet default would always be passed on, overriding what the adfrest component is configured with (shared
     * credentials, an authenticationType): so no property has one, and each says the default that then applies. Where
     * the role decides the default (requestMethod, requestInterval: ADF's RestSource and RestSink differ; the consumer's
     * delay), the Kamelet says its role's.
     */
    @ParameterizedTest
    @ValueSource(strings = { "adfrest-source", "adfrest-sink" })
    void everyPropertyIsAnOptionOfTheComponentWithoutADefaultOfItsOwn(String name) throws Exception {
        Kamelet kamelet = Kamelet.load(name);
        Map<String, String> roleDefaults = roleDefaults(kamelet.type());
        List<String> wrong = new ArrayList<>();
        kamelet.properties().forEach((property, definition) -> {
            JsonNode option = COMPONENT.path("properties").path(property);
            if (option.isMissingNode()) {
                wrong.add(property + " is no adfrest option");
            }
            if (definition.containsKey("default")) {
                wrong.add(property + " has a default");
            }
            String optionDefault = roleDefaults.getOrDefault(property, option.path("defaultValue").asText());
            if (!optionDefault.isEmpty() && !String.valueOf(definition.get("description")).contains(optionDefault)) {
                wrong.add(property + " does not say its default " + optionDefault);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "adfrest-source", "adfrest-sink" })
    void theTemplateUsesEveryPropertyAndNoOther(String name) {
        Kamelet kamelet = Kamelet.load(name);
        String template = String.valueOf(kamelet.path("spec", "template"));
        Set<String> used = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\{\\{\\??([A-Za-z]+)}}").matcher(template);
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        assertThat(used).isEqualTo(new TreeSet<>(kamelet.properties().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "adfrest-source", "adfrest-sink" })
    @SuppressWarnings("unchecked")
    void dependsOnThisVersionOfTheComponent(String name) {
        assertThat((List<Object>) Kamelet.load(name).path("spec", "dependencies"))
                .contains("camel:kamelet", "mvn:dev.adfrest:camel-adfrest:" + COMPONENT.path("component").path("version").asText());
    }

    /** The source starts at adfrest: and hands each page to kamelet:sink. */
    @Test
    void theSourceReadsFromTheComponent() {
        Kamelet source = Kamelet.load("adfrest-source");
        assertThat(source.path("spec", "template", "from", "uri")).isEqualTo("adfrest:{{baseUrl}}");
        assertThat(String.valueOf(source.path("spec", "template", "from", "steps"))).isEqualTo("[{to=kamelet:sink}]");
    }

    /**
     * The sink takes messages from kamelet:source and always writes: it sets operation=write (whatever the component
     * says) and never passes what only a source has (pagination, mapping).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSinkWritesWithTheComponentsProducer() {
        Kamelet sink = Kamelet.load("adfrest-sink");
        assertThat(sink.path("spec", "template", "from", "uri")).isEqualTo("kamelet:source");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) sink.path("spec", "template", "from", "steps");
        assertThat(steps).hasSize(1);
        Map<String, Object> to = (Map<String, Object>) steps.get(0).get("to");
        assertThat(to.get("uri")).isEqualTo("adfrest:{{baseUrl}}");
        Map<String, Object> parameters = (Map<String, Object>) to.get("parameters");
        assertThat(parameters).containsEntry("operation", "write")
                .doesNotContainKeys("paginationRules", "collectionReference", "translator", "requestBody", "delay");
    }

    /** The defaults a role gives an option left unset, where adfrest.json cannot say them. */
    private static Map<String, String> roleDefaults(String type) throws Exception {
        if (type.equals("sink")) {
            return Map.of("requestMethod", AdfRestConfiguration.SINK_METHOD,
                    "requestInterval", AdfRestConfiguration.SINK_REQUEST_INTERVAL);
        }
        long endpointDelay;
        try (CamelContext camel = new DefaultCamelContext()) {
            // Camel's metadata gives every scheduled poll 500 ms; the adfrest endpoint's own default is the one that holds
            endpointDelay = camel.getEndpoint("adfrest:http://127.0.0.1", AdfRestEndpoint.class).getDefaultDelay();
        }
        return Map.of("delay", String.valueOf(endpointDelay),
                "requestInterval", AdfRestConfiguration.SOURCE_REQUEST_INTERVAL);
    }

    /** A Kamelet definition as loaded from the class path. */
    private record Kamelet(String name, Map<String, Object> root) {

        @SuppressWarnings("unchecked")
        static Kamelet load(String name) {
            String resource = "/kamelets/" + name + ".kamelet.yaml";
            try (InputStream in = AdfRestKameletDefinitionTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource + " on the class path").isNotNull();
                return new Kamelet(name, (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** source or sink, from its name. */
        String type() {
            return name.substring(name.lastIndexOf('-') + 1);
        }

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties() {
            return (Map<String, Map<String, Object>>) path("spec", "definition", "properties");
        }

        @SuppressWarnings("unchecked")
        Object path(String... keys) {
            Object node = root;
            for (String key : keys) {
                node = ((Map<String, Object>) node).get(key);
            }
            return node;
        }
    }

    private static JsonNode component() {
        try (InputStream in = AdfRestKameletDefinitionTest.class.getResourceAsStream("/META-INF/dev/adfrest/camel/adfrest.json")) {
            return new ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
