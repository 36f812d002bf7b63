package dev.adfrest.camel.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.adfrest.camel.mapping.Mapped.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Walking a path of names and indexes gives what Jayway gives. */
class JsonPathRefTest {

    private static final JsonNode DOC = json("""
            {"number":"01","orders":[{"prod":"p1","price":23},{"prod":"p2"}],"city":[{"name":"Seattle"}],
             "n":null,"s":"text","@odata.nextLink":"next","a.b":{"c":1},"0":"zero"}""");

    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    @ParameterizedTest
    @ValueSource(strings = { "$['number']", "$.number", "$.orders[1].prod", "$['city'][0]['name']", "$.missing",
            "$.missing.deeper", "$.n", "$.s.length", "$.orders[5]", "$.orders[1].price", "$['@odata.nextLink']",
            "$['a.b'].c", "$.orders.prod", "$.city[0]", "$", "$.s[0]", "$['0']", "$.orders[*].prod", "$..prod",
            "$.orders[?(@.price > 20)].prod", "$.orders[-1].prod" })
    void findsWhatJaywayFinds(String path) {
        Object expected = JsonPath.compile(path).read(DOC, JAYWAY);
        JsonNode actual = JsonPathRef.compile(path).find(DOC);
        if (expected == null || expected instanceof JsonNode n && n.isNull()) {
            assertThat(actual == null || actual.isNull()).as(path).isTrue();
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod", "['prod']", "price" })
    void relativePathsStartAtTheElement(String path) {
        JsonPathRef ref = JsonPathRef.compile(path);
        assertThat(ref.absolute()).isFalse();
        assertThat(ref.find(DOC.get("orders").get(0))).isEqualTo(JsonPath.compile("$." + path.replaceAll("[\\[\\]']", ""))
                .read(DOC.get("orders").get(0), JAYWAY));
    }
}
