package dev.adfrest.camel.pagination;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.adfrest.camel.support.Json;
import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.pagination.Fixtures.json;
import static dev.adfrest.camel.pagination.Fixtures.nextOf;
import static dev.adfrest.camel.pagination.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

/** A saved position keeps only what the endpoint cannot give again, and is completed from the endpoint's request. */
class SavedPositionTest {

    private static final Set<String> CREDENTIALS = Set.of("api_key", "token");

    private static PageRequest template(String bearer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + bearer);
        headers.put("X-Tenant", "t1");
        return new PageRequest("POST", "https://api.example.com/search?api_key=K3Y&limit=5", headers,
                "{\"query\":\"orders\",\"clientSecret\":\"s3cr3t\",\"paging\":{\"cursor\":null}}");
    }

    private static final PaginationRules RULES = PaginationRules.parse(rules(
            "AbsoluteUrl", "$.next", "Body.paging.cursor", "$.cursor", "Headers.X-Cursor", "$.cursor",
            "QueryParameters.token", "$.page"));

    @Test
    void keepsRuleSetValuesOnlyAndIsCompletedFromTheEndpointsRequest() throws Exception {
        PageRequest first = template("OLD-T0KEN");
        Paginator paginator = new Paginator(RULES, PaginationSettings.DEFAULTS, first);
        nextOf(paginator, first, json("{\"next\":\"/search?api_key=K3Y&limit=5&sig=S1G\",\"cursor\":\"c-42\",\"page\":\"p7\"}"));
        PaginatorState state = paginator.state();

        SavedPosition saved = SavedPosition.of(RULES, state, name -> CREDENTIALS.contains(name) || name.equals("sig"));
        String text = Json.MAPPER.writeValueAsString(saved);

        assertThat(text).contains("c-42", "p7", "/search?api_key=&limit=5&sig=&token=p7")
                .doesNotContain("K3Y", "S1G", "OLD-T0KEN", "s3cr3t", "orders", "t1"); // token: a rule sets it, it stays
        SavedPosition read = Json.MAPPER.readValue(text, SavedPosition.class);
        PaginatorState restored = read.restore(RULES, template("NEW-T0KEN"));
        assertThat(restored.next().url()).isEqualTo("https://api.example.com/search?api_key=K3Y&limit=5&token=p7");
        assertThat(restored.next().headers()).containsEntry("Authorization", "Bearer NEW-T0KEN")
                .containsEntry("X-Tenant", "t1").containsEntry("X-Cursor", "c-42");
        assertThat(Json.MAPPER.readTree(restored.next().body())).isEqualTo(Json.MAPPER.readTree(
                "{\"query\":\"orders\",\"clientSecret\":\"s3cr3t\",\"paging\":{\"cursor\":\"c-42\"}}"));
        assertThat(restored.requestsMade()).isEqualTo(state.requestsMade());
    }

    @Test
    void rangePositionsAreKept() {
        PageRequest first = Fixtures.get("https://api.example.com/items?offset={o}&api_key=K3Y");
        PaginationRules rules = PaginationRules.parse(rules("QueryParameters.{o}", "RANGE:0::100"));
        Paginator paginator = new Paginator(rules, PaginationSettings.DEFAULTS, first);
        nextOf(paginator, paginator.first(), json("{}"));
        nextOf(paginator, paginator.state().next(), json("{}"));

        SavedPosition saved = SavedPosition.of(rules, paginator.state(), CREDENTIALS::contains);
        PaginatorState restored = saved.restore(rules, first);

        assertThat(saved.url()).doesNotContain("K3Y");
        assertThat(restored.next().url()).isEqualTo("https://api.example.com/items?offset=200&api_key=K3Y");
        assertThat(restored).isEqualTo(paginator.state());
    }
}
