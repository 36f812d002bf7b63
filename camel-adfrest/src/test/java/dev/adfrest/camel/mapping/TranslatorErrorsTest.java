package dev.adfrest.camel.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.adfrest.camel.mapping.Mapped.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A translator is checked once, when the endpoint is created; every problem names the property. */
class TranslatorErrorsTest {

    private static void fails(String translator, String message) {
        assertThatThrownBy(() -> PageOutput.of(null, json(translator), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"type\":\"HierarchicalTranslator\"}` | translator type 'HierarchicalTranslator' is not supported",
            "`{\"type\":\"TabularTranslator\",\"columnFlattenSettings\":{}}` | translator: property 'columnFlattenSettings' is not supported",
            "`{\"mappings\":{}}` | translator mappings must be an array",
            "`{\"mappings\":[{\"source\":{\"ordinal\":\"1\"},\"sink\":{\"name\":\"a\"}}]}` | translator mappings[0]: 'ordinal' is for delimited text",
            "`{\"mappings\":[{\"source\":{\"path\":\"$.a\"},\"sink\":{\"path\":\"$.b\"}}]}` | translator mappings[0]: sink 'path' writes hierarchical data",
            "`{\"mappings\":[{\"source\":{\"path\":\"$.a\"},\"sink\":{\"name\":\"a\",\"type\":\"Money\"}}]}` | translator mappings[0].sink: unknown interim data type 'Money'",
            "`{\"mappings\":[{\"source\":{\"path\":\"$.a\"},\"sink\":{\"name\":\"a\",\"length\":10}}]}` | translator mappings[0].sink: property 'length' is not supported",
            "`{\"mappings\":[{\"source\":{},\"sink\":{\"name\":\"a\"}}]}` | translator mappings[0].source needs a 'path' or a 'name'",
            "`{\"mappings\":[{\"source\":{\"path\":\"$[0]\"},\"sink\":{}}]}` | translator mappings[0].sink needs a 'name'",
            "`{\"mappings\":[{\"source\":{\"path\":\"$[?(@.a\"},\"sink\":{\"name\":\"a\"}}]}` | translator mappings[0].source path: '$[?(@.a' is not a valid JSONPath",
            "`{\"mappings\":[{\"source\":{\"path\":\"$.a\"},\"sink\":{\"name\":\"x\"}},{\"source\":{\"path\":\"$.b\"},\"sink\":{\"name\":\"x\"}}]}` | translator maps two values to the sink column 'x'",
            "`{\"collectionReference\":\"data\"}` | translator collectionReference 'data' must start at the root",
            "`{\"typeConversion\":\"yes\"}` | translator: 'typeConversion' must be true or false",
            "`{\"typeConversion\":true,\"typeConversionSettings\":{\"dateTimeFormat\":\"'open\"}}` | translator typeConversionSettings: unclosed quote in format",
            "`{\"typeConversion\":true,\"typeConversionSettings\":{\"dateTimeFormat\":\"d\"}}` | the .NET standard format 'd' depends on a culture",
            "`{\"typeConversionSettings\":{\"nullValue\":\"\"}}` | translator typeConversionSettings: property 'nullValue' is not supported",
            "`{\"mappings\":[],\"schemaMapping\":{}}` | translator has more than one of mappings, schemaMapping and columnMappings",
            "`{\"columnMappings\":\"UserId MyUserId\"}` | translator columnMappings entry 'UserId MyUserId' is not 'source: sink'" })
    void aBadTranslatorFailsNamingTheProperty(String translator, String message) {
        fails(translator, message);
    }

    @Test
    void twoDifferentCollectionReferencesAreAMistake() {
        assertThatThrownBy(() -> PageOutput.of("$.items", json("{\"collectionReference\":\"$.data\"}"), false))
                .hasMessageContaining("collectionReference is '$.items' but the translator's collectionReference is"
                                      + " '$.data'; set only one");
        assertThat(PageOutput.of("$.data", json("{\"collectionReference\":\"$.data\"}"), false).asIs()).isFalse();
    }

    @Test
    void aBadCollectionReferenceOptionIsNamed() {
        assertThatThrownBy(() -> PageOutput.of("$.data[?(@.a", null, false))
                .hasMessageStartingWith("collectionReference: '$.data[?(@.a' is not a valid JSONPath");
        assertThatThrownBy(() -> PageOutput.of("data", null, false))
                .hasMessageStartingWith("collectionReference 'data' must start at the root, as in $.data or $");
    }

    @Test
    void legacyColumnMappingsInBothForms() {
        var page = json("[{\"UserId\":7,\"Name\":\"Ada\",\"Group\":\"g\"}]");
        Object fromObject = PageOutput.of(null, json("{\"type\":\"TabularTranslator\",\"columnMappings\":"
                                                     + "{\"UserId\":\"MyUserId\",\"Group\":\"MyGroup\",\"Name\":\"MyName\"}}"), false)
                .map(page, 1).body();
        Object fromString = PageOutput.of(null, json("{\"type\":\"TabularTranslator\",\"columnMappings\":"
                                                     + "\"UserId: MyUserId, Group: MyGroup, Name: MyName\"}"), false)
                .map(page, 1).body();
        assertThat(fromObject).isEqualTo(fromString).isEqualTo(java.util.List.of(
                Mapped.row("MyUserId", 7, "MyGroup", "g", "MyName", "Ada")));
    }

    @Test
    void sinkStoreColumnTypesAreNotUsed() {
        var out = PageOutput.of(null, json("{\"mappings\":[{\"source\":{\"path\":\"$.a\"},"
                                           + "\"sink\":{\"name\":\"A\",\"type\":\"Int32\",\"physicalType\":\"int\"}}]}"), false);
        assertThat(out.map(json("{\"a\":\"5\"}"), 1).body()).isEqualTo(java.util.List.of(Mapped.row("A", 5)));
    }
}
