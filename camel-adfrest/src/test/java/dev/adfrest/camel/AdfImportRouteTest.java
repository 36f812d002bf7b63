package dev.adfrest.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An endpoint made from ADF's own JSON: a linked service, a dataset and a pipeline's Copy activity, as ADF's JSON view
 * shows them. The definitions' URL is https://api.example.com; the test points it at WireMock.
 */
class AdfImportRouteTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    @TempDir
    Path dir;

    /** A definition from src/test/resources/adf, its URL pointed at WireMock, as a file: URI. */
    private String adf(String resource) throws Exception {
        String json = new String(getClass().getResourceAsStream("/adf/" + resource).readAllBytes(), StandardCharsets.UTF_8);
        return adfJson(resource, json);
    }

    private String adfJson(String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json.replace("https://api.example.com", Pages.baseUrl(api)));
        return "file:" + file.toAbsolutePath();
    }

    private void route(String from) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from + "&initialDelay=0").to("mock:rows");
            }
        });
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void albums() {
        String base = Pages.baseUrl(api);
        api.stubFor(get(urlEqualTo("/v1/me/albums")).willReturn(Pages.json("""
                {"data":[{"created_time":"2017-12-12T14:12:20+0000","name":"album1","id":"1809938745705498_1809939942372045"},
                         {"created_time":"2017-12-12T14:14:03+0000","name":"album2","id":"1809938745705498_1809941802371859"}],
                 "paging":{"next":"BASE/v1/me/albums?limit=25&after=MTAxNTExOTQ1MjAwNzI5NDE="}}""".replace("BASE", base))));
        api.stubFor(get(urlEqualTo("/v1/me/albums?limit=25&after=MTAxNTExOTQ1MjAwNzI5NDE=")).willReturn(Pages.json("""
                {"data":[{"created_time":"2017-12-12T14:14:11+0000","name":"album3","id":"1809938745705498_1809941879038518"}],
                 "paging":{"previous":"BASE/v1/me/albums?limit=25&before=NDMyNzQyODI3OTQw"}}""".replace("BASE", base))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void linkedServiceDatasetAndCopyActivityBecomeTheEndpoint() throws Exception {
        albums();
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedMessageCount(2);
        try (LogCapture log = LogCapture.open()) {
            route("adfrest:CopyAlbums?adfLinkedService=" + adf("RESTLinkedService.json") + "&adfDataset="
                  + adf("RESTDataset.json") + "&adfPipeline=" + adf("CopyAlbumsPipeline.json")
                  + "&adfActivity=CopyFromREST&repeatCount=1");
            rows.assertIsSatisfied();
            assertThat(log.all()).doesNotContain("Pa55w0rd!")
                    .contains("[sink, enableStaging] not imported: where and how the rows are written is the route's job");
        }

        List<Map<String, Object>> first = rows.getReceivedExchanges().get(0).getMessage().getBody(List.class);
        assertThat(first).extracting(r -> r.get("name")).containsExactly("album1", "album2");
        assertThat(first.get(0)).containsEntry("created_time",
                OffsetDateTime.of(2017, 12, 12, 14, 12, 20, 0, ZoneOffset.UTC));
        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/me/albums"))
                .withHeader("Authorization", equalTo(basic("copyuser", "Pa55w0rd!")))
                .withHeader("x-user-defined", equalTo("helloworld"))
                .withHeader("Accept", equalTo("application/json")));

        AdfRestEndpoint endpoint = context.getEndpoints().stream().filter(AdfRestEndpoint.class::isInstance)
                .map(AdfRestEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getHttpRequestTimeout()).isEqualTo("00:01:00");
        assertThat(endpoint.getConfiguration().getBaseUrl()).isEqualTo(Pages.baseUrl(api) + "/v1");
        assertThat(endpoint.getEndpointUri()).doesNotContain("Pa55w0rd!");
    }

    @Test
    void theLegacyDatasetModelPostsItsBodyAndOptionsOnTheUriWin() throws Exception {
        String base = Pages.baseUrl(api);
        api.stubFor(post(urlEqualTo("/v1/search")).willReturn(Pages.json(
                "{\"data\":[1,2],\"paging\":{\"next\":\"" + base + "/v1/search?page=2\"}}")));
        api.stubFor(post(urlEqualTo("/v1/search?page=2")).willReturn(Pages.json("{\"data\":[3],\"paging\":{}}")));
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedMessageCount(2);
        route("adfrest:search?adfLinkedService=" + adf("AnonymousRESTLinkedService.json")
              + "&adfDataset=" + adf("LegacyPostDataset.json")
              + "&additionalHeaders.x-user-defined=fromTheRoute&requestInterval=0&repeatCount=1");
        rows.assertIsSatisfied();

        api.verify(1, postRequestedFor(urlEqualTo("/v1/search"))
                .withHeader("x-user-defined", equalTo("fromTheRoute"))
                .withRequestBody(equalToJson("{\"query\":\"albums\",\"limit\":2}")));
        api.verify(1, postRequestedFor(urlEqualTo("/v1/search?page=2"))
                .withRequestBody(equalToJson("{\"query\":\"albums\",\"limit\":2}")));
    }

    @Test
    void anExplicitBaseUrlWinsOverTheLinkedServiceUrl() throws Exception {
        api.stubFor(get(urlEqualTo("/v2/me/albums")).willReturn(Pages.json("{\"data\":[]}")));
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedMessageCount(1);
        route("adfrest:" + Pages.baseUrl(api) + "/v2?adfLinkedService=classpath:adf/RESTLinkedService.json"
              + "&adfDataset=classpath:adf/RESTDataset.json&repeatCount=1");
        rows.assertIsSatisfied();
        api.verify(1, getRequestedFor(urlEqualTo("/v2/me/albums")));
    }

    @Test
    void anAzureKeyVaultSecretIsRefusedUnlessTheRouteGivesTheValue() throws Exception {
        String ls = adf("KeyVaultRESTLinkedService.json");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:x?adfLinkedService=" + ls))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("typeProperties.password is an Azure Key Vault secret reference (secret"
                                      + " 'rest-password' through linked service 'AzureKeyVaultLinkedService'),"
                                      + " which adfrest does not resolve")
                .hasMessageContaining("Set the option 'password' on the endpoint instead")
                .hasMessageContaining("password={{my.password}}")
                .hasMessageContaining("password={{azure:rest-password}} (camel-azure-key-vault)");

        api.stubFor(get(urlEqualTo("/v1")).willReturn(Pages.json("{}")));
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedMessageCount(1);
        route("adfrest:x?adfLinkedService=" + ls + "&password=RAW(fr0m-the-vault)&repeatCount=1");
        rows.assertIsSatisfied();
        api.verify(getRequestedFor(urlEqualTo("/v1")).withHeader("Authorization", equalTo(basic("copyuser", "fr0m-the-vault"))));
    }

    @Test
    void anAdfExpressionIsRefusedUnlessTheRouteGivesTheValue() throws Exception {
        String ls = adf("AnonymousRESTLinkedService.json");
        String ds = adf("ParameterizedDataset.json");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:x?adfLinkedService=" + ls + "&adfDataset=" + ds))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("ADF dataset 'ParameterizedDataset'")
                .hasMessageContaining("typeProperties.relativeUrl is an ADF expression (@dataset().relativeUrl),"
                                      + " which adfrest does not evaluate")
                .hasMessageContaining("relativeUrl={{my.relativeUrl}}");

        api.stubFor(get(urlEqualTo("/v1/items")).willReturn(Pages.json("{}")));
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedMessageCount(1);
        route("adfrest:x?adfLinkedService=" + ls + "&adfDataset=" + ds + "&relativeUrl=items&repeatCount=1");
        rows.assertIsSatisfied();
    }

    @Test
    void secureStringAuthHeadersAreSentAndNeverShown() throws Exception {
        api.stubFor(get(urlEqualTo("/v1")).willReturn(Pages.json("{}")));
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedMessageCount(1);
        try (LogCapture log = LogCapture.open()) {
            route("adfrest:x?adfLinkedService=" + adf("ApiKeyRESTLinkedService.json") + "&repeatCount=1");
            rows.assertIsSatisfied();
            assertThat(log.all()).doesNotContain("k3y-0f-th3-api");
        }
        api.verify(getRequestedFor(urlEqualTo("/v1")).withHeader("x-api-key", equalTo("k3y-0f-th3-api")));
        assertThat(context.getEndpoints()).allSatisfy(e -> assertThat(e.getEndpointUri()).doesNotContain("k3y-0f-th3-api"));
    }

    @Test
    void camelPropertyPlaceholdersInTheDefinitionsAreRefusedAndTheEndpointCanGiveThem() throws Exception {
        context.getPropertiesComponent().addInitialProperty("rest.password", "from-properties");
        String ls = adfJson("PlaceholderLinkedService.json", """
                {"name":"RESTLinkedService","properties":{"type":"RestService","typeProperties":{
                  "url":"https://api.example.com/v1","authenticationType":"Basic","userName":"copyuser",
                  "password":{"type":"SecureString","value":"{{rest.password}}"}}}}""");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:x?adfLinkedService=" + ls))
                .hasMessageContaining("properties.typeProperties.password.value holds a Camel property placeholder")
                .hasMessageContaining("password={{my.password}}");

        api.stubFor(get(urlEqualTo("/v1")).willReturn(Pages.json("{}")));
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedMessageCount(1);
        route("adfrest:x?adfLinkedService=" + ls + "&password={{rest.password}}&repeatCount=1"); // the URI's own: resolved
        rows.assertIsSatisfied();
        api.verify(getRequestedFor(urlEqualTo("/v1")).withHeader("Authorization", equalTo(basic("copyuser", "from-properties"))));
    }

    @Test
    void aPropertyAdfrestDoesNotSupportYetIsAnErrorNamingIt() throws Exception {
        String pipeline = adfJson("AdditionalColumns.json", """
                {"name":"p","properties":{"activities":[{"name":"Copy1","type":"Copy","typeProperties":{
                  "source":{"type":"RestSource","additionalColumns":[{"name":"file","value":"$$FILEPATH"}]},
                  "sink":{"type":"JsonSink"}}}]}}""");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:" + Pages.baseUrl(api) + "?adfPipeline=" + pipeline))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("ADF Copy activity 'Copy1'")
                .hasMessageContaining("property properties.activities[0].typeProperties.source.additionalColumns is not"
                                      + " supported by adfrest yet");
    }

    @Test
    void aParameterizedTranslatorIsRefusedUnlessTheRouteGivesOne() throws Exception {
        // ADF's "Parameterize mapping" example
        String pipeline = adfJson("ParameterizedMapping.json", """
                {"name":"p","properties":{"activities":[{"name":"CopyActivityHierarchicalToTabular","type":"Copy",
                  "typeProperties":{"source":{"type":"RestSource"},"sink":{"type":"DelimitedTextSink"},
                  "translator":{"value":"@pipeline().parameters.mapping","type":"Expression"}}}]}}""");
        String uri = "adfrest:" + Pages.baseUrl(api) + "/v1?adfPipeline=" + pipeline;
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .hasMessageContaining("typeProperties.translator is an ADF expression (@pipeline().parameters.mapping)")
                .hasMessageContaining("translator={{my.translator}}");
        assertThat(context.getEndpoint(uri + "&translator=classpath:adf/mongodb-orders-translator.json")).isNotNull();
    }

    @Test
    void enableSkipIncompatibleRowComesFromTheCopyActivity() throws Exception {
        api.stubFor(get(urlEqualTo("/v1")).willReturn(Pages.json("{\"data\":[{\"n\":1},{\"n\":\"x\"}]}")));
        String pipeline = adfJson("SkipRows.json", """
                {"name":"p","properties":{"activities":[{"name":"Copy1","type":"Copy","typeProperties":{
                  "source":{"type":"RestSource","requestInterval":"00:00:00"},"sink":{"type":"SqlSink"},
                  "enableSkipIncompatibleRow":true,
                  "translator":{"type":"TabularTranslator","collectionReference":"$.data",
                    "mappings":[{"source":{"path":"n"},"sink":{"name":"n","type":"Int32"}}]}}}]}}""");
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedHeaderReceived(AdfRestConstants.SKIPPED_ROW_COUNT, 1);
        route("adfrest:" + Pages.baseUrl(api) + "/v1?adfPipeline=" + pipeline + "&repeatCount=1");
        rows.assertIsSatisfied();
        assertThat(rows.getReceivedExchanges().get(0).getMessage().getBody(List.class)).containsExactly(Map.of("n", 1));
    }

    @Test
    void definitionsThatDoNotBelongTogetherAreRefused() throws Exception {
        String ls = adf("AnonymousRESTLinkedService.json");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:x?adfLinkedService=" + ls + "&adfDataset=" + adf("RESTDataset.json")))
                .hasMessageContaining("uses linked service 'RESTLinkedService'"
                                      + " (properties.linkedServiceName.referenceName), but adfLinkedService is ADF"
                                      + " linked service 'AnonymousRESTLinkedService'");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:x?adfPipeline=" + adf("CopyAlbumsPipeline.json")))
                .hasMessageContaining("reads dataset 'RESTDataset': set adfDataset to its JSON");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:x?adfDataset=" + adf("RESTDataset.json")))
                .hasMessageContaining("uses linked service 'RESTLinkedService': set adfLinkedService");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:x?adfActivity=Copy1"))
                .hasMessageContaining("Option 'adfActivity' names an activity of adfPipeline, which is not set");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:x?adfLinkedService=classpath:adf/nope.json"))
                .hasMessageContaining("Option 'adfLinkedService': cannot read classpath:adf/nope.json");
    }

    @Test
    void aValueTheEndpointRefusesIsNamedWithTheFileAndPropertyItCameFrom() throws Exception {
        String pipeline = adfJson("BadValues.json", """
                {"name":"p","properties":{"activities":[{"name":"Copy1","type":"Copy","typeProperties":{
                  "source":{"type":"RestSource","httpRequestTimeout":"one minute","additionalHeaders":{"bad header":"1"}},
                  "sink":{"type":"JsonSink"}}}]}}""");
        String uri = "adfrest:" + Pages.baseUrl(api) + "/v1?adfPipeline=" + pipeline;
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .hasMessageContaining("Option 'httpRequestTimeout'")
                .hasMessageContaining("[httpRequestTimeout comes from ADF Copy activity 'Copy1' (" + pipeline + "),"
                                      + " property properties.activities[0].typeProperties.source.httpRequestTimeout;"
                                      + " fix it there, or set httpRequestTimeout on the endpoint, which wins]");
        assertThatThrownBy(() -> context.getEndpoint(uri + "&httpRequestTimeout=60s"))
                .hasMessageContaining("Option 'additionalHeaders' has an invalid header name 'bad header'")
                .hasMessageContaining("[additionalHeaders.bad header comes from ADF Copy activity 'Copy1' (" + pipeline
                                      + "), property properties.activities[0].typeProperties.source.additionalHeaders"
                                      + "['bad header']");
    }

    @Test
    void aSecretMaskedByAdfsExportIsRefused() throws Exception {
        String ls = adfJson("Masked.json", """
                {"name":"ls","properties":{"type":"RestService","typeProperties":{"url":"https://api.example.com",
                  "authenticationType":"Basic","userName":"u","password":{"type":"SecureString","value":"**********"}}}}""");
        assertThatThrownBy(() -> context.getEndpoint("adfrest:x?adfLinkedService=" + ls))
                .hasMessageContaining("typeProperties.password holds '**********': ADF masked the secret when it"
                                      + " exported the definition");
    }
}
