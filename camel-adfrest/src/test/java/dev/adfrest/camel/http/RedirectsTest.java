package dev.adfrest.camel.http;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The component's own redirect rules (HttpClient's are off). */
class RedirectsTest {

    private static final Redirects.Hop POST = new Redirects.Hop("POST", URI.create("https://api.example.com/search"),
            "{\"q\":\"x\"}");
    private static final Redirects.Hop GET = new Redirects.Hop("GET", URI.create("https://api.example.com/a/b"), null);

    @Test
    void aRelativeLocationResolvesAgainstTheHop() throws Exception {
        assertThat(Redirects.next(GET, 302, "../c?x=1#frag", 0).uri()).hasToString("https://api.example.com/c?x=1");
    }

    @Test
    void seeOtherAndAPostMovedBecomeAGetWithoutBody() throws Exception {
        for (int status : new int[] { 301, 302, 303 }) {
            Redirects.Hop next = Redirects.next(POST, status, "/results/1", 0);
            assertThat(next.method()).isEqualTo("GET");
            assertThat(next.body()).isNull();
        }
        assertThat(Redirects.next(GET, 303, "/x", 0).method()).isEqualTo("GET");
    }

    @Test
    void temporaryAndPermanentRedirectsKeepMethodAndBodyOnTheSameOrigin() throws Exception {
        for (int status : new int[] { 307, 308 }) {
            Redirects.Hop next = Redirects.next(POST, status, "/search-v2", 0);
            assertThat(next.method()).isEqualTo("POST");
            assertThat(next.body()).isEqualTo(POST.body());
        }
    }

    @Test
    void aBodyIsNeverSentToAnotherOriginByA307Or308() {
        assertThatThrownBy(() -> Redirects.next(POST, 307, "https://collector.example.net/search", 0))
                .isInstanceOf(RefusedRequestException.class)
                .hasMessageContaining("request body to another origin")
                .hasMessageContaining("https://collector.example.net/search");
        assertThatThrownBy(() -> Redirects.next(POST, 308, "https://api.example.com:8443/search", 0))
                .isInstanceOf(RefusedRequestException.class);
    }

    @Test
    void atMostAHandful() throws Exception {
        assertThat(Redirects.next(GET, 302, "/x", Redirects.MAX - 1).uri().getPath()).isEqualTo("/x");
        assertThatThrownBy(() -> Redirects.next(GET, 302, "/x", Redirects.MAX))
                .isInstanceOf(RefusedRequestException.class)
                .hasMessageContaining("more than " + Redirects.MAX + " redirects");
    }

    @Test
    void aLocationThatIsNotAUrlIsRefused() {
        assertThatThrownBy(() -> Redirects.next(GET, 302, "http://bad host/", 0))
                .isInstanceOf(RefusedRequestException.class)
                .hasMessageContaining("not a URL");
    }
}
