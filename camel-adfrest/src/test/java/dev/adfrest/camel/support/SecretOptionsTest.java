package dev.adfrest.camel.support;

import java.util.Map;

import dev.adfrest.camel.AdfRestConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The options masked everywhere are the ones the catalog marks secret. */
class SecretOptionsTest {

    @Test
    void theSecretOptionsAreThoseMarkedSecret() {
        assertThat(AdfRestConfiguration.SECRETS.names()).containsExactlyInAnyOrder("authHeaders", "password",
                "servicePrincipalKey", "servicePrincipalEmbeddedCert", "servicePrincipalEmbeddedCertPassword",
                "clientSecret", "proxyAuthPassword");
        assertThat(AdfRestConfiguration.SECRETS.scalarNames()).doesNotContain("authHeaders");
        assertThat(AdfRestConfiguration.SECRETS.isSecret("authHeaders.x-api-key")).isTrue();
        assertThat(AdfRestConfiguration.SECRETS.isSecret("passwordHint")).isFalse();
    }

    @Test
    void valuesIncludeEveryEntryOfAMapOption() {
        AdfRestConfiguration config = new AdfRestConfiguration();
        config.setPassword("p4ss");
        config.setClientSecret("s3cret");
        config.setAuthHeaders(Map.of("x-api-key", "k3y"));
        config.setUserName("not-a-secret");

        assertThat(AdfRestConfiguration.SECRETS.values(config)).containsExactlyInAnyOrder("p4ss", "s3cret", "k3y");
    }
}
