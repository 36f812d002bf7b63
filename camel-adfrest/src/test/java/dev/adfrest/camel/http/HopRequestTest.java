package dev.adfrest.camel.http;

import java.net.URI;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.net.URIAuthority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request HttpTransport sends keeps the URI it was made from, so that the credentials' interceptor does not have
 * HttpCore assemble and parse it again on every page: it must give what HttpCore gives.
 */
class HopRequestTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://graph.example.com/v1.0/users?$top=100&$skiptoken=X%2BY", "http://127.0.0.1:8080/a/b",
            "http://[::1]:9000/x?q=1", "https://api.example.com", "https://api.example.com?x=1",
            "https://user@api.example.com/x", "https://api.example.com/x#frag", "HTTPS://API.Example.com:443/x?a=%20+b",
            "https://api.example.com/%7Efoo/./bar?" })
    void givesTheUriHttpCoreWouldBuild(String url) throws Exception {
        URI uri = URI.create(url);

        assertThat(new HttpTransport.HopRequest("GET", uri).getUri())
                .isEqualTo(new HttpUriRequestBase("GET", uri).getUri());
    }

    @ParameterizedTest
    @ValueSource(strings = { "authority", "path", "scheme" })
    void aChangedTargetIsHttpCoresToAssemble(String changed) throws Exception {
        HttpTransport.HopRequest request = new HttpTransport.HopRequest("GET", URI.create("https://a.example.com/x?p=1"));
        switch (changed) {
            case "authority" -> request.setAuthority(new URIAuthority("b.example.com", 8443));
            case "path" -> request.setPath("/y?p=2");
            default -> request.setScheme("http");
        }

        URI expected = URI.create(switch (changed) {
            case "authority" -> "https://b.example.com:8443/x?p=1";
            case "path" -> "https://a.example.com/y?p=2";
            default -> "http://a.example.com/x?p=1";
        });
        assertThat(request.getUri()).isEqualTo(expected);
    }
}
