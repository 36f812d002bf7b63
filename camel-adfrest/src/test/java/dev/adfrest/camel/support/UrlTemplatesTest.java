package dev.adfrest.camel.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlTemplatesTest {

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', value = {
            "https://api.example.com/v1   | items            | https://api.example.com/v1/items",
            "https://api.example.com/v1/  | /items           | https://api.example.com/v1/items",
            "https://api.example.com/v1   | /items?limit=5   | https://api.example.com/v1/items?limit=5",
            "https://api.example.com/v1?k=1 | items?limit=5  | https://api.example.com/v1/items?k=1&limit=5",
            "https://api.example.com/v1   | ?limit=5         | https://api.example.com/v1?limit=5",
            "https://api.example.com      | /t{id}           | https://api.example.com/t{id}",
            "https://api.example.com/v1   | https://other.example.com/x | https://other.example.com/x" })
    void joinsLikeAdf(String base, String relative, String expected) {
        assertThat(UrlTemplates.join(base.trim(), relative.trim())).isEqualTo(expected.trim());
    }

    @Test
    void noRelativeUrlMeansTheBaseUrl() {
        assertThat(UrlTemplates.join("https://x.example/a", null)).isEqualTo("https://x.example/a");
    }

    @Test
    void buildsQueriesKeepingPlaceholders() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sysparm_limit", "1000");
        params.put("sysparm_offset", "{offset}");
        params.put("q", "a b&c");
        assertThat(UrlTemplates.queryOf(params)).isEqualTo("sysparm_limit=1000&sysparm_offset={offset}&q=a%20b%26c");
    }

    @Test
    void refusesNonHttpUrlsNamingTheOption() {
        assertThatThrownBy(() -> UrlOptions.checkHttpUrl("baseUrl", "ftp://x.example/"))
                .hasMessageContaining("baseUrl").hasMessageContaining("http");
        assertThatThrownBy(() -> UrlOptions.checkHttpUrl("baseUrl", "https:///nohost"))
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> UrlOptions.checkHttpUrl("baseUrl", "https://bad host/"))
                .hasMessageContaining("baseUrl");
        assertThat(UrlOptions.checkHttpUrl("baseUrl", "https://x.example/t{id}").getHost()).isEqualTo("x.example");
    }
}
