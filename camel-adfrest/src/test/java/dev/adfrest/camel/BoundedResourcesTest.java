package dev.adfrest.camel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.RawHttpServer;
import dev.adfrest.camel.testsupport.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile server cannot make a run hold memory, a thread or the CPU for long: header lines and counts are bounded,
 * a declared length is not an allocation, an error body is read up to its excerpt, a trickling answer meets the call
 * timeout, and a number of a million digits is refused instead of converted.
 */
class BoundedResourcesTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    private Exception failure(String baseUrl, String options) throws Exception {
        Exchange error = Runs.firstError(context, "adfrest:" + baseUrl + "/x?requestInterval=0&repeatCount=1"
                                                  + "&initialDelay=0&maxRetries=0" + options);
        return error.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    @Test
    void aHeaderLineOfAHundredKilobytesIsRefused() throws Exception {
        try (RawHttpServer server = new RawHttpServer(c -> c.write("HTTP/1.1 200 OK\r\nX-Padding: " + "a".repeat(100_000)
                                                                   + "\r\nContent-Length: 2\r\n\r\n{}"))) {
            Exception e = failure(server.baseUrl(), "");

            assertThat(e).isInstanceOf(AdfRestPageException.class).hasMessageContaining("response headers are over the limit");
            assertThat(server.requestLines()).containsExactly("GET /x HTTP/1.1");
        }
    }

    @Test
    void tenThousandHeadersAreRefused() throws Exception {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 10_000; i++) {
            head.append("X-H").append(i).append(": v\r\n");
        }
        try (RawHttpServer server = new RawHttpServer(c -> c.write(head + "Content-Length: 2\r\n\r\n{}"))) {
            Exception e = failure(server.baseUrl(), "");

            assertThat(e).isInstanceOf(AdfRestPageException.class).hasMessageContaining("response headers are over the limit");
        }
    }

    @Test
    void ofAnErrorBodyOnlyTheExcerptIsReadAndTheConnectionDropped() throws Exception {
        try (RawHttpServer server = new RawHttpServer(c -> {
            c.write("HTTP/1.1 500 Server Error\r\nContent-Type: text/plain\r\nContent-Length: 1000000000\r\n\r\n");
            byte[] chunk = "x".repeat(8192).getBytes();
            while (true) {
                c.write(chunk); // a gigabyte of error page, if anyone reads it
            }
        })) {
            Exception e = failure(server.baseUrl(), "");

            assertThat(e).isInstanceOf(AdfRestHttpException.class);
            assertThat(((AdfRestHttpException) e).getResponseBody()).hasSize(1024);
            assertThat(server.clientHungUpWithin(20)).as("the client hung up").isTrue();
            assertThat(server.written()).as("bytes the server got out before that").isLessThan(50_000_000L);
        }
    }

    @Test
    void aBodyTrickledAByteAtATimeMeetsTheCallTimeout() throws Exception {
        try (RawHttpServer server = new RawHttpServer(c -> {
            c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[");
            while (true) {
                c.pause(50); // never silent long enough for readTimeout, never done
                c.write("1,");
            }
        })) {
            Exception e = failure(server.baseUrl(), "&callTimeout=1s&readTimeout=5m");

            assertThat(e).isInstanceOf(AdfRestTransportException.class)
                    .hasMessageContaining("callTimeout").hasMessageContaining("1000 ms");
            assertThat(server.clientHungUpWithin(20)).isTrue();
        }
    }

    @Test
    void headersTrickledAByteAtATimeMeetTheCallTimeoutToo() throws Exception {
        try (RawHttpServer server = new RawHttpServer(c -> {
            c.write("HTTP/1.1 200 OK\r\n");
            while (true) {
                c.pause(50);
                c.write("X: y\r\n");
            }
        })) {
            Exception e = failure(server.baseUrl(), "&callTimeout=1s&httpRequestTimeout=5m");

            assertThat(e).isInstanceOf(AdfRestTransportException.class).hasMessageContaining("callTimeout");
        }
    }

    @Test
    void aMillionDigitNumberInAnEndConditionIsAClearError() throws Exception {
        api.stubFor(get(urlEqualTo("/x")).willReturn(Pages.json("{\"total\":\"" + "9".repeat(1_000_000) + "\"}")));

        Exception e = failure(Pages.baseUrl(api), "&paginationRules=RAW({\"EndCondition:$.total\":\"Const:1\"})"
                                                  + "&maxResponseSize=2000000");

        assertThat(e).isInstanceOf(AdfRestPaginationException.class)
                .hasMessageContaining("EndCondition:$.total")
                .hasMessageContaining("a number of 1000000 characters");
    }

    @Test
    void aMillionDigitNumberInAMappedColumnIsAClearError() throws Exception {
        api.stubFor(get(urlEqualTo("/x")).willReturn(Pages.json("{\"data\":[{\"n\":\"" + "9".repeat(1_000_000) + "\"}]}")));

        Exception e = failure(Pages.baseUrl(api), "&translator=RAW({\"type\":\"TabularTranslator\",\"collectionReference\":"
                                                  + "\"$.data\",\"mappings\":[{\"source\":{\"path\":\"n\"},\"sink\":{\"name\":"
                                                  + "\"n\",\"type\":\"Decimal\"}}]})");

        assertThat(e).isInstanceOf(AdfRestMappingException.class).hasMessageContaining("1000000 characters");
    }

    @Test
    void aMillionDigitJsonNumberIsRefusedByTheParser() throws Exception {
        api.stubFor(get(urlEqualTo("/x")).willReturn(Pages.json("{\"n\":" + "9".repeat(1_000_000) + "}")));

        Exception e = failure(Pages.baseUrl(api), "&collectionReference=$");

        assertThat(e).isInstanceOf(AdfRestPageException.class).hasMessageContaining("not valid JSON")
                .hasMessageContaining("Number value length");
    }

    /** maxResponseSize counts the bytes after decompression: 1 MB of zeros gzipped to 1 KiB is still 1 MB. */
    @Test
    void aGzippedPageIsMeasuredAfterDecompression() throws Exception {
        byte[] zeros = ("{\"data\":\"" + "0".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        api.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(gzip(zeros))));

        Exception e = failure(Pages.baseUrl(api), "&maxResponseSize=100000");

        assertThat(e).isInstanceOf(AdfRestPageException.class);
        assertThat(e.getMessage()).contains("Page 1", "maxResponseSize", "100000");
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
