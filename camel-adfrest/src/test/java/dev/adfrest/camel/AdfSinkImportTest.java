package dev.adfrest.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Receiver;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An ADF Copy activity from REST to REST, imported as two endpoints of one route: the consumer takes its RestSource
 * (and translator), the producer with operation=write its RestSink, each with the dataset and linked service of its
 * side. The definitions' URLs are pointed at the test's servers.
 */
class AdfSinkImportTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension orders = Pages.loopbackServer();

    final Receiver archive = Receiver.start();

    @TempDir
    Path dir;

    @AfterEach
    void stopArchive() {
        archive.close();
    }

    /** A definition from src/test/resources/adf/sink, its URLs pointed at the test's servers, as a file: URI. */
    String adf(String name) throws Exception {
        String json = new String(getClass().getResourceAsStream("/adf/sink/" + name).readAllBytes(), StandardCharsets.UTF_8)
                .replace("https://orders.example.com", Pages.baseUrl(orders))
                .replace("https://archive.example.com", archive.url());
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return "file:" + file.toAbsolutePath();
    }

    void stubOrders() {
        String base = Pages.baseUrl(orders);
        orders.stubFor(get(urlPathEqualTo("/v1/orders")).withQueryParam("page", equalTo("2")).willReturn(Pages.json(
                "{\"data\":[{\"id\":3,\"total\":7.5}]}")));
        orders.stubFor(get(urlPathEqualTo("/v1/orders")).atPriority(10).willReturn(Pages.json(
                "{\"data\":[{\"id\":1,\"total\":12.25},{\"id\":2,\"total\":3}],\"next\":\"" + base
                + "/v1/orders?page=2\"}")));
    }

    @Test
    void aRestToRestCopyActivityIsOneRouteOfTwoEndpoints() throws Exception {
        stubOrders();
        String pipeline = adf("CopyOrdersToArchive.json");
        String source = "adfrest:orders?adfPipeline=" + pipeline + "&adfDataset=" + adf("OrdersRest.json")
                        + "&adfLinkedService=" + adf("OrdersApi.json") + "&repeatCount=1&initialDelay=0";
        String sink = "adfrest:archive?adfPipeline=" + pipeline + "&adfDataset=" + adf("ArchiveRest.json")
                      + "&adfLinkedService=" + adf("ArchiveApi.json") + "&operation=write";
        NotifyBuilder copied = new NotifyBuilder(context).whenCompleted(2).create();
        try (LogCapture log = LogCapture.open()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(source).to(sink);
                }
            });
            assertThat(copied.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(log.all()).doesNotContain("Arch1ve!").doesNotContain("orders-key-1")
                    .contains("[source, enableStaging, translator] not imported by this endpoint, which writes with the"
                              + " RestSink")
                    .contains("[sink, enableStaging] not imported: where and how the rows are written is the route's job");
        }

        // the source side: its dataset, linked service (API key), rules and translator
        orders.verify(2, getRequestedFor(urlPathEqualTo("/v1/orders")).withHeader("x-api-key", equalTo("orders-key-1")));
        // the sink side: its dataset and linked service (Basic), method, batch size, compression and headers
        String basic = "Basic " + Base64.getEncoder().encodeToString("archiver:Arch1ve!".getBytes(StandardCharsets.UTF_8));
        assertThat(archive.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.uri()).isEqualTo("/v2/archive");
            assertThat(r.header("Authorization")).isEqualTo(basic);
            assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(r.header("x-source")).isEqualTo("adf");
            assertThat(r.header("x-api-key")).isNull();
        });
        assertThat(archive.requests()).extracting(r -> r.text())
                .containsExactly("[{\"orderId\":1,\"amount\":12.25},{\"orderId\":2,\"amount\":3}]",
                        "[{\"orderId\":3,\"amount\":7.5}]");

        AdfRestEndpoint writer = context.getEndpoints().stream().filter(AdfRestEndpoint.class::isInstance)
                .map(AdfRestEndpoint.class::cast).filter(e -> e.getEndpointUri().contains("archive")).findFirst()
                .orElseThrow();
        assertThat(writer.sinkOptions().requestInterval()).isEqualTo(java.time.Duration.ofMillis(10));
        assertThat(writer.sinkOptions().batchSize()).isEqualTo(2);
        assertThat(writer.sinkOptions().api().responseTimeout()).isEqualTo(java.time.Duration.ofMinutes(1));
    }

    @Test
    void theSinkEndpointWithoutOperationWriteIsRefusedNamingWhatToAdd() throws Exception {
        String pipeline = adf("CopyOrdersToArchive.json");
        String sink = "adfrest:archive?adfPipeline=" + pipeline + "&adfDataset=" + adf("OrdersRest.json")
                      + "&adfLinkedService=" + adf("OrdersApi.json");

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows").to(sink);
            }
        })).hasStackTraceContaining("This endpoint imported the RestSource of ADF Copy activity 'CopyOrdersToArchive'")
                .hasStackTraceContaining("to write with the activity's RestSink, use another endpoint with"
                                         + " operation=write");
    }

    @Test
    void theSinkSideCannotBeAConsumer() throws Exception {
        String sink = "adfrest:archive?adfPipeline=" + adf("CopyOrdersToArchive.json") + "&adfDataset="
                      + adf("ArchiveRest.json") + "&adfLinkedService=" + adf("ArchiveApi.json") + "&operation=write";

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(sink).to("mock:never");
            }
        })).hasStackTraceContaining("This endpoint imported the RestSink of ADF Copy activity 'CopyOrdersToArchive'");
    }

    @Test
    void theSinksDatasetMustBeTheActivitysOutput() throws Exception {
        String sink = "adfrest:" + archive.url() + "?adfPipeline=" + adf("CopyOrdersToArchive.json") + "&adfDataset="
                      + adf("OrdersRest.json") + "&operation=write";

        assertThatThrownBy(() -> context.getEndpoint(sink)).hasMessageContaining(
                "writes to dataset 'ArchiveRest' (properties.activities[0].outputs[0].referenceName), but adfDataset is"
                + " ADF dataset 'OrdersRest'");
    }

    @Test
    void operationWriteNeedsARestSink() throws Exception {
        String albums = new String(getClass().getResourceAsStream("/adf/CopyAlbumsPipeline.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Path file = dir.resolve("CopyAlbumsPipeline.json");
        Files.writeString(file, albums);

        assertThatThrownBy(() -> context.getEndpoint("adfrest:" + archive.url() + "?adfPipeline=file:" + file
                                                     + "&relativeUrl=/x&operation=write"))
                .hasMessageContaining("writes to a DelimitedTextSink (properties.activities[0].typeProperties.sink.type),"
                                      + " not a RestSink; operation=write imports a Copy activity's RestSink");
    }

    @Test
    void aCopyActivityFromSqlToRestIsASinkWithoutOperation() throws Exception {
        String sink = "adfrest:archive?adfPipeline=" + adf("CopySqlToArchive.json") + "&adfDataset="
                      + adf("ArchiveRest.json") + "&adfLinkedService=" + adf("ArchiveApi.json");
        Exchange done;
        try (LogCapture log = LogCapture.open()) {
            done = template.send(sink, e -> e.getMessage().setBody(List.of(Map.of("orderId", 9))));
            assertThat(log.all()).contains("sink [writeBatchTimeout, sinkRetryCount] not imported");
        }

        assertThat(done.getException()).isNull();
        assertThat(archive.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.text()).isEqualTo("[{\"orderId\":9}]");
        });
    }
}
