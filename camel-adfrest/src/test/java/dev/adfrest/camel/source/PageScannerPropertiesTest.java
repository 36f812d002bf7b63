package dev.adfrest.camel.source;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adfrest.camel.pagination.PaginationRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** On any page and any plain rule paths, the engine decides the same on the picked-out values as on the whole page. */
class PageScannerPropertiesTest {

    private static final List<String> NAMES = List.of("a", "b", "data", "next", "@odata.nextLink");
    private static final List<String> CHECKS = List.of("Empty", "NonExist", "Exist", "Const:1", "Const:x");

    @Provide
    Arbitrary<JsonNode> pages() {
        return value(4);
    }

    private static Arbitrary<JsonNode> value(int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.of("x", "", " ", "https://api.example.com/p2", "/p3", "1").map(f::textNode),
                Arbitraries.integers().between(-1, 2).map(f::numberNode),
                Arbitraries.of(1.0, 0.5).map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(3).map(l -> f.arrayNode().addAll(l));
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.of(NAMES), value(depth - 1)).ofMaxSize(3)
                .map(m -> {
                    ObjectNode o = f.objectNode();
                    m.forEach(o::set);
                    return o;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, scalar), net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(3, object));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> step = Arbitraries.oneOf(
                Arbitraries.of("a", "b", "data", "next").map(n -> "." + n),
                Arbitraries.of(NAMES).map(n -> "['" + n + "']"),
                Arbitraries.integers().between(0, 2).map(i -> "[" + i + "]"));
        return step.list().ofMinSize(1).ofMaxSize(3).map(steps -> "$" + String.join("", steps));
    }

    @Property(tries = 2000)
    void aValueRule(@ForAll("pages") JsonNode page, @ForAll("paths") String path) throws IOException {
        PageScannerTest.sameDecision(PageScannerTest.rules("QueryParameters.cursor", path), page.toString());
    }

    @Property(tries = 2000)
    void anEndConditionBesideAValueRule(@ForAll("pages") JsonNode page, @ForAll("paths") String where,
                                        @ForAll("paths") String next) throws IOException {
        String check = CHECKS.get(Math.floorMod(where.hashCode(), CHECKS.size()));
        PaginationRules rules = PageScannerTest.rules("EndCondition:" + where, check, "AbsoluteUrl", next);
        PageScannerTest.sameDecision(rules, page.toString());
        assertThat(rules.plainBodyPaths()).isPresent();
    }
}
