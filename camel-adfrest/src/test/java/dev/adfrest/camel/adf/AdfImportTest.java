package dev.adfrest.camel.adf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.testsupport.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What ADF JSON turns into: endpoint options of the same names, the URI's own options untouched. */
class AdfImportTest {

    /** The options of the auth types as the contract names them; the import maps ADF names onto them 1:1. */
    private static final Set<String> AUTH_OPTIONS = Set.of("authenticationType", "servicePrincipalId",
            "servicePrincipalKey", "tenant", "aadResourceId", "azureCloudType", "servicePrincipalCredentialType",
            "servicePrincipalEmbeddedCert", "servicePrincipalEmbeddedCertPassword", "tokenEndpoint", "clientId",
            "clientSecret", "scope", "resource", "managedIdentityClientId", "userName", "password", "authHeaders",
            "enableServerCertificateValidation", "relativeUrl", "requestMethod", "additionalHeaders", "requestBody",
            "paginationRules", "httpRequestTimeout", "requestInterval", "translator", "enableSkipIncompatibleRow");

    @TempDir
    Path dir;

    private CamelContext context;
    private final AdfRestConfiguration config = new AdfRestConfiguration();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
        config.setBaseUrl("endpoint");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String file(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return "file:" + f;
    }

    private void apply(Predicate<String> isOption) {
        AdfImport.apply(context, config, parameters, isOption, secrets);
    }

    @Test
    void theAadServicePrincipalExampleMapsEachPropertyToTheSameNamedOption() {
        parameters.put("adfLinkedService", "classpath:adf/AadRESTLinkedService.json");
        apply(AUTH_OPTIONS::contains);

        assertThat(config.getBaseUrl()).isEqualTo("https://management.example.com/");
        assertThat(parameters).containsEntry("authenticationType", "AadServicePrincipal")
                .containsEntry("servicePrincipalId", "00000000-1111-2222-3333-444444444444")
                .containsEntry("servicePrincipalKey", "sp-key-value")
                .containsEntry("tenant", "contoso.onmicrosoft.com")
                .containsEntry("aadResourceId", "https://management.core.windows.net")
                .containsEntry("azureCloudType", "AzurePublic");
        assertThat(secrets).containsExactly("sp-key-value");
    }

    @Test
    void oauth2ClientCredentialProperties() throws Exception {
        parameters.put("adfLinkedService", file("oauth.json", """
                {"name":"OAuthRest","properties":{"type":"RestService","typeProperties":{
                  "url":"https://api.example.com","authenticationType":"OAuth2ClientCredential",
                  "tokenEndpoint":"https://login.example.com/oauth2/token","clientId":"app",
                  "clientSecret":{"type":"SecureString","value":"cl13nt-s3cret"},"scope":"read","resource":"api"}}}"""));
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("tokenEndpoint", "https://login.example.com/oauth2/token")
                .containsEntry("clientId", "app").containsEntry("clientSecret", "cl13nt-s3cret")
                .containsEntry("scope", "read").containsEntry("resource", "api");
        assertThat(secrets).containsExactly("cl13nt-s3cret");
    }

