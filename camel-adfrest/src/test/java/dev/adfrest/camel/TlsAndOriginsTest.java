package dev.adfrest.camel;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.Pages;
import dev.adfrest.camel.testsupport.Runs;
import dev.adfrest.camel.testsupport.TestTls;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** TLS verified by default; credentials stay with their origin; allowedHosts keeps next links home. */
class TlsAndOriginsTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer();

    /** Another origin: same host, another port. */
    @RegisterExtension
    static WireMockExtension elsewhere = Pages.loopbackServer();

    @RegisterExtension
    static WireMockExtension https = Pages.loopbackHttpAndHttpsServer();

    /** Next links and redirects to another port of the same host need allowedHosts (the default keeps them home). */
    private static String elsewhereAllowed() {
        return "allowedHosts=127.0.0.1:" + elsewhere.getPort();
    }

    private static String httpsUrl(String path) {
        return "https://127.0.0.1:" + https.getHttpsPort() + path;
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefaultWithAClearMessage() throws Exception {
        https.stubFor(get(urlEqualTo("/tls")).willReturn(Pages.json("{}")));

        Exchange error = Runs.firstError(context, "adfrest:" + httpsUrl("/tls") + "?repeatCount=1&initialDelay=0");

        AdfRestException e = error.getProperty(Exchange.EXCEPTION_CAUGHT, AdfRestException.class);
        assertThat(e.getMessage()).contains("Page 1", "/tls", "certificate", "sslContextParameters",
                "enableServerCertificateValidation");
        https.verify(0, getRequestedFor(urlEqualTo("/tls")));
    }

    @Test
    void certificateValidationCanBeTurnedOffAsInAdf() throws Exception {
        https.stubFor(get(urlEqualTo("/tls-off")).willReturn(Pages.json("{\"ok\":true}")));

        Exchange page = Runs.copyOnce(context, "adfrest:" + httpsUrl("/tls-off")
                + "?enableServerCertificateValidation=false&repeatCount=1&initialDelay=0", 1).get(0);

        assertThat(page.getMessage().getBody(String.class)).contains("ok");
    }

    @Test
    void aTrustStoreThroughSslContextParametersIsUsed() throws Exception {
        https.stubFor(get(urlEqualTo("/tls-trust")).willReturn(Pages.json("{\"ok\":true}")));
        KeyStoreParameters trust = new KeyStoreParameters();
        trust.setResource("file:" + TestTls.trustStore());
        trust.setPassword(TestTls.PASSWORD);
        trust.setType("PKCS12");
        TrustManagersParameters managers = new TrustManagersParameters();
        managers.setKeyStore(trust);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(managers);
        context.getRegistry().bind("tls", tls);

        Exchange page = Runs.copyOnce(context, "adfrest:" + httpsUrl("/tls-trust")
                + "?sslContextParameters=#tls&repeatCount=1&initialDelay=0", 1).get(0);

        assertThat(page.getMessage().getBody(String.class)).contains("ok");
    }

    @Test
    void credentialsAreNotSentToANextLinkOnAnotherOrigin() throws Exception {
        api.stubFor(get(urlEqualTo("/home")).willReturn(Pages.json(
                "{\"next\":\"" + Pages.baseUrl(elsewhere) + "/away\"}")));
        elsewhere.stubFor(get(urlEqualTo("/away")).willReturn(Pages.json("{}")));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/home?authenticationType=Basic&userName=u&password=p"
                + "&authHeaders.x-api-key=k1&additionalHeaders.x-trace=t1&" + elsewhereAllowed()
                + "&paginationRules.AbsoluteUrl=$.next&requestInterval=0&repeatCount=1&initialDelay=0", 2);

        api.verify(getRequestedFor(urlEqualTo("/home"))
                .withHeader("Authorization", equalTo("Basic dTpw")).withHeader("x-api-key", equalTo("k1")));
        elsewhere.verify(getRequestedFor(urlEqualTo("/away"))
                .withHeader("Authorization", absent()).withHeader("x-api-key", absent())
                .withHeader("x-trace", equalTo("t1"))); // ordinary headers still go
    }

    @Test
    void allowCrossOriginCredentialsSendsThemAnyway() throws Exception {
        api.stubFor(get(urlEqualTo("/home2")).willReturn(Pages.json(
                "{\"next\":\"" + Pages.baseUrl(elsewhere) + "/away2\"}")));
        elsewhere.stubFor(get(urlEqualTo("/away2")).willReturn(Pages.json("{}")));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/home2?authHeaders.x-api-key=k2"
                + "&allowCrossOriginCredentials=true&" + elsewhereAllowed()
                + "&paginationRules.AbsoluteUrl=$.next&requestInterval=0&repeatCount=1&initialDelay=0", 2);

        elsewhere.verify(getRequestedFor(urlEqualTo("/away2")).withHeader("x-api-key", equalTo("k2")));
    }

    @Test
    void aRedirectToAnotherOriginDropsCredentials() throws Exception {
        api.stubFor(get(urlEqualTo("/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", Pages.baseUrl(elsewhere) + "/new-home")));
        elsewhere.stubFor(get(urlEqualTo("/new-home")).willReturn(Pages.json("{}")));

        Runs.copyOnce(context, "adfrest:" + Pages.baseUrl(api) + "/moved?authenticationType=Basic&userName=u&password=p"
                + "&authHeaders.x-api-key=k3&" + elsewhereAllowed() + "&repeatCount=1&initialDelay=0", 1);

        elsewhere.verify(getRequestedFor(urlEqualTo("/new-home"))
                .withHeader("Authorization", absent()).withHeader("x-api-key", absent()));
    }

    @Test
    void allowedHostsRefusesANextLinkElsewhereNamingTheHost() throws Exception {
        api.stubFor(get(urlEqualTo("/ssrf")).willReturn(Pages.json("{\"next\":\"http://localhost:"
                + elsewhere.getPort() + "/internal\"}")));
        elsewhere.stubFor(get(urlEqualTo("/internal")).willReturn(Pages.json("{}")));

        Exchange error = Runs.firstError(context, "adfrest:" + Pages.baseUrl(api) + "/ssrf?allowedHosts=api.example.com"
                + "&paginationRules.AbsoluteUrl=$.next&requestInterval=0&repeatCount=1&initialDelay=0");

        assertThat(error.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage())
                .contains("localhost", "allowedHosts");
        elsewhere.verify(0, getRequestedFor(urlEqualTo("/internal")));
    }
}
