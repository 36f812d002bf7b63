package dev.adfrest.camel.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.adfrest.camel.mapping.InterimType;
import dev.adfrest.camel.support.Json;

/**
 * How records become JSON on their way to the API, and how JSON input is read: the component's Jackson setup, plus
 * ADF's text for the Java types a translator's rows hold (DateTime and DateTimeOffset as ISO-8601 with seconds,
 * TimeSpan as .NET writes it, Guid as text, Byte[] as base64), so that a row read by a source endpoint is written as
 * ADF would write it.
 */
final class RecordJson {

    /**
     * Writes records without flushing after each (Jackson's default): a flush per record would hand the gzip stream
     * one record at a time.
     */
    static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .registerModule(new SimpleModule("adfrest-records")
            .addSerializer(LocalDateTime.class, formatted(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
            .addSerializer(OffsetDateTime.class, formatted(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
            .addSerializer(ZonedDateTime.class, formatted(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
            .addSerializer(java.time.LocalDate.class, formatted(DateTimeFormatter.ISO_LOCAL_DATE))
            .addSerializer(java.time.LocalTime.class, formatted(DateTimeFormatter.ISO_LOCAL_TIME))
            .addSerializer(java.time.Instant.class, ToStringSerializer.instance)
            .addSerializer(Duration.class, new JsonSerializer<>() {
                @Override
                public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider)
                        throws IOException {
                    gen.writeString(InterimType.timeSpanText(value));
                }
            }));

    private RecordJson() {
    }

    private static <T extends TemporalAccessor> JsonSerializer<T> formatted(DateTimeFormatter format) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(format.format(value));
            }
        };
    }

    /** A generator writing UTF-8 JSON to {@code out}; closing it closes {@code out}. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
    }

    /**
     * A parser of JSON input (any Unicode encoding, detected as Jackson does).
     *
     * @param closeSource whether closing the parser closes the stream
     */
    static JsonParser parser(InputStream in, boolean closeSource) throws IOException {
        JsonParser parser = MAPPER.getFactory().createParser(in);
        return closeSource ? parser : parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    static JsonParser parser(Reader in) throws IOException {
        return MAPPER.getFactory().createParser(in);
    }

    static JsonParser parser(String text) throws IOException {
        return MAPPER.getFactory().createParser(text);
    }

    static JsonParser parser(byte[] bytes) throws IOException {
        return MAPPER.getFactory().createParser(bytes);
    }
}