    @Test
    void anOptionThisBuildDoesNotHaveIsAnErrorNamingTheProperty() {
        parameters.put("adfLinkedService", "classpath:adf/AadRESTLinkedService.json");
        assertThatThrownBy(() -> apply(o -> !o.startsWith("servicePrincipal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ADF linked service 'AadRESTLinkedService' (classpath:adf/AadRESTLinkedService.json),"
                            + " property properties.typeProperties.servicePrincipalId sets option 'servicePrincipalId',"
                            + " which this version of adfrest does not have yet; remove the property, or give its"
                            + " meaning with the endpoint's options");
    }

    @Test
    void explicitOptionsWinAndMapEntriesMerge() {
        parameters.put("adfLinkedService", "classpath:adf/AnonymousRESTLinkedService.json");
        parameters.put("adfDataset", "classpath:adf/LegacyPostDataset.json");
        parameters.put("requestMethod", "GET");
        parameters.put("paginationRules", "{\"AbsoluteUrl\":\"$.next\"}");
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("requestMethod", "GET")
                .containsEntry("paginationRules", "{\"AbsoluteUrl\":\"$.next\"}")
                .containsEntry("additionalHeaders", Map.of("x-user-defined", "helloworld"))
                .containsEntry("relativeUrl", "search")
                .containsEntry("requestBody", "{\"query\":\"albums\",\"limit\":2}")
                .containsEntry("enableServerCertificateValidation", "true");
    }

    @Test
    void theCopySourceOverridesTheDatasetsLegacyProperties() throws Exception {
        parameters.put("adfLinkedService", "classpath:adf/AnonymousRESTLinkedService.json");
        parameters.put("adfDataset", "classpath:adf/LegacyPostDataset.json");
        parameters.put("adfPipeline", file("pipeline.json", """
                {"name":"p","properties":{"activities":[{"name":"Copy1","type":"Copy",
                  "inputs":[{"referenceName":"RESTDataset","type":"DatasetReference"}],
                  "typeProperties":{"source":{"type":"RestSource","requestMethod":"GET",
                    "additionalHeaders":{"x-other":"1"},"requestBody":{"query":"all"}},"sink":{"type":"JsonSink"}}}]}}"""));
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("requestMethod", "GET")
                .containsEntry("additionalHeaders", Map.of("x-other", "1"))
                .containsEntry("requestBody", "{\"query\":\"all\"}")
                .containsEntry("paginationRules", Map.of("AbsoluteUrl", "$.paging.next"));
    }

    @Test
    void theCopyActivityIsFoundByNameAlsoInsideForEach() throws Exception {
        String pipeline = file("pipeline.json", """
                {"name":"Nightly","properties":{"activities":[
                  {"name":"ForEachTable","type":"ForEach","typeProperties":{"items":{"value":"@pipeline().parameters.t","type":"Expression"},
                    "activities":[{"name":"CopyUsers","type":"Copy","typeProperties":{"source":{"type":"RestSource",
                      "httpRequestTimeout":"00:00:30"},"sink":{"type":"JsonSink"}}}]}},
                  {"name":"CopyOrders","type":"Copy","typeProperties":{"source":{"type":"RestSource",
                    "httpRequestTimeout":"00:02:00"},"sink":{"type":"JsonSink"}}}]}}""");
        parameters.put("adfPipeline", pipeline);
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("has several Copy activities [CopyUsers, CopyOrders]: set adfActivity to one of them");
        parameters.put("adfActivity", "CopyUsers");
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("httpRequestTimeout", "00:00:30");
        parameters.put("adfActivity", "CopyNothing");
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("has no Copy activity 'CopyNothing'; its Copy activities are [CopyUsers, CopyOrders]");
    }

    @Test
    void aSingleActivityJsonAndBarePropertiesAreReadToo() throws Exception {
        parameters.put("adfPipeline", file("activity.json", "\uFEFF" + """
                {"name":"CopyFromREST","type":"Copy","typeProperties":{"source":{"type":"RestSource",
                  "requestInterval":"00:00:02"},"sink":{"type":"JsonSink"}}}"""));
        parameters.put("adfLinkedService", file("ls.json", """
                {"type":"RestService","typeProperties":{"url":"https://api.example.com/x","authenticationType":"Anonymous"}}"""));
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("requestInterval", "00:00:02");
        assertThat(config.getBaseUrl()).isEqualTo("https://api.example.com/x");
    }

    @Test
    void wrongTypesAndUnknownPropertiesAreErrors() throws Exception {
        parameters.put("adfLinkedService", file("http.json", """
                {"name":"HttpServer","properties":{"type":"HttpServer","typeProperties":{"url":"https://x"}}}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessage("ADF linked service 'HttpServer' (" + parameters.get("adfLinkedService") + "):"
                            + " properties.type is 'HttpServer'; adfrest imports RestService only: point"
                            + " adfLinkedService at one, or give the options on the endpoint");
        parameters.put("adfLinkedService", file("ls.json", """
                {"name":"ls","properties":{"type":"RestService","typeProperties":{"url":"https://x","proxy":"p"}}}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("property properties.typeProperties.proxy is not supported by adfrest yet");
        parameters.put("adfLinkedService", file("ls2.json", """
                {"name":"ls","properties":{"type":"RestService","typeProperties":{"url":"https://x"}},"extra":1}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains)).hasMessageContaining("property extra is not supported");
        parameters.put("adfLinkedService", file("ls3.json", "{\"name\":"));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageStartingWith("Option 'adfLinkedService': " + parameters.get("adfLinkedService")
                                        + " is not valid JSON");
        parameters.put("adfLinkedService", file("ls4.json", """
                {"name":"ls","properties":{"type":"RestService","typeProperties":{"url":"https://x",
                  "authHeaders":{"k":{"type":"Vault","value":"v"}}}}}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("typeProperties.authHeaders.k has type 'Vault'; adfrest reads plain values and SecureString");
    }

    @Test
    void aSourceThatIsNotRestIsRefused() throws Exception {
        parameters.put("adfPipeline", file("p.json", """
                {"name":"p","properties":{"activities":[{"name":"CopyHttp","type":"Copy","typeProperties":{
                  "source":{"type":"HttpSource"},"sink":{"type":"JsonSink"}}}]}}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("properties.activities[0].typeProperties.source.type is 'HttpSource'; adfrest"
                                      + " imports RestSource only");
    }

    @Test
    void expressionsAreRefusedWhereverTheyAre() throws Exception {
        parameters.put("adfLinkedService", file("ls.json", """
                {"name":"ls","properties":{"type":"RestService","typeProperties":{"url":"https://x",
                  "authHeaders":{"x-api-key":"@{linkedService().apiKey}","x-literal":"@@handle"}}}}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("properties.typeProperties.authHeaders['x-api-key'] is an ADF expression"
                                      + " (@{linkedService().apiKey})")
                .hasMessageContaining("Set the option 'authHeaders.x-api-key' on the endpoint instead")
                .hasMessageContaining("(camel-azure-key-vault)");
        parameters.put("authHeaders.x-api-key", "given");
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("authHeaders", Map.of("x-literal", "@handle"));
    }

    @Test
    void aFactoryCredentialNeedsTheManagedIdentityClientIdOption() throws Exception {
        parameters.put("adfLinkedService", file("msi.json", """
                {"name":"msi","properties":{"type":"RestService","typeProperties":{"url":"https://x",
                  "authenticationType":"ManagedServiceIdentity","aadResourceId":"https://r",
                  "credential":{"referenceName":"credential1","type":"CredentialReference"}}}}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("typeProperties.credential refers to the factory credential 'credential1'")
                .hasMessageContaining("set the option 'managedIdentityClientId'");
        parameters.put("managedIdentityClientId", "1234");
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("aadResourceId", "https://r");
    }

    @Test
    void anEncryptedCredentialNeedsTheSecretAsAnOption() throws Exception {
        // a linked service saved through a self-hosted integration runtime: the password is in encryptedCredential
        parameters.put("adfLinkedService", file("enc.json", """
                {"name":"enc","properties":{"type":"RestService","typeProperties":{"url":"https://x",
                  "authenticationType":"Basic","userName":"u","encryptedCredential":"ew0KICAiVmVyc2lvbiI6ICIyMDE3"},
                  "connectVia":{"referenceName":"SelfHostedIR","type":"IntegrationRuntimeReference"}}}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("ADF linked service 'enc' (" + parameters.get("adfLinkedService") + "): the"
                                      + " password of authenticationType Basic is in"
                                      + " properties.typeProperties.encryptedCredential")
                .hasMessageContaining("Set the option 'password' on the endpoint (password={{my.password}}) or on the"
                                      + " component");
        parameters.put("password", "given");
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("userName", "u").containsEntry("password", "given");

        parameters.remove("password");
        config.setPassword("from-the-component");
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).doesNotContainKey("password");
    }

    @Test
    void anEncryptedCredentialOfEachAuthenticationTypeNamesItsSecret() throws Exception {
        for (String[] c : new String[][] { { "AadServicePrincipal", "", "servicePrincipalKey" },
                { "AadServicePrincipal", ",\"servicePrincipalCredentialType\":\"ServicePrincipalCert\"",
                  "servicePrincipalEmbeddedCert" },
                { "OAuth2ClientCredential", "", "clientSecret" } }) {
            parameters.clear();
            parameters.put("adfLinkedService", file("enc.json", "{\"name\":\"enc\",\"properties\":{\"type\":"
                    + "\"RestService\",\"typeProperties\":{\"url\":\"https://x\",\"authenticationType\":\"" + c[0]
                    + "\"" + c[1] + ",\"encryptedCredential\":\"ew0K\"}}}"));
            assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                    .hasMessageContaining("the " + c[2] + " of authenticationType " + c[0] + " is in")
                    .hasMessageContaining("Set the option '" + c[2] + "' on the endpoint");
        }
        parameters.clear();
        parameters.put("adfLinkedService", file("anon.json", """
                {"name":"anon","properties":{"type":"RestService","typeProperties":{"url":"https://x",
                  "authenticationType":"Anonymous","encryptedCredential":"ew0K"}}}"""));
        try (LogCapture log = LogCapture.open()) {
            apply(AUTH_OPTIONS::contains);
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("INFO")
                    .contains("properties.typeProperties.encryptedCredential holds secrets ADF encrypted"));
        }
    }

    @Test
    void anArmTemplateWithSeveralRestLinkedServicesNeedsANameAndTakesItInAnyCase() throws Exception {
        String arm = file("arm.json", """
                {"$schema":"http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
                 "contentVersion":"1.0.0.0","parameters":{"factoryName":{"type":"string"}},
                 "resources":[
                  {"name":"[concat(parameters('factoryName'), '/Orders')]","type":"Microsoft.DataFactory/factories/linkedServices",
                   "apiVersion":"2018-06-01","properties":{"type":"RestService","typeProperties":{"url":"https://orders.example.com",
                   "authHeaders":{"x-tenant":"[[acme]"}}},"dependsOn":[]},
                  {"name":"[concat(parameters('factoryName'), '/Billing')]","type":"Microsoft.DataFactory/factories/linkedServices",
                   "apiVersion":"2018-06-01","properties":{"type":"RestService","typeProperties":{"url":"https://billing.example.com"}},
                   "dependsOn":[]}]}""");
        parameters.put("adfLinkedService", arm);
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessage("Option 'adfLinkedService': the ARM template " + arm + " has several REST linked services"
                            + " (type RestService): [Orders (RestService), Billing (RestService)]. Pick one with"
                            + " adfLinkedService=" + arm + "#<name>");
        parameters.put("adfLinkedService", arm + "#orders");
        apply(AUTH_OPTIONS::contains);
        assertThat(config.getBaseUrl()).isEqualTo("https://orders.example.com");
        assertThat(parameters).containsEntry("authHeaders", Map.of("x-tenant", "[acme]")); // ARM's [[ escape
    }

    @Test
    void theTemplatesDefaultOfASecretIsNeverShown() throws Exception {
        // a template whose author made the password a plain string parameter with a default
        String arm = file("arm.json", """
                {"$schema":"http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
                 "contentVersion":"1.0.0.0","parameters":{"factoryName":{"type":"string"},
                   "pw":{"type":"string","defaultValue":"hunter2-default"},"user":{"type":"string","defaultValue":"copyuser"}},
                 "resources":[{"name":"[concat(parameters('factoryName'), '/Rest')]",
                   "type":"Microsoft.DataFactory/factories/linkedServices","apiVersion":"2018-06-01",
                   "properties":{"type":"RestService","typeProperties":{"url":"https://x.example.com",
                     "authenticationType":"Basic","userName":"[parameters('user')]","password":"[parameters('pw')]"}}}]}""");
        parameters.put("adfLinkedService", arm + "#Rest");
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("resources[0].properties.typeProperties.userName is an ARM template expression"
                                      + " ([parameters('user')]), which adfrest does not evaluate (the template's"
                                      + " default for parameter 'user' is 'copyuser')");
        parameters.put("userName", "copyuser");
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("resources[0].properties.typeProperties.password is an ARM template expression"
                                      + " ([parameters('pw')])")
                .hasMessageContaining("not shown: the property holds a secret")
                .hasMessageNotContaining("hunter2-default");
    }

    @Test
    void anExpressionInsideATranslatorIsRefusedNamingItsPath() throws Exception {
        parameters.put("adfPipeline", file("p.json", """
                {"name":"p","properties":{"activities":[{"name":"Copy1","type":"Copy","typeProperties":{
                  "source":{"type":"RestSource"},"sink":{"type":"JsonSink"},
                  "translator":{"type":"TabularTranslator","mappings":[
                    {"source":{"path":"['a']"},"sink":{"name":"a"}},
                    {"source":{"path":"['b']"},"sink":{"name":{"value":"@item().column","type":"Expression"}}},
                    {"source":{"path":"['c']"},"sink":{"name":"@@c"}}]}}}]}}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("properties.activities[0].typeProperties.translator.mappings[1].sink.name is an"
                                      + " ADF expression (@item().column)")
                .hasMessageContaining("Set the option 'translator' on the endpoint instead");
    }

    @Test
    void aCopyActivityInsideADeactivatedContainerIsNotCopied() throws Exception {
        parameters.put("adfPipeline", file("p.json", """
                {"name":"p","properties":{"activities":[
                  {"name":"ForEachTable","type":"ForEach","state":"Inactive","onInactiveMarkAs":"Succeeded",
                   "typeProperties":{"activities":[{"name":"CopyUsers","type":"Copy","typeProperties":{
                     "source":{"type":"RestSource"},"sink":{"type":"JsonSink"}}}]}}]}}"""));
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessageContaining("ADF Copy activity 'CopyUsers'")
                .hasMessageContaining("its container 'ForEachTable' is deactivated (\"state\": \"Inactive\" at"
                                      + " properties.activities[0].state)")
                .hasMessageContaining("adfrest does not copy it");
    }

    @Test
    void aDefinitionFileNamedWithAnotherNameAfterTheHashIsRefused() throws Exception {
        parameters.put("adfLinkedService", "classpath:adf/RESTLinkedService.json#OtherService");
        assertThatThrownBy(() -> apply(AUTH_OPTIONS::contains))
                .hasMessage("Option 'adfLinkedService': classpath:adf/RESTLinkedService.json holds the linked service"
                            + " 'RESTLinkedService', not 'OtherService'; drop #OtherService or name the right file");
        parameters.put("adfLinkedService", "classpath:adf/RESTLinkedService.json#RESTLinkedService");
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("userName", "copyuser");
    }

    @Test
    void withoutDefinitionsNothingHappens() {
        parameters.put("relativeUrl", "x");
        apply(o -> false);
        assertThat(parameters).containsOnlyKeys("relativeUrl");
        assertThat(config.getBaseUrl()).isEqualTo("endpoint");
    }

    @Test
    void theComponentsSharedLinkedServiceIsImportedForEveryEndpoint() {
        config.setAdfLinkedService("classpath:adf/RESTLinkedService.json");
        apply(AUTH_OPTIONS::contains);
        assertThat(parameters).containsEntry("userName", "copyuser").containsEntry("password", "Pa55w0rd!");
    }
}
