package dev.adfrest.camel.support;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which unknown parameters are misspelt options (refused) and which are the API's own (forwarded). */
class OptionNamesTest {

    private static final List<String> OPTIONS = List.of("clientSecret", "clientId", "tenant", "resource", "scope",
            "password", "userName", "delay", "partitions", "partition", "additionalHeaders", "httpRequestTimeout");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "clientSecrte, clientSecret", "clientsecret, clientSecret", "clientSecet, clientSecret",
            "ClientSecret, clientSecret", "pasword, password", "username, userName", "tennant, tenant",
            "httpRequestTimout, httpRequestTimeout", "additionalHeader, additionalHeaders", "scopes, scope",
    })
    void nearMisses(String parameter, String option) {
        assertThat(OptionNames.nearMiss(parameter, OPTIONS)).isEqualTo(option);
    }

    @ParameterizedTest
    @ValueSource(strings = { "tenantId", "source", "page", "limit", "days", "$filter", "q", "user", "scopeId",
            "clientSecretName" })
    void notNearMisses(String parameter) {
        assertThat(OptionNames.nearMiss(parameter, OPTIONS)).isNull();
    }
}
