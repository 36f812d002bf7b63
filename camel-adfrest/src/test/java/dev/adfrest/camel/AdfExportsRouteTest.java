package dev.adfrest.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.adfrest.camel.testsupport.LogCapture;
import dev.adfrest.camel.testsupport.Pages;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies run from definitions as users export them (src/test/resources/adf/exports): a factory's Git repository, an
 * ARM template, the authoring screen's code view. The files' https://api.example.com is pointed at WireMock.
 */
class AdfExportsRouteTest extends PaginationRouteSupport {

    @TempDir
    Path dir;

    /** A file of the corpus, its API pointed at WireMock, as a file: URI. */
    private String adf(String resource) throws Exception {
        String json = new String(getClass().getResourceAsStream("/adf/exports/" + resource).readAllBytes(),
                StandardCharsets.UTF_8);
        Path file = dir.resolve(resource.replace('/', '_'));
        Files.writeString(file, json.replace("https://api.example.com", base()));
        return "file:" + file.toAbsolutePath();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void orders() {
        api.stubFor(get(urlEqualTo("/v1/orders?status=open")).willReturn(Pages.json("""
                {"orders":[{"id":1,"customer":{"name":"Ada"}},{"id":2,"customer":{"name":"Bob"}}],
                 "paging":{"next":"BASE/v1/orders?status=open&page=2"}}""".replace("BASE", base()))));
        api.stubFor(get(urlEqualTo("/v1/orders?status=open&page=2")).willReturn(Pages.json("""
                {"orders":[{"id":3,"customer":{"name":"Cy"}}],"paging":{}}""")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Exchange page) {
        return page.getMessage().getBody(List.class);
    }

    @Test
    void aFactorysGitRepositoryCopiesWithThePasswordItEncryptedGivenAsAnOption() throws Exception {
        orders();
        try (LogCapture log = LogCapture.open()) {
            consume("adfrest:orders?adfLinkedService=" + adf("git/linkedService/OrdersApi.json")
                    + "&adfDataset=" + adf("git/dataset/OrdersRest.json") + "&adfPipeline="
                    + adf("git/pipeline/CopyOrders.json") + "&password=RAW(s3cret-pw)");
            List<Exchange> pages = pages(2);

            assertThat(rows(pages.get(0))).containsExactly(Map.of("id", 1L, "customer", "Ada"),
                    Map.of("id", 2L, "customer", "Bob"));
            assertThat(rows(pages.get(1))).containsExactly(Map.of("id", 3L, "customer", "Cy"));
            assertThat(lastPageFlags(pages)).containsExactly(false, true);
            assertThat(log.all()).doesNotContain("s3cret-pw");
        }
        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/orders"))
                .withHeader("Authorization", equalTo(basic("copyuser", "s3cret-pw"))));
    }

    @Test
    void anArmTemplatesPipelineTakesItsDatasetAndLinkedServiceFromTheTemplate() throws Exception {
        orders();
        try (LogCapture log = LogCapture.open()) {
            // the template's url, userName and password are ARM parameters: the route gives them
            consume("adfrest:" + base() + "/v1/?adfPipeline=classpath:adf/exports/arm/ARMTemplateForFactory.json"
                    + "#CopyOrders&userName=copyuser&password=RAW(s3cret-pw)");
            List<Exchange> pages = pages(2);

            // the translator's [['id'] is ARM's escape of ['id']
            assertThat(rows(pages.get(0))).extracting(r -> r.get("id")).containsExactly(1L, 2L);
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("INFO")
                    .contains("its dataset 'OrdersRest' is taken from the same ARM template"));
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("INFO")
                    .contains("its linked service 'OrdersApi' is taken from the same ARM template"));
        }
        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/orders"))
                .withHeader("Authorization", equalTo(basic("copyuser", "s3cret-pw"))));
    }

    @Test
    void urlsAsTheAuthoringScreenWritesThem() throws Exception {
        // the linked service's url is the whole endpoint, with a query string, between spaces and a line break
        api.stubFor(get(urlEqualTo("/v2/items?api-version=2024-01-01")).willReturn(Pages.json("{\"items\":[1]}")));
        api.stubFor(get(urlEqualTo("/v2/items/archive?api-version=2024-01-01&year=2023"))
                .willReturn(Pages.json("{\"items\":[2]}")));
        String ls = adf("screen/WholeEndpointLinkedService.json");
        MockEndpoint pages = getMockEndpoint("mock:pages");
        pages.expectedMessageCount(2); // before the first route runs: two routes, one mock
        consume("adfrest:all?adfLinkedService=" + ls + "&adfDataset=" + adf("screen/NoRelativeUrlDataset.json"));
        consume("adfrest:archive?adfLinkedService=" + ls + "&adfDataset=" + adf("screen/SpacedRelativeUrlDataset.json"));

        pages.assertIsSatisfied();
        api.verify(1, getRequestedFor(urlEqualTo("/v2/items?api-version=2024-01-01")));
        api.verify(1, getRequestedFor(urlEqualTo("/v2/items/archive?api-version=2024-01-01&year=2023")));
    }

    @Test
    void microsoftsApiKeySampleSpellsAuthHeaderAndAcceptStaysJson() throws Exception {
        api.stubFor(get(urlEqualTo("/v3")).willReturn(Pages.json("{}")));
        try (LogCapture log = LogCapture.open()) {
            consume("adfrest:x?adfLinkedService=" + adf("screen/ApiKeyLinkedService.json"));
            pages(1);

            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN")
                    .contains("properties.typeProperties.authHeader is read as authHeaders"));
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("INFO")
                    .contains("properties.typeProperties.authHeader.Accept not imported"));
            assertThat(log.all()).doesNotContain("k3y-fr0m-th3-sample");
        }
        api.verify(getRequestedFor(urlEqualTo("/v3")).withHeader("x-api-key", equalTo("k3y-fr0m-th3-sample"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void graphsNextLinkWrittenTheWayAdfAcceptsIt() throws Exception {
        // $.['@odata.nextLink'] and $.['value'], as Synapse's pipeline has them
        String user1 = "6e7b768e-07e2-4810-8459-485f84f8f204";
        String user2 = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
        api.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$top", equalTo("100"))
                .willReturn(Pages.json("{\"value\":[{\"id\":\"" + user1 + "\",\"displayName\":\"Ada\"}],"
                                       + "\"@odata.nextLink\":\"" + base() + "/v1.0/users?$skiptoken=X1\"}")));
        api.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo("X1"))
                .willReturn(Pages.json("{\"value\":[{\"id\":\"" + user2 + "\",\"displayName\":\"Bob\"}]}")));
        consume("adfrest:" + base() + "/v1.0?adfDataset=" + adf("synapse/dataset/GraphUsers.json")
                + "&adfPipeline=" + adf("synapse/pipeline/CopyGraphUsers.json"));

        List<Exchange> pages = pages(2);
        assertThat(rows(pages.get(0))).containsExactly(Map.of("id", UUID.fromString(user1), "displayName", "Ada"));
        assertThat(rows(pages.get(1))).containsExactly(Map.of("id", UUID.fromString(user2), "displayName", "Bob"));
        assertThat(lastPageFlags(pages)).containsExactly(false, true);
    }

    @Test
    void constNullAndAMappingWithOnlySourcePathsFromTheAuthoringScreen() throws Exception {
        // collectionReference "" maps the page itself; a mapping without sink is named after its source path
        api.stubFor(get(urlEqualTo("/tickets")).willReturn(Pages.json(
                "{\"tickets\":[{\"id\":1,\"subject\":\"a\"}],\"next_cursor\":\"c2\"}")));
        api.stubFor(get(urlEqualTo("/tickets?cursor=c2")).willReturn(Pages.json(
                "{\"tickets\":[{\"id\":2,\"subject\":\"b\"}],\"next_cursor\":null}")));
        consume("adfrest:" + base() + "/tickets?adfPipeline=" + adf("screen/CopyCursorPipeline.json"));

        List<Exchange> pages = pages(2);
        assertThat(rows(pages.get(0))).containsExactly(Map.of("id", 1, "subject", "a"));
        assertThat(rows(pages.get(1))).containsExactly(Map.of("id", 2, "subject", "b"));
        assertThat(lastPageFlags(pages)).containsExactly(false, true);
        api.verify(2, getRequestedFor(urlPathEqualTo("/tickets")));
    }

    @Test
    void constNullEndsTheRunOnAJsonNullNotOnAMissingValue() throws Exception {
        // the next link never runs out: only the end condition stops the run
        api.stubFor(get(urlEqualTo("/p1")).willReturn(Pages.json("{\"items\":[1],\"next\":\"/p2\"}")));
        api.stubFor(get(urlEqualTo("/p2")).willReturn(Pages.json("{\"items\":[2],\"after\":\"x\",\"next\":\"/p3\"}")));
        api.stubFor(get(urlEqualTo("/p3")).willReturn(Pages.json("{\"items\":[3],\"after\":null,\"next\":\"/p4\"}")));
        api.stubFor(get(urlEqualTo("/p4")).willReturn(Pages.json("{\"items\":[],\"next\":\"/p4\"}")));
        consume("adfrest:" + base() + "/p1?paginationRules=RAW({\"AbsoluteUrl\":\"$.next\","
                + "\"EndCondition:$.after\":\"Const:null\"})");

        List<Exchange> pages = pages(3);
        assertThat(lastPageFlags(pages)).containsExactly(false, false, true);
        api.verify(0, getRequestedFor(urlEqualTo("/p4")));
    }
}
