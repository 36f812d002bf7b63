package dev.adfrest.camel.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.mapping.Mapped.json;
import static dev.adfrest.camel.mapping.Mapped.row;
import static dev.adfrest.camel.mapping.Mapped.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** collectionReference: which elements of a page are its records, and how rows repeat the root's fields. */
class CrossApplyTest {

    private static final String ID_AND_PAGE = """
            {"type":"TabularTranslator","collectionReference":"$.data","mappings":[
              {"source":{"path":"id"},"sink":{"name":"id"}},
              {"source":{"path":"$.page"},"sink":{"name":"page"}}]}""";

    @SuppressWarnings("unchecked")
    private static List<JsonNode> records(String collectionReference, String page) {
        return (List<JsonNode>) PageOutput.of(collectionReference, null, false).map(json(page), 1).body();
    }

    @Test
    void recordsAreTheElementsOfTheArrayTheReferenceNames() {
        String graph = "{\"data\":[{\"name\":\"album1\"},{\"name\":\"album2\"}],\"paging\":{\"next\":\"x\"}}";
        assertThat(records("$.data", graph)).extracting(r -> r.get("name").asText()).containsExactly("album1", "album2");
        assertThat(records("$['data']", graph)).hasSize(2);
        assertThat(records("$.data[*]", graph)).hasSize(2);
    }

    @Test
    void odataValueAndTopLevelArrays() {
        assertThat(records("$['value']", "{\"@odata.nextLink\":\"n\",\"value\":[{\"a\":1},{\"a\":2},{\"a\":3}]}")).hasSize(3);
        assertThat(records("$", "[{\"a\":1},{\"a\":2}]")).extracting(r -> r.get("a").asInt()).containsExactly(1, 2);
    }

    @Test
    void aMissingOrNullOrEmptyCollectionHasNoRecords() {
        assertThat(records("$.data", "{\"other\":[1]}")).isEmpty();
        assertThat(records("$.data", "{\"data\":null}")).isEmpty();
        assertThat(records("$.data", "{\"data\":[]}")).isEmpty();
    }

    @Test
    void aSingleObjectIsOneRecord() {
        assertThat(records("$.data", "{\"data\":{\"id\":7}}")).extracting(r -> r.get("id").asInt()).containsExactly(7);
    }

    @Test
    void aCollectionThatIsAStringIsAnError() {
        assertThatThrownBy(() -> records("$.data", "{\"data\":\"oops\"}"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("collectionReference $.data names a string, not an array of records");
    }

    @Test
    void theRecordCountIsTheNumberOfRecords() {
        PageOutput.Mapped mapped = PageOutput.of("$.items", null, false).map(json("{\"items\":[{},{},{}]}"), 4);
        assertThat(mapped.records()).isEqualTo(3);
        assertThat(mapped.skipped()).isZero();
    }

    @Test
    void rootFieldsRepeatOnEveryRowOfTheCollection() {
        assertThat(rows(ID_AND_PAGE, "{\"page\":2,\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}]}"))
                .containsExactly(row("id", "a", "page", 2), row("id", "b", "page", 2));
    }

    @Test
    void anEmptyCollectionGivesNoRowEvenWithRootFields() {
        assertThat(rows(ID_AND_PAGE, "{\"page\":9,\"data\":[]}")).isEmpty();
        assertThat(rows(ID_AND_PAGE, "{\"page\":9}")).isEmpty();
    }

    @Test
    void aMissingFieldIsNull() {
        assertThat(rows(ID_AND_PAGE, "{\"data\":[{\"id\":\"a\"},{\"other\":1}]}"))
                .containsExactly(row("id", "a", "page", null), row("id", null, "page", null));
    }

    @Test
    void withoutCollectionReferenceTheElementsOfATopLevelArrayAreTheRecords() {
        String translator = """
                {"type":"TabularTranslator","mappings":[
                  {"source":{"path":"$.id"},"sink":{"name":"id"}},
                  {"source":{"path":"owner.login"},"sink":{"name":"owner"}}]}""";
        assertThat(rows(translator, "[{\"id\":1,\"owner\":{\"login\":\"octocat\"}},{\"id\":2,\"owner\":{\"login\":\"hubot\"}}]"))
                .containsExactly(row("id", 1, "owner", "octocat"), row("id", 2, "owner", "hubot"));
    }

    @Test
    void withoutCollectionReferenceAnObjectPageIsOneRow() {
        String translator = "{\"type\":\"TabularTranslator\",\"mappings\":[{\"source\":{\"path\":\"$.total\"},"
                            + "\"sink\":{\"name\":\"total\"}}]}";
        assertThat(rows(translator, "{\"total\":42,\"data\":[1,2]}")).containsExactly(row("total", 42));
    }

    @Test
    void theEndpointsCollectionReferenceServesATranslatorWithoutOne() {
        String translator = "{\"type\":\"TabularTranslator\",\"mappings\":[{\"source\":{\"name\":\"id\"},"
                            + "\"sink\":{\"name\":\"ID\"}}]}";
        PageOutput output = PageOutput.of("$.value", json(translator), false);
        assertThat(output.map(json("{\"value\":[{\"id\":1},{\"id\":2}]}"), 1).body())
                .isEqualTo(List.of(row("ID", 1), row("ID", 2)));
    }

    @Test
    void sourceNameIsAFieldOfTheElement() {
        String translator = """
                {"type":"TabularTranslator","collectionReference":"$.data","mappings":[
                  {"source":{"name":"first.name"},"sink":{"name":"firstName"}},
                  {"source":{"name":"id"}, "sink":{}}]}""";
        assertThat(rows(translator, "{\"data\":[{\"first.name\":\"Ada\",\"id\":1}]}"))
                .containsExactly(row("firstName", "Ada", "id", 1));
    }

    @Test
    void aWildcardPathGivesTheArrayOfItsMatches() {
        String translator = """
                {"type":"TabularTranslator","collectionReference":"$.data","mappings":[
                  {"source":{"path":"tags[*].name"},"sink":{"name":"tags"}}],"mapComplexValuesToString":true}""";
        assertThat(rows(translator, "{\"data\":[{\"tags\":[{\"name\":\"a\"},{\"name\":\"b\"}]}]}"))
                .containsExactly(row("tags", "[\"a\",\"b\"]"));
    }
}
