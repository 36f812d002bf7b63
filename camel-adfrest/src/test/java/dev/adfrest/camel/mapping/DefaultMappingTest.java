package dev.adfrest.camel.mapping;

import java.math.BigInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.mapping.Mapped.row;
import static dev.adfrest.camel.mapping.Mapped.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADF's default mapping: without mappings, each record's top-level fields by name, in the record's order. */
class DefaultMappingTest {

    @Test
    void eachRecordsTopLevelFieldsBecomeColumns() {
        var rows = rows("{\"type\":\"TabularTranslator\",\"collectionReference\":\"$.data\"}", """
                {"data":[{"created_time":"2017-12-12T14:12:20+0000","name":"album1","id":"1809938745705498_1809939942372045"},
                         {"name":"album2","id":"1809938745705498_1809941802371859","created_time":"2017-12-12T14:14:03+0000"}]}""");

        assertThat(rows).containsExactly(
                row("created_time", "2017-12-12T14:12:20+0000", "name", "album1", "id", "1809938745705498_1809939942372045"),
                row("name", "album2", "id", "1809938745705498_1809941802371859", "created_time", "2017-12-12T14:14:03+0000"));
        assertThat(rows.get(1).keySet()).containsExactly("name", "id", "created_time");
    }

    @Test
    void jsonValuesBecomeTheirNaturalJavaTypes() {
        var rows = rows("{\"type\":\"TabularTranslator\"}",
                "[{\"s\":\"x\",\"i\":1,\"l\":12345678901,\"b\":99999999999999999999,\"d\":1.5,\"t\":true,\"n\":null}]");
        assertThat(rows).containsExactly(row("s", "x", "i", 1, "l", 12345678901L, "b", new BigInteger("99999999999999999999"),
                "d", 1.5, "t", true, "n", null));
    }

    @Test
    void nestedObjectsStayJsonOrBecomeJsonTextWithMapComplexValuesToString() {
        String page = "{\"data\":[{\"id\":1,\"owner\":{\"login\":\"octocat\"},\"tags\":[\"a\",\"b\"]}]}";
        var asNodes = rows("{\"type\":\"TabularTranslator\",\"collectionReference\":\"$.data\"}", page);
        assertThat(asNodes.get(0).get("owner")).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) asNodes.get(0).get("owner")).get("login").asText()).isEqualTo("octocat");

        var asText = rows("{\"type\":\"TabularTranslator\",\"collectionReference\":\"$.data\",\"mapComplexValuesToString\":true}", page);
        assertThat(asText).containsExactly(row("id", 1, "owner", "{\"login\":\"octocat\"}", "tags", "[\"a\",\"b\"]"));
    }

    @Test
    void aRecordThatIsNotAnObjectNeedsMappings() {
        assertThatThrownBy(() -> rows("{\"type\":\"TabularTranslator\",\"collectionReference\":\"$.ids\"}",
                "{\"ids\":[1,2]}"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("row 1 is a JSON number, not an object");
    }
}
