package dev.adfrest.camel.auth;

import java.util.Base64;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every incomplete or unusable sign-in configuration fails when the endpoint is created, naming the option. */
class BadConfigurationTest extends CamelTestSupport {

    static final String BASE = "adfrest:http://127.0.0.1:9/items?";
    static final String SP = "authenticationType=AadServicePrincipal&servicePrincipalId=app&tenant=contoso"
                             + "&aadResourceId=https://api.example.org";
    static final String SP_CERT = SP + "&servicePrincipalCredentialType=ServicePrincipalCert";
    static final String OAUTH = "authenticationType=OAuth2ClientCredential&tokenEndpoint=https://auth.example.org/token"
                                + "&clientId=job&clientSecret=cs-9f8e7d6c5b4a";

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("credential", (com.azure.core.credential.TokenCredential) request -> reactor.core.publisher.Mono.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "authenticationType=Kerberos | Option 'authenticationType' has unknown value 'Kerberos'. Supported: Anonymous, Basic, AadServicePrincipal, ManagedServiceIdentity, OAuth2ClientCredential",
            "authenticationType=AadServicePrincipal&tenant=contoso&aadResourceId=r&servicePrincipalKey=Kq8~sp-key-value | Option 'servicePrincipalId' is required with authenticationType=AadServicePrincipal",
            "authenticationType=AadServicePrincipal&servicePrincipalId=app&aadResourceId=r&servicePrincipalKey=Kq8~sp-key-value | Option 'tenant' is required with authenticationType=AadServicePrincipal",
            "authenticationType=AadServicePrincipal&servicePrincipalId=app&tenant=contoso&servicePrincipalKey=Kq8~sp-key-value | Option 'aadResourceId' is required with authenticationType=AadServicePrincipal",
            SP + " | Option 'servicePrincipalKey' is required with authenticationType=AadServicePrincipal (ServicePrincipalKey)",
            SP_CERT + " | Option 'servicePrincipalEmbeddedCert' is required with authenticationType=AadServicePrincipal (ServicePrincipalCert)",
            SP + "&servicePrincipalCredentialType=Password | Option 'servicePrincipalCredentialType' has unknown value 'Password'. Supported: ServicePrincipalKey, ServicePrincipalCert",
            SP + "&servicePrincipalKey=Kq8~sp-key-value&azureCloudType=AzureMoon | Option 'azureCloudType' has unknown value 'AzureMoon'",
            SP + "&servicePrincipalKey=Kq8~sp-key-value&authorityHost=http://127.0.0.1:8080/ | Option 'authorityHost' must be an https URL",
            "authenticationType=AadServicePrincipal&servicePrincipalId=app&tenant=contoso/evil&aadResourceId=r&servicePrincipalKey=Kq8~sp-key-value | Option 'tenant' must be a tenant ID or domain name",
            SP_CERT + "&servicePrincipalEmbeddedCert=RAW(not*base64!) | Option 'servicePrincipalEmbeddedCert' is neither base64",
            SP_CERT + "&servicePrincipalEmbeddedCert=aGVsbG8gd29ybGQ= | Option 'servicePrincipalEmbeddedCert' is neither a PKCS#12 (PFX) file nor PEM text",
            "authenticationType=ManagedServiceIdentity | Option 'aadResourceId' is required with authenticationType=ManagedServiceIdentity",
            "authenticationType=ManagedServiceIdentity&aadResourceId=r&managedIdentityEndpoint=ftp://127.0.0.1/token | Option 'managedIdentityEndpoint' must be an http or https URL",
            "authenticationType=OAuth2ClientCredential&clientId=job&clientSecret=cs-9f8e7d6c5b4a | Option 'tokenEndpoint' is required with authenticationType=OAuth2ClientCredential",
            "authenticationType=OAuth2ClientCredential&tokenEndpoint=https://auth.example.org/token&clientSecret=cs-9f8e7d6c5b4a | Option 'clientId' is required with authenticationType=OAuth2ClientCredential",
            "authenticationType=OAuth2ClientCredential&tokenEndpoint=https://auth.example.org/token&clientId=job | Option 'clientSecret' is required with authenticationType=OAuth2ClientCredential",
            "authenticationType=OAuth2ClientCredential&tokenEndpoint=/token&clientId=job&clientSecret=cs-9f8e7d6c5b4a | Option 'tokenEndpoint' must be an http or https URL",
            "tokenCredential=#credential&aadResourceId=r | Option 'tokenCredential' needs authenticationType=AadServicePrincipal or ManagedServiceIdentity, not Anonymous",
            "authenticationType=ManagedServiceIdentity&tokenCredential=#credential | Option 'aadResourceId' is required with authenticationType=ManagedServiceIdentity with tokenCredential",
    })
    void failsAtEndpointCreationNamingTheOption(String options, String message) {
        assertThatThrownBy(() -> context.getEndpoint(BASE + options))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(message.trim());
    }

    @Test
    void aPfxWithTheWrongPasswordIsRefusedWithoutQuotingEitherSecret() {
        TestKeys.KeyPair app = TestKeys.application();

        assertThatThrownBy(() -> context.getEndpoint(BASE + SP_CERT + "&servicePrincipalEmbeddedCert=RAW("
                                                     + app.pfxBase64() + ")&servicePrincipalEmbeddedCertPassword=wrong-one"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Option 'servicePrincipalEmbeddedCert' cannot be opened with the"
                                      + " servicePrincipalEmbeddedCertPassword given")
                .hasMessageNotContaining("wrong-one")
                .hasMessageNotContaining(app.pfxBase64().substring(0, 40));
    }

    @Test
    void aPemWithAnOldStyleRsaKeyIsRefusedWithTheWayToConvertIt() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"
                     + "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> context.getEndpoint(BASE + SP_CERT + "&servicePrincipalEmbeddedCert=RAW("
                                                     + Base64.getEncoder().encodeToString(pem.getBytes()) + ")"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("PKCS#1 RSA key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void aPemWithoutAPrivateKeyIsRefused() {
        String pem = TestKeys.application().pem().replaceAll("(?s)-----BEGIN PRIVATE KEY-----.*-----END PRIVATE KEY-----\n", "");

        assertThatThrownBy(() -> context.getEndpoint(BASE + SP_CERT + "&servicePrincipalEmbeddedCert=RAW(" + pem + ")"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Option 'servicePrincipalEmbeddedCert' is PEM with no private key");
    }

    @Test
    void aCertificateFileThatIsMissingFailsWhenTheEndpointStartsNamingTheOption() {
        // files are read when the endpoint starts, which on a running context is at once
        assertThatThrownBy(() -> context.getEndpoint(BASE + SP_CERT
                                                     + "&servicePrincipalEmbeddedCert=file:/nonexistent/app.pfx"))
                .hasMessageContaining("Option 'servicePrincipalEmbeddedCert' cannot be read from");
    }

    @Test
    void typesAndChoicesIgnoreLetterCase() {
        assertThat(context.getEndpoint(BASE + "authenticationType=oauth2clientcredential&tokenEndpoint="
                                       + "https://auth.example.org/token&clientId=job&clientSecret=cs-9f8e7d6c5b4a")).isNotNull();
        assertThat(context.getEndpoint(BASE + SP + "&servicePrincipalKey=Kq8~sp-key-value&servicePrincipalCredentialType="
                                       + "serviceprincipalkey&azureCloudType=azureusgovernment")).isNotNull();
    }

    @Test
    void aCompleteConfigurationOfEachTypeIsAccepted() {
        assertThat(context.getEndpoint(BASE + SP + "&servicePrincipalKey=Kq8~sp-key-value")).isNotNull();
        assertThat(context.getEndpoint(BASE + SP_CERT + "&servicePrincipalEmbeddedCert=RAW("
                                       + TestKeys.application().pfxBase64() + ")&servicePrincipalEmbeddedCertPassword=RAW("
                                       + TestKeys.application().password() + ")")).isNotNull();
        assertThat(context.getEndpoint(BASE + "authenticationType=ManagedServiceIdentity&aadResourceId=r")).isNotNull();
        assertThat(context.getEndpoint(BASE + OAUTH)).isNotNull();
        assertThat(context.getEndpoint(BASE + "authenticationType=AadServicePrincipal&tokenCredential=#credential"
                                       + "&aadResourceId=r")).isNotNull();
    }
}
