package dev.adfrest.camel.pagination;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.adfrest.camel.support.ParsedUrls;
import dev.adfrest.camel.testsupport.SeededCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.adfrest.camel.testsupport.SeededCases.combinations;
import static dev.adfrest.camel.testsupport.SeededCases.oneOf;
import static dev.adfrest.camel.testsupport.SeededCases.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Next links taken as they are must be exactly what the full resolution (escaping, RFC 3986, HttpClient's
 * normalization) would have given.
 */
@ExtendWith(SeededCases.class)
class UrlsFastPathTest {

    private static final String BASE = "https://api.example.com/v1/items?limit=500";
    private static final List<String> SCHEMES = List.of("http://", "https://", "HTTP://", "ftp://", "//", "");
    private static final List<String> HOSTS = List.of("api.example.com", "127.0.0.1", "a-b.c", "x", "EXAMPLE.com",
            "-a.b", "a..b", "1.2.3", "exa_mple.com", "");
    private static final List<String> PORTS = List.of("", "", ":80", ":443", ":8080", ":0", ":080", ":", ":65536", ":99999");
    private static final List<String> ODD_SEGMENTS = List.of(".", "..", "%41", "%2f", "a b", "$x", "@", ":", "é", "(1)");
    private static final String SEGMENT_CHARS = "abcdefghijklmnopqrstuvwxyzAZ09-._~";
    private static final String QUERY_CHARS = "abcdefghijklmnopqrstuvwxyz=&+%2BF:@/?!$'()*,;[]{}| #~";

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

    @ParameterizedTest
    @MethodSource("manyLinks")
    void aCleanLinkResolvesToItself(String link) {
        if (Urls.isCleanAbsolute(link)) {
            assertThat(resolvedOrError(link)).isEqualTo(fullyResolvedOrError(link));
        }
    }

    @ParameterizedTest
    @MethodSource("links")
    void theShortcutNeverChangesAResult(String link) {
        assertThat(resolvedOrError(link)).isEqualTo(fullyResolvedOrError(link));
    }

    /**
     * The request made from a next link is sent with the URI the paginator resolved it to (ParsedUrls): it must be
     * what parsing the request's URL text afresh gives, part for part; an equal text that is another String object
     * is parsed afresh.
     */
    @ParameterizedTest
    @MethodSource("links")
    void theUriSentIsWhatParsingTheUrlGives(String link) {
        URI resolved;
        try {
            resolved = Urls.resolve(BASE, link);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return; // no request is made
        }
        String url = ParsedUrls.remember(resolved).toString();
        URI sent = ParsedUrls.parse(url);
        assertThat(sent).isSameAs(resolved);
        assertThat(parts(sent)).isEqualTo(parts(URI.create(url)));
        String copy = new String(url.toCharArray());
        assertThat(ParsedUrls.parse(copy)).isNotSameAs(resolved).isEqualTo(URI.create(url));
    }

    private static List<String> parts(URI uri) {
        return Arrays.asList(uri.toString(), uri.getScheme(), uri.getRawUserInfo(), uri.getHost(),
                String.valueOf(uri.getPort()), uri.getRawAuthority(), uri.getRawPath(), uri.getRawQuery(),
                uri.getRawFragment(), String.valueOf(uri.isOpaque()));
    }

    static Stream<Arguments> manyLinks() {
        return SeededCases.cases(edgeLinks(), 3000, r -> arguments(link(r)));
    }

    static Stream<Arguments> links() {
        return SeededCases.cases(edgeLinks(), 1000, r -> arguments(link(r)));
    }

    /** Every scheme with every host, every port, every odd segment and the odd queries, each once. */
    private static List<Arguments> edgeLinks() {
        List<String> links = new ArrayList<>();
        for (String scheme : SCHEMES) {
            for (String host : HOSTS) {
                links.add(scheme + host);
            }
        }
        PORTS.stream().distinct().forEach(port -> links.add("https://api.example.com" + port + "/x"));
        ODD_SEGMENTS.forEach(segment -> links.add("https://api.example.com/" + segment));
        links.add("https://api.example.com/");
        links.add("https://api.example.com//");
        for (String query : List.of("?", "?a", "? ", "?#", "?%2B", "?a=b&c=d", "?|", "?{}")) {
            links.add("https://api.example.com/x" + query);
        }
        return combinations(links);
    }

    /** A scheme, a host, a port, up to four path segments and a query, each possibly odd. */
    private static String link(Random random) {
        StringBuilder path = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
            path.append('/').append(random.nextBoolean() ? string(random, SEGMENT_CHARS, 0, 6) : oneOf(random, ODD_SEGMENTS));
        }
        String query = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "?";
            default -> "?" + string(random, QUERY_CHARS, 1, 12);
        };
        return oneOf(random, SCHEMES) + oneOf(random, HOSTS) + oneOf(random, PORTS) + path + query;
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
