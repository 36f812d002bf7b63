package dev.adfrest.camel.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** allowedHosts: which targets a next link or redirect may have, before any connection and after DNS. */
class HostPolicyTest {

    private static void allowed(HostPolicy policy, String url) {
        assertThatCode(() -> policy.check(URI.create(url))).as(url).doesNotThrowAnyException();
    }

    private static void refused(HostPolicy policy, String url, String... messageParts) {
        assertThatThrownBy(() -> policy.check(URI.create(url))).as(url)
                .isInstanceOf(RefusedRequestException.class)
                .hasMessageContaining(url)
                .hasMessageContainingAll(messageParts.length == 0 ? new String[] { "refusing" } : messageParts);
    }

    @Test
    void byDefaultOnlyTheBaseUrlsHostAndPort() {
        HostPolicy policy = HostPolicy.of("https://api.example.com/v1", null);

        allowed(policy, "https://api.example.com/v1/items?page=2");
        allowed(policy, "https://API.example.com:443/x");
        refused(policy, "https://api.example.com:8443/x", "api.example.com:8443", "allowedHosts");
        refused(policy, "https://evil.example.net/x", "evil.example.net:443", "allowedHosts");
        refused(policy, "https://example.com/x", "allowedHosts");
    }

    @Test
    void aBaseUrlWithAPortAllowsThatPortOnly() {
        HostPolicy policy = HostPolicy.of("http://127.0.0.1:8080", null);

        allowed(policy, "http://127.0.0.1:8080/next");
        refused(policy, "http://127.0.0.1:9090/next", "127.0.0.1:9090");
        refused(policy, "http://127.0.0.1/next", "127.0.0.1:80");
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            "cdn.example.com,              https://cdn.example.com/x,       true",
            "cdn.example.com,              http://cdn.example.com/x,        false", // plain http from an https base
            "cdn.example.com,              https://cdn.example.com:8443/x,  false", // a bare host: the default port
            "cdn.example.com:8443,         https://cdn.example.com:8443/x,  true",
            "cdn.example.com:8443,         https://cdn.example.com/x,       false",
            "*.example.com,                https://a.b.example.com/x,       true",
            "*.example.com,                https://example.com/x,           false",
            "*.example.com,                https://evilexample.com/x,       false",
            "*.example.com:8443,           https://a.example.com:8443/x,    true",
            "http://cdn.example.com,       http://cdn.example.com/x,        true",
            "[2001:db8::1]:8443,           https://[2001:db8::1]:8443/x,    true",
            "*,                            https://anywhere.example.org:1/x, true",
    })
    void entries(String entry, String url, boolean allowed) {
        HostPolicy policy = HostPolicy.of("https://api.example.com", entry);
        if (allowed) {
            allowed(policy, url);
        } else {
            refused(policy, url);
        }
    }

    @Test
    void httpsToHttpIsRefusedEvenForTheSameHostAndWithStar() {
        refused(HostPolicy.of("https://api.example.com", null), "http://api.example.com/x", "from https to plain http",
                "http://api.example.com:80");
        refused(HostPolicy.of("https://api.example.com", "*"), "http://other.example.com/x", "from https to plain http");
        allowed(HostPolicy.of("http://api.example.com", null), "https://api.example.com/x"); // an upgrade is fine
    }

    /** Verdicts on targets already allowed are remembered (every page is checked): they must stay the same. */
    @Test
    void everyTargetGetsTheSameVerdictEachTimeItIsChecked() {
        HostPolicy policy = HostPolicy.of("https://api.example.com", "*.cdn.example.com");
        for (int round = 0; round < 3; round++) {
            allowed(policy, "https://api.example.com/x?page=" + round);
            allowed(policy, "https://API.example.com:443/y");
            refused(policy, "http://api.example.com/x", "from https to plain http");
            refused(policy, "https://api.example.com:8443/x", "allowedHosts");
            refused(policy, "https://169.254.169.254/latest/meta-data/", "allowedHosts");
            for (int i = 0; i < HostPolicy.MAX_REMEMBERED * 2; i++) {
                allowed(policy, "https://s" + i + ".cdn.example.com/x");
            }
            refused(policy, "https://evil.example.net/x", "evil.example.net:443");
            refused(policy, "https://cdn.example.com/x", "allowedHosts");
        }
        HostPolicy star = HostPolicy.of("https://api.example.com", "*");
        for (int round = 0; round < 3; round++) {
            allowed(star, "https://anywhere.example.org/x");
            refused(star, "https://127.0.0.1/x", "loopback");
        }
    }

    @Test
    void onlyHttpAndHttps() {
        refused(HostPolicy.of("https://api.example.com", "*"), "ftp://api.example.com/x", "scheme 'ftp'");
    }

    @Test
    void placeholdersInTheBaseHostMatchWhatRangeRulesFillIn() {
        HostPolicy policy = HostPolicy.of("https://shard{n}.example.com/v1", null);

        allowed(policy, "https://shard7.example.com/v1");
        refused(policy, "https://shard7.evil.com/v1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "api example.com", "https://", "*.*.example.com", "host:99999", "a/b" })
    void aBadEntryIsRefusedNamingTheOption(String entry) {
        assertThatThrownBy(() -> HostPolicy.of("https://api.example.com", entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowedHosts");
    }

    @Test
    void internalAddressesByLiteralAreRefusedBeforeAnyConnectionEvenWithStar() {
        HostPolicy policy = HostPolicy.of("https://api.example.com", "*");

        refused(policy, "https://169.254.169.254/latest/meta-data/", "link-local", "allowedHosts");
        refused(policy, "https://127.0.0.1/x", "loopback");
        refused(policy, "https://10.1.2.3/x", "private");
        refused(policy, "https://[fd00::1]/x", "unique local");
        refused(policy, "https://[::1]/x", "loopback");
    }

    @Test
    void anInternalAddressIsAllowedWhenItIsTheBaseUrlsOrNamedByAnEntry() {
        allowed(HostPolicy.of("http://10.0.0.5:8080/api", null), "http://10.0.0.5:8080/api?page=2");
        allowed(HostPolicy.of("https://api.example.com", "10.0.0.7"), "https://10.0.0.7/x");
        HostPolicy star = HostPolicy.of("https://api.example.com", "*");
        assertThat(star.mayReachInternal("localhost")).isFalse();
        assertThat(HostPolicy.of("https://api.example.com", "*,localhost:8080").mayReachInternal("localhost")).isTrue();
        assertThat(HostPolicy.of("https://api.example.com", "*.corp.example").mayReachInternal("db.corp.example")).isTrue();
        assertThat(HostPolicy.of("http://127.0.0.1:8080", null).mayReachInternal("127.0.0.1")).isTrue();
    }

    @Test
    void aNameThatResolvesToAnInternalAddressIsRefusedAfterDns() throws Exception {
        DnsResolver fake = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                // what a hostile DNS answer looks like: a public name that points at the metadata service
                return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { (byte) 169, (byte) 254, (byte) 169, (byte) 254 }) };
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        HostPolicy policy = HostPolicy.of("https://api.example.com", "*,trusted.example.com");
        GuardedDnsResolver resolver = new GuardedDnsResolver(policy, fake);

        assertThatThrownBy(() -> resolver.resolve("metadata.example.net", 443))
                .isInstanceOf(GuardedDnsResolver.InternalAddressException.class)
                .hasMessageContaining("'metadata.example.net' resolves to 169.254.169.254")
                .hasMessageContaining("link-local")
                .hasMessageContaining("allowedHosts");
        assertThat(resolver.resolve("trusted.example.com")).hasSize(1); // named by an entry: the user said so
        assertThat(resolver.resolve("api.example.com")).hasSize(1); // the base URL's host: the user chose it
    }
}
