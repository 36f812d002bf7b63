package dev.adfrest.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What catalog tools (Camel JBang, IDE plugins, the docs) read of the jar tells the truth: component.properties lists
 * the component, and adfrest.json shows the defaults the endpoint really has.
 */
class CatalogTest {

    @Test
    void componentPropertiesListsTheComponentsOfTheJarWithItsCoordinates() throws Exception {
        Properties catalog = new Properties();
        try (InputStream in = resource("META-INF/services/org/apache/camel/component.properties")) {
            catalog.load(in);
        }
        Path services = Path.of(CatalogTest.class.getResource("/META-INF/services/org/apache/camel/component").toURI());
        Set<String> components;
        try (Stream<Path> files = Files.list(services)) {
            components = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(Set.of(catalog.getProperty("components").split(" "))).isEqualTo(components).contains("adfrest");
        JsonNode model = model().path("component");
        assertThat(catalog.getProperty("groupId")).isEqualTo(model.path("groupId").asText()).isEqualTo("dev.adfrest");
        assertThat(catalog.getProperty("artifactId")).isEqualTo(model.path("artifactId").asText());
        assertThat(catalog.getProperty("version")).isEqualTo(model.path("version").asText());
    }

    @Test
    void theCatalogShowsTheDelayAnEndpointReallyHas() throws Exception {
        JsonNode delay = model().path("properties").path("delay");
        CamelContext context = new DefaultCamelContext();
        AdfRestEndpoint endpoint = context.getEndpoint("adfrest:http://127.0.0.1:1/items", AdfRestEndpoint.class);

        assertThat(delay.path("defaultValue").asLong()).isEqualTo(60_000L).isEqualTo(endpoint.getDelay());
        assertThat(delay.path("javaType").asText()).isEqualTo("long");
        assertThat(context.getEndpoint("adfrest:http://127.0.0.1:1/items?delay=5000", AdfRestEndpoint.class).getDelay())
                .isEqualTo(5000L);
        // the component's health check options are in the catalog too
        assertThat(model().path("componentProperties").path("healthCheckConsumerEnabled").path("defaultValue")
                .asBoolean()).isTrue();
    }

    private static InputStream resource(String name) {
        InputStream in = CatalogTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static JsonNode model() throws Exception {
        try (InputStream in = resource("META-INF/dev/adfrest/camel/adfrest.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
