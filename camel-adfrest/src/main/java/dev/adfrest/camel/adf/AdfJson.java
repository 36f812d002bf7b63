package dev.adfrest.camel.adf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.support.Json;
import org.apache.camel.CamelContext;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Reads the JSON users bring from ADF: definitions and translators, inline, from a {@code file:} or
 * {@code classpath:} resource (Camel's ResourceHelper), or from a bean.
 */
public final class AdfJson {

    private AdfJson() {
    }

    /**
     * Reads the {@code translator} option: inline JSON, a resource ({@code file:}, {@code classpath:}), or a
     * {@code #bean} holding JSON text, a Jackson JsonNode or a Map.
     *
     * @return the translator, or null when the option is not set
     * @throws IllegalArgumentException naming the option when it cannot be read
     */
    public static JsonNode translator(CamelContext context, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.startsWith("{")) {
            return parse("translator", "the inline JSON", text);
        }
        if (text.startsWith("#")) {
            Object bean = EndpointHelper.resolveReferenceParameter(context, text, Object.class);
            if (bean instanceof JsonNode node) {
                return node;
            }
            if (bean instanceof Map<?, ?> map) {
                return Json.MAPPER.valueToTree(map);
            }
            if (bean instanceof String s) {
                return translator(context, s);
            }
            throw new IllegalArgumentException("Option 'translator': bean " + text + " is a " + bean.getClass().getName()
                                               + "; use JSON text, a Jackson JsonNode or a Map");
        }
        return read(context, "translator", text);
    }

    /**
     * Reads a JSON document from a resource.
     *
     * @param  option                   the option that names it, for messages
     * @throws IllegalArgumentException naming the option and resource when it cannot be read or is not JSON
     */
    static JsonNode read(CamelContext context, String option, String location) {
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, location.trim())) {
            return parse(option, location, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("Option '" + option + "': cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String option, String what, String text) {
        try {
            return Json.MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text); // ADF exports may carry a BOM
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String in = e.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "";
            throw new IllegalArgumentException("Option '" + option + "': " + what + " is not valid JSON" + where
                                               + (in.isEmpty() ? "" : " (near " + in + ")") + ": "
                                               + e.getOriginalMessage() + ". Fix the JSON there: ADF's code view"
                                               + " ({}), its Git integration and Export ARM template write valid"
                                               + " JSON, so copy the definition from one of them", e);
        }
    }

    /** Where a parser stood, as a JSON path from the root: properties.activities[0].typeProperties. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String step = c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]"
                    : c.getCurrentName() == null ? "" : AdfDefinition.child("", c.getCurrentName());
            if (!step.isEmpty() && !path.isEmpty() && path.charAt(0) != '[') {
                path.insert(0, '.');
            }
            path.insert(0, step);
        }
        return path.toString();
    }

    /** JSON text of a node, for options that take JSON (translator, requestBody). */
    static String text(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
