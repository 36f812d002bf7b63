package dev.adfrest.camel.pagination;

import java.net.URISyntaxException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Next links taken as they are must be exactly what the full resolution (escaping, RFC 3986, HttpClient's
 * normalization) would have given.
 */
class UrlsFastPathTest {

    private static final String BASE = "https://api.example.com/v1/items?limit=500";

    @ParameterizedTest
    @ValueSource(strings = { "https://api.example.com/v1/items?page=2", "http://127.0.0.1:8080/W1/p/2000/17",
                             "https://graph.microsoft.com/v1.0/users?$skiptoken=X%2BY~z&$top=10",
                             "https://api.example.com/search?q=a+b&sig=AB%2Fcd%3D", "https://api.example.com/items/" })
    void commonNextLinksAreTakenAsTheyAre(String link) throws URISyntaxException {
        assertThat(Urls.isCleanAbsolute(link)).isTrue();
        assertThat(Urls.resolve(BASE, link).toString()).isEqualTo(link);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/items?page=2", "?page=2", "HTTPS://api.example.com/x", "https://API.example.com/x",
                             "https://api.example.com", "https://api.example.com/a//b", "https://api.example.com/a/../b",
                             "https://api.example.com/a/./b", "https://api.example.com/x?", "https://api.example.com/x#f",
                             "https://user@api.example.com/x", "https://api.example.com:080/x",
                             "https://api.example.com/a%20b", "https://api.example.com/x?q=a b",
                             "https://api.example.com/$metadata", " https://api.example.com/x" })
    void anythingResolvingWouldChangeGoesTheFullWay(String link) {
        assertThat(Urls.isCleanAbsolute(link)).isFalse();
    }

    @Test
    void aLinkThatIsNotAUrlStillFailsAsBefore() {
        String link = "http://-a.b/x"; // clean characters, but java.net.URI finds no host in it
        assertThat(Urls.isCleanAbsolute(link)).isTrue();
        assertThat(resolvedOrError(link)).isEqualTo(fullyResolvedOrError(link));
    }

    @Property(tries = 3000)
    void aCleanLinkResolvesToItself(@ForAll("links") String link) {
        if (Urls.isCleanAbsolute(link)) {
            assertThat(resolvedOrError(link)).isEqualTo(fullyResolvedOrError(link));
        }
    }

    @Property(tries = 1000)
    void theShortcutNeverChangesAResult(@ForAll("links") String link) {
        assertThat(resolvedOrError(link)).isEqualTo(fullyResolvedOrError(link));
    }

    @Provide
    Arbitrary<String> links() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTP://", "ftp://", "//", "");
        Arbitrary<String> host = Arbitraries.of("api.example.com", "127.0.0.1", "a-b.c", "x", "EXAMPLE.com", "-a.b",
                "a..b", "1.2.3", "exa_mple.com", "");
        Arbitrary<String> port = Arbitraries.of("", "", ":80", ":443", ":8080", ":0", ":080", ":", ":65536", ":99999");
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withChars("AZ09-._~").ofMinLength(0).ofMaxLength(6),
                Arbitraries.of(".", "..", "%41", "%2f", "a b", "$x", "@", ":", "é", "(1)"));
        Arbitrary<String> path = segment.list().ofMaxSize(4).map(s -> s.isEmpty() ? "" : "/" + String.join("/", s));
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.just(""), Arbitraries.just("?"),
                Arbitraries.strings().withCharRange('a', 'z').withChars("=&+%2BF:@/?!$'()*,;[]{}| #~")
                        .ofMinLength(1).ofMaxLength(12).map(q -> "?" + q));
        return Combinators.combine(scheme, host, port, path, query).as((s, h, p, pa, q) -> s + h + p + pa + q);
    }

    private static String resolvedOrError(String link) {
        try {
            return Urls.resolve(BASE, link).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "error";
        }
    }

    private static String fullyResolvedOrError(String link) {
        try {
            return Urls.resolveFully(BASE, link).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "error";
        }
    }
}
