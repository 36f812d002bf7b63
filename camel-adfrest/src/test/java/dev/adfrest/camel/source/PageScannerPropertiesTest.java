package dev.adfrest.camel.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.testsupport.SeededCases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.adfrest.camel.testsupport.SeededCases.combinations;
import static dev.adfrest.camel.testsupport.SeededCases.oneOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** On any page and any plain rule paths, the engine decides the same on the picked-out values as on the whole page. */
@ExtendWith(SeededCases.class)
class PageScannerPropertiesTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> NAMES = List.of("a", "b", "data", "next", "@odata.nextLink");
    private static final List<String> CHECKS = List.of("Empty", "NonExist", "Exist", "Const:1", "Const:x");

    /** Every scalar a page holds, by kind: text, whole number, fraction, boolean, null. */
    private static final List<List<JsonNode>> SCALARS = List.of(
            Stream.of("x", "", " ", "https://api.example.com/p2", "/p3", "1").map(t -> (JsonNode) F.textNode(t)).toList(),
            Stream.of(-1, 0, 1, 2).map(i -> (JsonNode) F.numberNode(i)).toList(),
            Stream.of(1.0, 0.5).map(d -> (JsonNode) F.numberNode(d)).toList(),
            List.of(F.booleanNode(true), F.booleanNode(false)),
            List.of(F.nullNode()));

    /** The steps a path can take, by kind: a dotted name, a bracketed name, an index. */
    private static final List<List<String>> STEPS = List.of(
            Stream.of("a", "b", "data", "next").map(n -> "." + n).toList(),
            NAMES.stream().map(n -> "['" + n + "']").toList(),
            Stream.of(0, 1, 2).map(i -> "[" + i + "]").toList());

    /** A JSON value nested up to {@code depth} deep: scalars, arrays and objects (weighted 2:2:3) of up to 3 members. */
    private static JsonNode value(Random random, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(7);
        if (kind < 2) {
            return oneOf(random, oneOf(random, SCALARS));
        }
        int size = random.nextInt(4);
        if (kind < 4) {
            List<JsonNode> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add(value(random, depth - 1));
            }
            return F.arrayNode().addAll(items);
        }
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        ObjectNode object = F.objectNode();
        names.subList(0, size).forEach(name -> object.set(name, value(random, depth - 1)));
        return object;
    }

    private static JsonNode page(Random random) {
        return value(random, 4);
    }

    /** "$" and one to three steps, each of any kind. */
    private static String path(Random random) {
        StringBuilder path = new StringBuilder("$");
        for (int n = random.nextInt(1, 4); n > 0; n--) {
            path.append(oneOf(random, oneOf(random, STEPS)));
        }
        return path.toString();
    }

    /** Every scalar as a whole page, the empty array and the empty object. */
    private static List<JsonNode> edgePages() {
        List<JsonNode> pages = new ArrayList<>();
        SCALARS.forEach(pages::addAll);
        pages.add(F.arrayNode());
        pages.add(F.objectNode());
        return pages;
    }

    private static List<String> oneStepPaths() {
        return STEPS.stream().flatMap(List::stream).map(step -> "$" + step).toList();
    }

    static Stream<Arguments> pagesAndPaths() {
        return SeededCases.cases(combinations(edgePages(), oneStepPaths()), 2000, r -> arguments(page(r), path(r)));
    }

    @ParameterizedTest
    @MethodSource("pagesAndPaths")
    void aValueRule(JsonNode page, String path) throws IOException {
        PageScannerTest.sameDecision(PageScannerTest.rules("QueryParameters.cursor", path), page.toString());
    }

    static Stream<Arguments> pagesAndTwoPaths() {
        List<Arguments> edges = combinations(edgePages(), oneStepPaths(), List.of("$.next", "$['@odata.nextLink']"));
        return SeededCases.cases(edges, 2000, r -> arguments(page(r), path(r), path(r)));
    }

    @ParameterizedTest
    @MethodSource("pagesAndTwoPaths")
    void anEndConditionBesideAValueRule(JsonNode page, String where, String next) throws IOException {
        String check = CHECKS.get(Math.floorMod(where.hashCode(), CHECKS.size()));
        PaginationRules rules = PageScannerTest.rules("EndCondition:" + where, check, "AbsoluteUrl", next);
        PageScannerTest.sameDecision(rules, page.toString());
        assertThat(rules.plainBodyPaths()).isPresent();
    }
}
