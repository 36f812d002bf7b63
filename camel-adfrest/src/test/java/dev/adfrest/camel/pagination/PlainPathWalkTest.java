package dev.adfrest.camel.pagination;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Walking a plain path through the tree reads exactly what Jayway reads, node types included. */
class PlainPathWalkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<String> pages() {
        return Arbitraries.of(
                "{\"next\": \"https://api.example.com/p2\", \"data\": [1, 2]}",
                "{\"next\": null, \"data\": []}", "{}", "[]", "42", "\"x\"", "null",
                "{\"next\": {\"href\": \"/a\"}, \"data\": {\"0\": 1}}",
                "{\"next\": [\"/a\"], \"data\": [{\"id\": 7}, {\"id\": 8.5}, {\"id\": 12345678901234567890}]}",
                "[{\"next\": \"/b\", \"data\": [[1], [2, 3]]}, {\"next\": true}]",
                "{\"a\": {\"b\": {\"c\": -1}}, \"data\": [null, false, \"\"]}",
                "{\"@odata.nextLink\": \"/c\", \"a b\": 1, \"data\": [{\"id\": null}]}");
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> step = Arbitraries.oneOf(
                Arbitraries.of("a", "b", "c", "data", "next", "id", "href", "0").map(n -> "." + n),
                Arbitraries.of("@odata.nextLink", "a b", "data").map(n -> "['" + n + "']"),
                Arbitraries.integers().between(0, 3).map(i -> "[" + i + "]"));
        return step.list().ofMinSize(1).ofMaxSize(4).map(steps -> "$" + String.join("", steps));
    }

    @Property(tries = 3000)
    void walkingReadsWhatJaywayReads(@ForAll("pages") String page, @ForAll("paths") String path) throws Exception {
        JsonPath compiled = JsonPath.compile(path);
        ResponseValue.BodyPath walked = new ResponseValue.BodyPath(path, compiled);
        ResponseValue.BodyPath jayway = new ResponseValue.BodyPath(path, compiled, null);
        PageResponse response = new PageResponse(200, Map.of(), JSON.readTree(page));

        assertThat(walked.plainPath()).as(path).isNotNull();
        ResponseReader.Lookup expected = ResponseReader.read(jayway, response);
        ResponseReader.Lookup actual = ResponseReader.read(walked, response);
        assertThat(actual).as(path + " on " + page).isEqualTo(expected);
        if (expected.value() != null) {
            assertThat(actual.value().getClass()).isEqualTo(expected.value().getClass());
        }
    }
}
