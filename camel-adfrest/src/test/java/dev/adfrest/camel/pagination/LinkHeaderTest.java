package dev.adfrest.camel.pagination;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8288 / RFC 5988 Link headers as APIs send them. */
class LinkHeaderTest {

    @Test
    void githubStyleHeaderWithFourLinks() {
        String header = "<https://api.github.com/repositories/1300192/issues?page=2>; rel=\"prev\", "
                        + "<https://api.github.com/repositories/1300192/issues?page=4>; rel=\"next\", "
                        + "<https://api.github.com/repositories/1300192/issues?page=515>; rel=\"last\", "
                        + "<https://api.github.com/repositories/1300192/issues?page=1>; rel=\"first\"";

        assertThat(LinkHeader.parse(header)).containsExactly(
                new LinkHeader.Link("https://api.github.com/repositories/1300192/issues?page=2", Set.of("prev")),
                new LinkHeader.Link("https://api.github.com/repositories/1300192/issues?page=4", Set.of("next")),
                new LinkHeader.Link("https://api.github.com/repositories/1300192/issues?page=515", Set.of("last")),
                new LinkHeader.Link("https://api.github.com/repositories/1300192/issues?page=1", Set.of("first")));
        assertThat(LinkHeader.next(List.of(header))).isEqualTo("https://api.github.com/repositories/1300192/issues?page=4");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<https://x.test/a?page=2>; rel=next",
            "<https://x.test/a?page=2>;rel=\"next\"",
            "<https://x.test/a?page=2> ; rel = \"next\"",
            "<https://x.test/a?page=2>; rel=\"NEXT\"",
            "<https://x.test/a?page=2>; rel=\"next last\"",
            "<https://x.test/a?page=2>; rel=\"last next\"; title=\"Next, then; more\"",
            "<https://x.test/a?page=2>; title=\"a, b\"; rel=next",
            "<https://x.test/a?page=1>; rel=\"prev\", <https://x.test/a?page=2>; rel=\"next\"",
            "junk, <https://x.test/a?page=2>; rel=next",
            "<https://x.test/a?page=2>; anchor; rel=next",
    })
    void findsTheNextLink(String header) {
        assertThat(LinkHeader.next(List.of(header))).isEqualTo("https://x.test/a?page=2");
    }

    @Test
    void commasAndSemicolonsInsideTheTargetStayInIt() {
        String header = "<https://x.test/items?fields=id,name;v=1&page=2>; rel=\"next\", <https://x.test/items?page=9>; rel=last";

        assertThat(LinkHeader.next(List.of(header))).isEqualTo("https://x.test/items?fields=id,name;v=1&page=2");
    }

    @Test
    void linksSpreadOverSeveralHeaderLines() {
        assertThat(LinkHeader.next(List.of("</items?page=1>; rel=\"first\"", "</items?page=2>; rel=\"next\"")))
                .isEqualTo("/items?page=2");
    }

    @Test
    void onlyTheFirstRelCounts() {
        assertThat(LinkHeader.next(List.of("</a>; rel=\"prev\"; rel=\"next\""))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "<https://x.test/a>; rel=\"prev\"", "https://x.test/a; rel=next", "<https://x.test/a",
                             "<https://x.test/a>; rel", "<https://x.test/a>; rel=\"nextpage\"", ",,," })
    void noNextLink(String header) {
        assertThat(LinkHeader.next(List.of(header))).isNull();
    }
}
