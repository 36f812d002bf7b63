package dev.adfrest.camel.mapping;

import java.util.List;
import java.util.Map;

import dev.adfrest.camel.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.mapping.Mapped.json;
import static dev.adfrest.camel.mapping.Mapped.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A value that does not convert fails the page, naming row, column and value; or, when chosen, the row is skipped. */
class IncompatibleRowsTest {

    private static final String TRANSLATOR = """
            {"type":"TabularTranslator","collectionReference":"$.data","mappings":[
              {"source":{"path":"id"},"sink":{"name":"id","type":"Int32"}},
              {"source":{"path":"price"},"sink":{"name":"price","type":"Decimal"}},
              {"source":{"path":"$.currency"},"sink":{"name":"currency","type":"String"}}]}""";

    private static final String PAGE = """
            {"currency":"EUR","data":[
              {"id":1,"price":"9.99"},
              {"id":2,"price":"n/a"},
              {"id":"three","price":"1"},
              {"id":4,"price":4}]}""";

    @Test
    void anIncompatibleValueFailsThePageNamingRowColumnAndValue() {
        PageOutput output = PageOutput.of(null, json(TRANSLATOR), false);
        assertThatThrownBy(() -> output.map(json(PAGE), 3))
                .isInstanceOf(MappingException.class)
                .hasMessage("row 2, column 'price' (source price): cannot convert \"n/a\" to Decimal: not a number")
                .satisfies(e -> {
                    assertThat(((MappingException) e).getRow()).isEqualTo(2);
                    assertThat(((MappingException) e).getColumn()).isEqualTo("price");
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void enableSkipIncompatibleRowSkipsCountsAndLogsEachRow() {
        PageOutput output = PageOutput.of(null, json(TRANSLATOR), true);
        try (LogCapture log = LogCapture.open()) {
            PageOutput.Mapped mapped = output.map(json(PAGE), 3);

            assertThat((List<Map<String, Object>>) mapped.body()).containsExactly(
                    row("id", 1, "price", new java.math.BigDecimal("9.99"), "currency", "EUR"),
                    row("id", 4, "price", new java.math.BigDecimal("4"), "currency", "EUR"));
            assertThat(mapped.records()).isEqualTo(2);
            assertThat(mapped.skipped()).isEqualTo(2);
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN").contains(
                    "Page 3: skipped incompatible row 2, column 'price' (source price): cannot convert \"n/a\" to Decimal"));
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN").contains(
                    "Page 3: skipped incompatible row 3, column 'id' (source id): cannot convert \"three\" to Int32"));
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN")
                    .contains("Page 3: 2 incompatible rows skipped, 2 rows delivered"));
        }
    }

    @Test
    void anIncompatibleRootFieldSkipsEveryRowOfItsDocument() {
        PageOutput output = PageOutput.of(null, json("""
                {"type":"TabularTranslator","collectionReference":"$.data","mappings":[
                  {"source":{"path":"id"},"sink":{"name":"id"}},
                  {"source":{"path":"$.page"},"sink":{"name":"page","type":"Int32"}}]}"""), true);
        PageOutput.Mapped mapped = output.map(json("{\"page\":\"first\",\"data\":[{\"id\":1},{\"id\":2}]}"), 1);
        assertThat(mapped.records()).isZero();
        assertThat(mapped.skipped()).isEqualTo(2);
    }

    @Test
    void longValuesAreCutInMessages() {
        String big = "x".repeat(500);
        PageOutput output = PageOutput.of(null, json(TRANSLATOR), false);
        assertThatThrownBy(() -> output.map(json("{\"data\":[{\"id\":\"" + big + "\"}]}"), 1))
                .hasMessageContaining("\"" + "x".repeat(99) + "...")
                .hasMessageNotContaining("x".repeat(101));
    }
}
