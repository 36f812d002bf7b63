package dev.adfrest.camel.auth;

import com.azure.identity.AzureAuthorityHosts;
import dev.adfrest.camel.AdfRestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADF's azureCloudType picks the cloud's sign-in host, unless authorityHost overrides it. */
class AzureCloudTest {

    @SuppressWarnings("deprecation")
    @ParameterizedTest
    @CsvSource({
            "AzurePublic, AZURE_PUBLIC_CLOUD",
            "AzureChina, AZURE_CHINA",
            "AzureUsGovernment, AZURE_GOVERNMENT",
            "AzureGermany, AZURE_GERMANY",
            "azurechina, AZURE_CHINA",
            "'', AZURE_PUBLIC_CLOUD" })
    void eachCloudSignsInAtItsOwnHost(String azureCloudType, String constant) throws Exception {
        String expected = (String) AzureAuthorityHosts.class.getField(constant).get(null);

        assertThat(AzureCloud.of(azureCloudType).authorityHost()).isEqualTo(expected);
        assertThat(servicePrincipal(azureCloudType, null).toString()).endsWith(" at " + expected + "]");
    }

    @Test
    void authorityHostOverridesTheCloud() {
        assertThat(servicePrincipal("AzureChina", "https://login.example.org/").toString())
                .endsWith(" at https://login.example.org/]");
    }

    @Test
    void onlyTheCloudsOwnHostsSkipTheInstanceDiscoveryOptOut() {
        assertThat(AzureCloud.isKnownAuthorityHost(AzureAuthorityHosts.AZURE_GOVERNMENT)).isTrue();
        assertThat(AzureCloud.isKnownAuthorityHost(AzureAuthorityHosts.AZURE_CHINA.replaceAll("/$", ""))).isTrue();
        assertThat(AzureCloud.isKnownAuthorityHost("https://127.0.0.1:8443/")).isFalse();
    }

    @Test
    void anUnknownCloudIsRefusedNamingTheOptionAndTheChoices() {
        assertThatThrownBy(() -> AzureCloud.of("AzureMars")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option 'azureCloudType' has unknown value 'AzureMars'. Supported: AzurePublic, AzureChina,"
                            + " AzureUsGovernment, AzureGermany");
    }

    private static Authenticator servicePrincipal(String azureCloudType, String authorityHost) {
        AdfRestConfiguration config = new AdfRestConfiguration();
        config.setAuthenticationType("AadServicePrincipal");
        config.setServicePrincipalId("app");
        config.setServicePrincipalKey("key");
        config.setTenant("contoso");
        config.setAadResourceId("https://api.example.org");
        config.setAzureCloudType(azureCloudType);
        config.setAuthorityHost(authorityHost);
        return Authenticators.create(config);
    }
}
