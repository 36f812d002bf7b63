package dev.adfrest.camel.adf;

import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.AdfRestEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Definitions in the shapes users really have (src/test/resources/adf/exports): ADF's and Synapse's Git integration
 * ({@code git/}, {@code synapse/}), ARM template exports ({@code arm/}, Synapse's TemplateForWorkspace.json) and the
 * authoring screen's JSON code view ({@code screen/}). Each one imports, or is refused with a message that names the
 * file, the JSON path of the property and what to do: no other outcome.
 */
class AdfExportsCorpusTest {

    /** Where the corpus is, as the endpoints name it. */
    private static final String E = "classpath:adf/exports/";
    private static final String ORDERS_LS = E + "git/linkedService/OrdersApi.json";
    private static final String ORDERS_DS = E + "git/dataset/OrdersRest.json";
    private static final String GRAPH = "&adfLinkedService=" + E + "synapse/linkedService/GraphApi.json"
                                        + "&servicePrincipalKey=RAW(k3y)";
    private static final String ARM = E + "arm/ARMTemplateForFactory.json";
    private static final String WHOLE_LS = E + "screen/WholeEndpointLinkedService.json";

    /**
     * file | endpoint URI ({F} is the file) | where the refusal points ("-": imports) | what is checked: for a refusal,
     * the remedy the message gives; for an import, option=value, option~contains or option!~contains (;; between
     * several).
     */
    private static final String[][] CASES = {
            // ADF Git integration: type, etag, id, lastPublishTime, variables, folder, annotations, encryptedCredential
            { "git/linkedService/OrdersApi.json", "adfrest:orders?adfLinkedService={F}",
              "properties.typeProperties.encryptedCredential", "Set the option 'password' on the endpoint" },
            { "git/linkedService/OrdersApi.json", "adfrest:orders?adfLinkedService={F}&password=RAW(s3cret)", "-",
              "baseUrl=https://api.example.com/v1/;;userName=copyuser;;authenticationType=Basic" },
            { "git/linkedService/StatusApi.json", "adfrest:status?adfLinkedService={F}", "-",
              "baseUrl=https://api.example.com/status" },
            { "git/dataset/OrdersRest.json",
              "adfrest:orders?adfLinkedService=" + ORDERS_LS + "&adfDataset={F}&password=RAW(s3cret)", "-",
              "relativeUrl=orders?status=open" },
            { "git/pipeline/CopyOrders.json", "adfrest:orders?adfLinkedService=" + ORDERS_LS + "&adfDataset=" + ORDERS_DS
                                              + "&adfPipeline={F}&password=RAW(s3cret)", "-",
              "paginationRules~MaxRequestNumber=10;;translator~\"collectionReference\":\"$['orders']\";;"
              + "requestInterval=00.00:00:00.010" },
            { "git/pipeline/CopyOrdersTwoWays.json", "adfrest:orders?adfLinkedService=" + ORDERS_LS + "&adfDataset="
                                                     + ORDERS_DS + "&adfPipeline={F}&password=RAW(s3cret)", "-",
              "httpRequestTimeout=00:00:30" },
            { "git/pipeline/CopyOrdersTwoWays.json", "adfrest:orders?adfLinkedService=" + ORDERS_LS + "&adfDataset="
                                                     + ORDERS_DS + "&adfPipeline={F}&password=RAW(s3cret)"
                                                     + "&adfActivity=RAW(Copy orders (old))",
              "properties.activities[0].state", "Activate it in ADF and export the pipeline again" },
            { "git/pipeline/CopyOrders.json", "adfrest:orders?adfLinkedService={F}",
              "(type Microsoft.DataFactory/factories/pipelines)", "give it as adfPipeline" },
            // Synapse Git integration
            { "synapse/linkedService/GraphApi.json", "adfrest:graph?adfLinkedService={F}",
              "properties.typeProperties.servicePrincipalKey", "Set the option 'servicePrincipalKey' on the endpoint" },
            { "synapse/linkedService/GraphApi.json", "adfrest:graph?adfLinkedService={F}&servicePrincipalKey=RAW(k3y)",
              "-", "tenant=contoso.onmicrosoft.com;;baseUrl=https://api.example.com/v1.0" },
            { "synapse/dataset/GraphUsers.json", "adfrest:graph?adfDataset={F}" + GRAPH, "-",
              "relativeUrl=users?$select=id,displayName&$top=100" },
            { "synapse/pipeline/CopyGraphUsers.json", "adfrest:graph?adfPipeline={F}&adfDataset=" + E
                                                      + "synapse/dataset/GraphUsers.json" + GRAPH, "-",
              "paginationRules~AbsoluteUrl=$.['@odata.nextLink']" },
            // Synapse's ARM template
            { "synapse/TemplateForWorkspace.json", "adfrest:status?adfPipeline={F}#CopyStatusChecks",
              "resources[0].properties.typeProperties.url", "Give the base URL as the endpoint's path" },
            { "synapse/TemplateForWorkspace.json", "adfrest:https://api.example.com/status?adfPipeline={F}", "-",
              "requestBody=[{\"service\":\"orders\"},{\"service\":\"billing\"}];;relativeUrl=checks;;"
              + "paginationRules~supportRFC5988=true" },
            // ADF's Export ARM template
            { "arm/ARMTemplateForFactory.json", "adfrest:orders?adfLinkedService={F}#OrdersApi",
              "resources[4].properties.typeProperties.url", "Give the base URL as the endpoint's path;;"
                                                            + "default for parameter 'OrdersApi_properties_typeProperties_url' is 'https://api.example.com/v1/'" },
            { "arm/ARMTemplateForFactory.json", "adfrest:https://api.example.com/v1/?adfLinkedService={F}#OrdersApi",
              "resources[4].properties.typeProperties.userName", "Set the option 'userName' on the endpoint" },
            { "arm/ARMTemplateForFactory.json",
              "adfrest:https://api.example.com/v1/?adfLinkedService={F}#OrdersApi&userName=copyuser",
              "resources[4].properties.typeProperties.password.value", "Set the option 'password' on the endpoint;;"
                                                                       + "is a secureString" },
            { "arm/ARMTemplateForFactory.json", "adfrest:https://api.example.com/v1/?adfPipeline={F}#CopyOrders"
                                                + "&userName=copyuser&password=RAW(s3cret)", "-",
              "relativeUrl=orders?status=open;;authenticationType=Basic;;translator~\"path\":\"['id']\"" },
            { "arm/ARMTemplateForFactory.json", "adfrest:https://api.example.com/v1/?adfDataset={F}"
                                                + "&userName=copyuser&password=RAW(s3cret)", "-",
              "relativeUrl=orders?status=open" },
            { "arm/ARMTemplateForFactory.json", "adfrest:orders?adfLinkedService={F}#Nope",
              "has no linked service 'Nope'", "Pick one with adfLinkedService=" },
            { "arm/ARMTemplateParametersForFactory.json", "adfrest:orders?adfPipeline={F}", "($schema",
              "give the template itself" },
            // the authoring screen's code view
            { "screen/ApiKeyLinkedService.json", "adfrest:x?adfLinkedService={F}", "-",
              "authHeaders~x-api-key;;authHeaders!~Accept;;baseUrl=https://api.example.com/v3" },
            { "screen/WholeEndpointLinkedService.json", "adfrest:x?adfLinkedService={F}", "-",
              "baseUrl=https://api.example.com/v2/items?api-version=2024-01-01" },
            { "screen/NoRelativeUrlDataset.json", "adfrest:x?adfLinkedService=" + WHOLE_LS + "&adfDataset={F}", "-",
              "baseUrl=https://api.example.com/v2/items?api-version=2024-01-01;;relativeUrl=null" },
            { "screen/SpacedRelativeUrlDataset.json", "adfrest:x?adfLinkedService=" + WHOLE_LS + "&adfDataset={F}", "-",
              "relativeUrl=archive?year=2023" },
            { "screen/CopyCursorPipeline.json", "adfrest:https://api.example.com/tickets?adfPipeline={F}", "-",
              "paginationRules~EndCondition:$.next_cursor=Const:null;;paginationRules~MaxRequestNumber=100;;"
              + "translator~\"collectionReference\":\"\"" },
            { "screen/CopyScrollPipeline.json", "adfrest:https://api.example.com/_search/scroll?adfPipeline={F}", "-",
              "requestMethod=POST;;allowRepeatedRequests=false" },
            { "screen/CopyScrollPipeline.json",
              "adfrest:https://api.example.com/_search/scroll?adfPipeline={F}&allowRepeatedRequests=true", "-",
              "allowRepeatedRequests=true;;requestBody~scroll_id" },
            { "screen/CopyUnknownTypePipeline.json", "adfrest:https://api.example.com/prices?adfPipeline={F}",
              "properties.activities[0].typeProperties.translator.mappings[1].sink",
              "unknown interim data type 'Money';;Fix the translator in the file, or set the option 'translator'" },
            { "screen/IssuesDataset.json", "adfrest:issues?adfLinkedService=" + WHOLE_LS + "&adfDataset={F}"
                                           + "&adfPipeline=" + E + "screen/CopyIssuesPipeline.json",
              "properties.typeProperties.relativeUrl",
              "placeholder {startAt};;write its key as \"QueryParameters.{startAt}\";;fix it there" },
            { "screen/CopyBadMaxPipeline.json", "adfrest:https://api.example.com/items?adfPipeline={F}",
              "properties.activities[0].typeProperties.source.paginationRules.MaxRequestNumber",
              "MaxRequestNumber must be a whole number;;set paginationRules.MaxRequestNumber on the endpoint" },
            { "screen/CopyExpressionBodyPipeline.json", "adfrest:https://api.example.com/report?adfPipeline={F}",
              "properties.activities[0].typeProperties.source.requestBody",
              "is an ADF expression;;Set the option 'requestBody' on the endpoint" },
            { "screen/WebOnlyPipeline.json", "adfrest:https://api.example.com/x?adfPipeline={F}",
              "properties.activities", "has no Copy activity;;point adfPipeline at the pipeline that holds it" },
            { "screen/BrokenLinkedService.json", "adfrest:x?adfLinkedService={F}",
              "(near properties.typeProperties.authenticationType)",
              "not valid JSON at line 8, column 9;;Fix the JSON there" },
    };

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(CASES).map(c -> Arguments.of((Object[]) c));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void importsOrIsRefusedNamingFilePropertyAndRemedy(String file, String uri, String where, String expect)
            throws Exception {
        String endpointUri = uri.replace("{F}", E + file);
        List<String> checks = List.of(expect.split(";;"));
        if (where.equals("-")) {
            AdfRestEndpoint endpoint = (AdfRestEndpoint) context.getEndpoint(endpointUri);
            for (String check : checks) {
                assertOption(endpoint.getConfiguration(), check);
            }
            return;
        }
        assertThatThrownBy(() -> context.getEndpoint(endpointUri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message).as("the file").contains(E + file);
                    assertThat(message).as("the property").contains(where);
                    for (String check : checks) {
                        assertThat(message).as("what to do").contains(check);
                    }
                });
    }

    @Test
    void everyFileOfTheCorpusIsTried() throws URISyntaxException, java.io.IOException {
        Path root = Path.of(getClass().getResource("/adf/exports").toURI());
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
        }
        assertThat(files).hasSizeGreaterThan(15).allSatisfy(f -> assertThat(Arrays.stream(CASES)
                .anyMatch(c -> c[0].equals(f) || c[1].contains(E + f))).as(f).isTrue());
    }

    private static void assertOption(AdfRestConfiguration config, String check) throws Exception {
        boolean not = check.contains("!~");
        boolean contains = not || check.contains("~") && (check.indexOf('~') < check.indexOf('=') || !check.contains("="));
        int split = not ? check.indexOf("!~") : contains ? check.indexOf('~') : check.indexOf('=');
        String option = check.substring(0, split);
        String expected = check.substring(split + (not ? 2 : 1));
        String actual = String.valueOf(read(config, option));
        if (not) {
            assertThat(actual).as(option).doesNotContain(expected);
        } else if (contains) {
            assertThat(actual).as(option).contains(expected);
        } else {
            assertThat(actual).as(option).isEqualTo(expected);
        }
    }

    private static Object read(AdfRestConfiguration config, String option) throws Exception {
        String suffix = option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                Method getter = AdfRestConfiguration.class.getMethod(prefix + suffix);
                return getter.invoke(config);
            } catch (NoSuchMethodException e) {
                // try the other form
            }
        }
        throw new AssertionError("no option " + option);
    }
}
