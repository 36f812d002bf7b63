package dev.adfrest.camel.testsupport;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** WireMock on 127.0.0.1 and JSON responses, for tests. */
public final class Pages {

    private Pages() {
    }

    /** A WireMock server on a free port of 127.0.0.1, never any other address. */
    public static WireMockExtension loopbackServer() {
        return WireMockExtension.newInstance()
                .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** The same with WireMock extensions, and threads enough to hold many requests at once. */
    public static WireMockExtension loopbackServer(Extension... extensions) {
        return WireMockExtension.newInstance()
                .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").containerThreads(64)
                        .extensions(extensions))
                .build();
    }

    /**
     * A WireMock server on 127.0.0.1 with both an http and an https port, its certificate self-signed
     * ({@link TestTls}).
     */
    public static WireMockExtension loopbackHttpAndHttpsServer() {
        return WireMockExtension.newInstance()
                .options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                        .keystorePath(TestTls.keyStore().toString()).keystorePassword(TestTls.PASSWORD)
                        .keyManagerPassword(TestTls.PASSWORD).keystoreType("PKCS12"))
                .build();
    }

    /** The server's base URL on 127.0.0.1 (never "localhost", which may resolve elsewhere first). */
    public static String baseUrl(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * A page of at least {@code size} bytes of records, {@code {"data":[...],"next":<next>}}: the next link at its very
     * end, as big exports have it.
     *
     * @param next the JSON of the next link: {@code null}, a quoted URL, an object
     */
    public static String recordsPage(int size, String next) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; sb.length() < size; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"record ").append(i).append("\"}");
        }
        return sb.append("],\"next\":").append(next).append('}').toString();
    }
}
