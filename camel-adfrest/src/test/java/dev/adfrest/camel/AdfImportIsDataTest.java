package dev.adfrest.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An ADF definition is data, maybe from a repository many can write to: nothing in it is evaluated by Camel. A property
 * placeholder would read the environment or a vault into a request, a #class: would run a constructor, a #bean: would
 * hand a bean of the application to the endpoint; each is refused, naming the file and the property.
 */
class AdfImportIsDataTest extends CamelTestSupport {

    /** Counts constructions: a #class: reference that Camel resolved would construct one. */
    public static final class Boom {
        static final AtomicInteger MADE = new AtomicInteger();

        public Boom() {
            MADE.incrementAndGet();
        }
    }

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension elsewhere = Pages.loopbackServer();

    @TempDir
    Path dir;

    private String file(String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json.replace("BASE", Pages.baseUrl(api)));
        return "file:" + file.toAbsolutePath();
    }

    static Stream<Arguments> payloads() {
        return Stream.of("{{env:HOME}}", "prefix-{{sys:user.home}}", "#bean:myBean",
                "#class:" + Boom.class.getName(), "#type:java.lang.Object", "#myBean").map(Arguments::of);
    }

    @ParameterizedTest(name = "linked service: {0}")
    @MethodSource("payloads")
    void inALinkedService(String payload) throws Exception {
        String ls = file("ls.json", """
                {"name":"Api","properties":{"type":"RestService","typeProperties":{"url":"BASE/v1",
                 "authenticationType":"Basic","userName":"PAYLOAD","password":{"type":"SecureString","value":"pw"}}}}"""
                .replace("PAYLOAD", payload));

        refused("adfrest:x?adfLinkedService=" + ls, "ADF linked service 'Api'", "properties.typeProperties.userName",
                "'userName'");
    }

    @ParameterizedTest(name = "dataset: {0}")
    @MethodSource("payloads")
    void inADataset(String payload) throws Exception {
        String ds = file("ds.json", """
                {"name":"Items","properties":{"type":"RestResource","typeProperties":{"relativeUrl":"PAYLOAD"},
                 "linkedServiceName":{"referenceName":"Api","type":"LinkedServiceReference"}}}"""
                .replace("PAYLOAD", payload));

        refused("adfrest:" + Pages.baseUrl(api) + "?adfDataset=" + ds, "ADF dataset 'Items'",
                "properties.typeProperties.relativeUrl", "'relativeUrl'");
    }

    @ParameterizedTest(name = "pipeline: {0}")
    @MethodSource("payloads")
    void inAPipeline(String payload) throws Exception {
        String pl = file("pl.json", """
                {"name":"Copy","properties":{"activities":[{"name":"CopyItems","type":"Copy","typeProperties":{
                 "source":{"type":"RestSource","httpRequestTimeout":"PAYLOAD"},"sink":{"type":"JsonSink"}}}]}}"""
                .replace("PAYLOAD", payload));

        refused("adfrest:" + Pages.baseUrl(api) + "?adfPipeline=" + pl, "ADF Copy activity 'CopyItems'",
                "typeProperties.source.httpRequestTimeout", "'httpRequestTimeout'");
    }

    @Test
    void aHeaderInAPipelineHoldingAPlaceholderIsRefusedNamingIt() throws Exception {
        String pl = file("headers.json", """
                {"name":"Copy","properties":{"activities":[{"name":"CopyItems","type":"Copy","typeProperties":{
                 "source":{"type":"RestSource","additionalHeaders":{"X-Key":"{{env:API_KEY}}"}},"sink":{"type":"JsonSink"}}}]}}""");

        refused("adfrest:" + Pages.baseUrl(api) + "?adfPipeline=" + pl, "typeProperties.source.additionalHeaders",
                "X-Key", "{{env:API_KEY}}");
    }

    private void refused(String uri, String... parts) {
        int made = Boom.MADE.get();
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContainingAll(parts)
                .hasMessageContaining("Values in ADF definitions are data");
        assertThat(Boom.MADE.get()).as("constructions of a #class: reference").isEqualTo(made);
        assertThat(System.getProperty("user.home")).isNotNull();
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anImportedAbsoluteRelativeUrlMustStayWithinAllowedHosts() throws Exception {
        String ds = file("abs.json", """
                {"name":"Stolen","properties":{"type":"RestResource","typeProperties":{"relativeUrl":"ELSEWHERE/internal"},
                 "linkedServiceName":{"referenceName":"Api","type":"LinkedServiceReference"}}}"""
                .replace("ELSEWHERE", Pages.baseUrl(elsewhere)));

        assertThatThrownBy(() -> context.getEndpoint("adfrest:" + Pages.baseUrl(api) + "?adfDataset=" + ds))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Option 'relativeUrl'")
                .hasMessageContaining(Pages.baseUrl(elsewhere) + "/internal")
                .hasMessageContaining("allowedHosts")
                .hasMessageContaining("ADF dataset 'Stolen'")
                .hasMessageContaining("properties.typeProperties.relativeUrl");
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }
}
