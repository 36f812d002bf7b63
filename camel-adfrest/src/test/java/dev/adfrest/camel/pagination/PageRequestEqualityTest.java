package dev.adfrest.camel.pagination;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import dev.adfrest.camel.testsupport.SeededCases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.adfrest.camel.testsupport.SeededCases.oneOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * PageRequest writes out its equals and hashCode (the run compares every next request with the one just made): they
 * must be exactly what the record generates, component by component.
 */
@ExtendWith(SeededCases.class)
class PageRequestEqualityTest {

    private static final List<String> METHODS = List.of("GET", "POST", "get");
    private static final List<String> URLS = List.of("https://api.example.com/v1/items?page=2",
            "https://api.example.com/v1/items?page=3", "https://API.example.com/v1/items?page=2", "http://127.0.0.1/x");
    private static final List<Map<String, String>> HEADERS = List.of(Map.of(), Map.of("X-Page", "2"),
            Map.of("x-page", "2"), Map.of("X-Page", "3"), ordered("A", "1", "B", "2"), ordered("B", "2", "A", "1"));
    private static final List<Object> BODIES = Arrays.asList(null, "", "{\"page\":2}", "{\"page\":3}");

    @ParameterizedTest
    @MethodSource("pairs")
    void equalsAndHashCodeAreTheRecordsOwn(PageRequest a, PageRequest b) {
        boolean componentwise = a.method().equals(b.method()) && a.url().equals(b.url())
                                && a.headers().equals(b.headers()) && Objects.equals(a.body(), b.body());
        assertThat(a.equals(b)).isEqualTo(componentwise);
        assertThat(b.equals(a)).isEqualTo(componentwise);
        assertThat(a.equals(a)).isTrue();
        assertThat(a.equals(null)).isFalse();
        assertThat(a.equals(a.url())).isFalse();
        // what java.lang.runtime.ObjectMethods generates for a record: 31 * hash so far + each component's, from 0
        int generated = Arrays.hashCode(new Object[] { a.method(), a.url(), a.headers(), a.body() }) - 31 * 31 * 31 * 31;
        assertThat(a.hashCode()).isEqualTo(generated);
        if (componentwise) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
    }

    static Stream<Arguments> pairs() {
        PageRequest one = new PageRequest("GET", URLS.get(0), Map.of(), null);
        return SeededCases.cases(List.of(arguments(one, new PageRequest("GET", URLS.get(0), null, null)),
                arguments(one, one.withBody("")), arguments(one, one.withUrl(URLS.get(1)))), 500,
                r -> {
                    PageRequest a = request(r);
                    return arguments(a, r.nextBoolean() ? request(r) : copy(a, r));
                });
    }

    /** An equal request of new objects, or one differing in one component. */
    private static PageRequest copy(PageRequest a, Random random) {
        String body = a.body() == null ? null : new String(a.body().toCharArray());
        PageRequest same = new PageRequest(new String(a.method().toCharArray()), new String(a.url().toCharArray()),
                new LinkedHashMap<>(a.headers()), body);
        return switch (random.nextInt(6)) {
            case 0 -> same.withUrl(oneOf(random, URLS));
            case 1 -> new PageRequest(oneOf(random, METHODS), same.url(), same.headers(), same.body());
            case 2 -> new PageRequest(same.method(), same.url(), oneOf(random, HEADERS), same.body());
            case 3 -> same.withBody((String) oneOf(random, BODIES));
            default -> same;
        };
    }

    private static PageRequest request(Random random) {
        return new PageRequest(oneOf(random, METHODS), oneOf(random, URLS), oneOf(random, HEADERS),
                (String) oneOf(random, BODIES));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
