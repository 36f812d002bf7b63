package dev.adfrest.camel.pagination;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import dev.adfrest.camel.testsupport.SeededCases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.adfrest.camel.testsupport.SeededCases.combinations;
import static dev.adfrest.camel.testsupport.SeededCases.oneOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Walking a plain path through the tree reads exactly what Jayway reads, node types included. */
@ExtendWith(SeededCases.class)
class PlainPathWalkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> PAGES = List.of(
            "{\"next\": \"https://api.example.com/p2\", \"data\": [1, 2]}",
            "{\"next\": null, \"data\": []}", "{}", "[]", "42", "\"x\"", "null",
            "{\"next\": {\"href\": \"/a\"}, \"data\": {\"0\": 1}}",
            "{\"next\": [\"/a\"], \"data\": [{\"id\": 7}, {\"id\": 8.5}, {\"id\": 12345678901234567890}]}",
            "[{\"next\": \"/b\", \"data\": [[1], [2, 3]]}, {\"next\": true}]",
            "{\"a\": {\"b\": {\"c\": -1}}, \"data\": [null, false, \"\"]}",
            "{\"@odata.nextLink\": \"/c\", \"a b\": 1, \"data\": [{\"id\": null}]}");

    /** The steps a path can take, by kind: a dotted name, a bracketed name, an index. */
    private static final List<List<String>> STEPS = List.of(
            Stream.of("a", "b", "c", "data", "next", "id", "href", "0").map(n -> "." + n).toList(),
            Stream.of("@odata.nextLink", "a b", "data").map(n -> "['" + n + "']").toList(),
            Stream.of(0, 1, 2, 3).map(i -> "[" + i + "]").toList());

    /** "$" and one to four steps, each of any kind. */
    private static String path(Random random) {
        StringBuilder path = new StringBuilder("$");
        for (int n = random.nextInt(1, 5); n > 0; n--) {
            path.append(oneOf(random, oneOf(random, STEPS)));
        }
        return path.toString();
    }

    static Stream<Arguments> pagesAndPaths() {
        List<String> oneStepPaths = STEPS.stream().flatMap(List::stream).map(step -> "$" + step).toList();
        return SeededCases.cases(combinations(PAGES, oneStepPaths), 3000, r -> arguments(oneOf(r, PAGES), path(r)));
    }

    @ParameterizedTest
    @MethodSource("pagesAndPaths")
    void walkingReadsWhatJaywayReads(String page, String path) throws Exception {
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
