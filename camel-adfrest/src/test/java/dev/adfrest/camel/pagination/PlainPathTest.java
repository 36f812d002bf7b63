package dev.adfrest.camel.pagination;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import dev.adfrest.camel.support.PlainPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rule paths a streaming reader may follow itself, and which need Jayway on the page's tree. */
class PlainPathTest {

    private static Optional<PlainPath> plain(String path) {
        return PlainPath.of(path, JsonPath.compile(path));
    }

    @Test
    void namesAndIndexesAreSteps() {
        assertThat(plain("$.paging.next").orElseThrow().steps()).containsExactly("paging", "next");
        assertThat(plain("$['@odata.nextLink']").orElseThrow().steps()).containsExactly("@odata.nextLink");
        // the form ADF's authoring screen writes, a dot before the bracket
        assertThat(plain("$.['@odata.nextLink']").orElseThrow().steps()).containsExactly("@odata.nextLink");
        assertThat(plain("$[\"next page\"]").orElseThrow().steps()).containsExactly("next page");
        assertThat(plain("$.data[0].id").orElseThrow().steps()).containsExactly("data", 0, "id");
        assertThat(plain("$[2]").orElseThrow().steps()).containsExactly(2);
        assertThat(plain("$.links[0]['href']").orElseThrow().steps()).containsExactly("links", 0, "href");
        assertThat(plain("$.@odata.count").orElseThrow().steps()).containsExactly("@odata", "count");
    }

    @ParameterizedTest
    @ValueSource(strings = { "$", "$..next", "$.links[*].href", "$.links[?(@.rel=='next')].href", "$.data[-1].id",
                             "$.data[1:2]", "$.data[0,1]", "$['a','b']", "$.data.length()", "$.*",
                             "$['it\\'s']" })
    void everythingElseNeedsTheTree(String path) {
        assertThat(plain(path)).as(path).isEmpty();
    }

    @Test
    void theRulesArePlainOnlyWhenEveryBodyPathIs() {
        PaginationRules plainRules = PaginationRules.parse(Map.of("AbsoluteUrl", "$.next",
                "EndCondition:$.data", "Empty", "Headers.X-Cursor", "Headers.X-Next"));
        PaginationRules filter = PaginationRules.parse(Map.of("AbsoluteUrl", "$.next",
                "EndCondition:$.links[?(@.rel=='next')]", "NonExist"));
        PaginationRules rootEnd = PaginationRules.parse(Map.of("EndCondition:$", "Empty",
                "QueryParameters.{offset}", "RANGE:0:100:10"));

        assertThat(plainRules.plainBodyPaths().orElseThrow()).extracting(PlainPath::path)
                .containsExactlyInAnyOrder("$.next", "$.data");
        assertThat(filter.plainBodyPaths()).isEmpty();
        assertThat(rootEnd.plainBodyPaths()).isEmpty();
        assertThat(PaginationRules.parse(Map.of("Headers.X-Cursor", "Headers.X-Next")).plainBodyPaths())
                .contains(List.of());
    }
}
