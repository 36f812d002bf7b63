package dev.adfrest.camel.auth;

import java.util.Arrays;

import dev.adfrest.camel.AdfRestConfiguration;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticationTypeTest {

    @Test
    void theOptionListsExactlyTheTypes() throws Exception {
        UriParam option = AdfRestConfiguration.class.getDeclaredField("authenticationType").getAnnotation(UriParam.class);

        assertThat(option.enums().split(","))
                .containsExactly(Arrays.stream(AuthenticationType.values()).map(AuthenticationType::adfName)
                        .toArray(String[]::new));
        assertThat(option.defaultValue()).isEqualTo(AuthenticationType.ANONYMOUS.adfName());
    }

    @Test
    void namesAreReadInAnyLetterCase() {
        assertThat(AuthenticationType.of("aadserviceprincipal")).isEqualTo(AuthenticationType.AAD_SERVICE_PRINCIPAL);
        assertThat(AuthenticationType.of(" OAuth2ClientCredential ")).isEqualTo(AuthenticationType.OAUTH2_CLIENT_CREDENTIAL);
        assertThat(AuthenticationType.of(null)).isEqualTo(AuthenticationType.ANONYMOUS);
        assertThatThrownBy(() -> AuthenticationType.of("Kerberos"))
                .hasMessage("Option 'authenticationType' has unknown value 'Kerberos'. Supported: Anonymous, Basic,"
                            + " AadServicePrincipal, ManagedServiceIdentity, OAuth2ClientCredential");
    }
}
