package dev.adfrest.camel.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for credential-like header and query parameter names. */
class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = { "api_key", "apikey", "x-api-key", "X-API-Key", "Ocp-Apim-Subscription-Key", "x-functions-key",
            "access_token", "X-Auth-Token", "client_secret", "password", "pwd", "X-Amz-Signature", "Signature", "sig",
            "code", "Authorization", "hapikey", "sessionId", "subscription-key", "private_token", "X-Vault-Token" })
    void secret(String name) {
        assertThat(SecretNames.looksSecret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "page", "limit", "offset", "nextPageToken", "pageToken", "continuationToken", "$skiptoken",
            "syncToken", "cursor", "X-Continuation-Key", "keywords", "countryCode", "zipcode", "Accept", "Content-Type",
            "X-Trace", "authenticationType", "q", "" })
    void notSecret(String name) {
        assertThat(SecretNames.looksSecret(name)).isFalse();
    }

    @Test
    void verdictsStayTheSameWhenRememberedAndPastTheBoundOfRememberedNames() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SecretNames.MAX_REMEMBERED * 2; i++) {
                assertThat(SecretNames.looksSecret("x_api_key_" + i)).as("x_api_key_" + i).isTrue();
                assertThat(SecretNames.looksSecret("pageToken" + i)).as("pageToken" + i).isFalse();
            }
        }
        assertThat(SecretNames.looksSecret("api_key")).isTrue();
        assertThat(SecretNames.looksSecret("API_KEY")).isTrue();
        assertThat(SecretNames.looksSecret("$skiptoken")).isFalse();
        assertThat(SecretNames.looksSecret(null)).isFalse();
    }
}
