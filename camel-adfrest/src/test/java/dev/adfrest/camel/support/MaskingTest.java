package dev.adfrest.camel.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.adfrest.camel.testsupport.SeededCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SeededCases.class)
class MaskingTest {

    @Test
    void masksUserInfoAndCredentialQueryParameters() {
        assertThat(Masking.maskUrl("https://bob:hunter2@api.example.com/x?api_key=K1&limit=5&access_token=T&sig=S"))
                .isEqualTo("https://bob:xxxxxx@api.example.com/x?api_key=xxxxxx&limit=5&access_token=xxxxxx&sig=xxxxxx");
    }

    @Test
    void keepsPaginationCursorsVisible() {
        assertThat(Masking.maskUrl("https://api.example.com/x?pageToken=abc&nextPageToken=def&cursor=g&offset=10"))
                .isEqualTo("https://api.example.com/x?pageToken=abc&nextPageToken=def&cursor=g&offset=10");
    }

    @Test
    void scrubsKnownSecretValuesAnywhere() {
        Masking masking = Masking.of(List.of("s3cr3t-value", "k"));
        assertThat(masking.scrub("failed with s3cr3t-value in it")).isEqualTo("failed with xxxxxx in it");
        assertThat(masking.url("https://api.example.com/x?q=s3cr3t-value")).isEqualTo("https://api.example.com/x?q=xxxxxx");
    }

    /**
     * maskUrl copies a URL only when it masks something, and SecretNames remembers its verdicts: it must mask exactly
     * what the plain implementation (split the query, decode and judge every name) masks.
     */
    @ParameterizedTest
    @MethodSource("urls")
    void masksWhatSplittingTheQueryAndJudgingEveryNameMasks(String url) {
        assertThat(Masking.maskUrl(url)).isEqualTo(plainMaskUrl(url));
        assertThat(Masking.maskUrl(url)).as("again, from remembered verdicts").isEqualTo(plainMaskUrl(url));
    }

    static Stream<Arguments> urls() {
        List<Arguments> fixed = Stream.of("https://h/x", "https://h/x?", "https://h/x?&", "https://h/x?=", "https://h/x?sig",
                "https://h/x?sig=", "https://h/x?sig=1&", "https://h/x?a=1&&sig=2#f", "https://h/x?a=1#sig=2",
                "https://h/x?%73ig=1&api%5Fkey=2&access+token=3&%zz=4", "https://u:p@h/x?code=1&code=2",
                "https://h/x?$top=10&$skiptoken=abc", "https://h/x?sig=a=b&next=c").map(Arguments::of).toList();
        return SeededCases.cases(fixed, 2000, MaskingTest::randomUrl);
    }

    private static final String[] NAMES = { "api_key", "API_KEY", "$skiptoken", "$top", "sig", "Sig", "%73ig", "a+b",
            "access%5Ftoken", "page", "cursor", "code", "", "x", "%", "key%2", "X-Amz-Signature", "keywords" };
    private static final String[] PIECES = { "1", "abc", "", "=", "%3D", "+", "%", "&", "?", "#", "@" };

    private static Arguments randomUrl(Random random) {
        StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://" : "http://user:pw@");
        url.append("api.example.com/v1/x");
        if (random.nextInt(10) > 0) {
            url.append('?');
            for (int i = random.nextInt(6); i >= 0; i--) {
                url.append(NAMES[random.nextInt(NAMES.length)]);
                if (random.nextInt(5) > 0) {
                    url.append('=');
                }
                for (int j = random.nextInt(3); j > 0; j--) {
                    url.append(PIECES[random.nextInt(PIECES.length)]);
                }
                if (i > 0) {
                    url.append('&');
                }
            }
        }
        if (random.nextInt(4) == 0) {
            url.append('#').append(NAMES[random.nextInt(NAMES.length)]).append("=1");
        }
        return Arguments.of(url.toString());
    }

    /** What maskUrl did before it learnt to copy only when needed: the reference for the test above. */
    private static String plainMaskUrl(String url) {
        String result = url.indexOf('@') < 0 ? url
                : Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@?#]*)@").matcher(url).replaceFirst(m -> {
                    String info = m.group(2);
                    int colon = info.indexOf(':');
                    String user = colon < 0 ? info : info.substring(0, colon);
                    return Matcher.quoteReplacement(m.group(1) + user + ":" + Masking.MASK + "@");
                });
        int q = result.indexOf('?');
        if (q < 0) {
            return result;
        }
        int hash = result.indexOf('#', q);
        String query = hash < 0 ? result.substring(q + 1) : result.substring(q + 1, hash);
        StringBuilder sb = new StringBuilder().append(result, 0, q + 1);
        String[] parts = query.split("&", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('&');
            }
            int eq = parts[i].indexOf('=');
            String name = eq > 0 ? parts[i].substring(0, eq) : null;
            String decoded;
            try {
                decoded = name == null ? null : URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = name;
            }
            sb.append(decoded != null && SecretNames.looksSecret(decoded) ? name + "=" + Masking.MASK : parts[i]);
        }
        return hash >= 0 ? sb.append(result.substring(hash)).toString() : sb.toString();
    }
}
