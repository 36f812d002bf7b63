package dev.adfrest.camel;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Converter;

/**
 * Lets Camel read a page body as text, bytes, a stream or a Jackson tree, without any glue in the route. A stream of
 * a spooled page reads from its file; the other conversions load the page.
 */
@Converter(generateLoader = true)
public final class AdfRestPageConverter {

    private AdfRestPageConverter() {
    }

    @Converter
    public static String toString(AdfRestPage page) {
        return page.getText();
    }

    @Converter
    public static byte[] toBytes(AdfRestPage page) {
        return page.getBytes();
    }

    @Converter
    public static InputStream toInputStream(AdfRestPage page) {
        return page.getInputStream();
    }

    @Converter
    public static JsonNode toJsonNode(AdfRestPage page) {
        return page.getJson();
    }
}
