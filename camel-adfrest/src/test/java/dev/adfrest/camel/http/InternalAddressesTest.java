package dev.adfrest.camel.http;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses a link from an API must not reach unless the user said so; parsed from literals, no DNS. */
class InternalAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1,        loopback",
            "127.9.9.9,        loopback",
            "::1,              loopback",
            "169.254.169.254,  link-local",
            "169.254.0.1,      link-local",
            "fe80::1,          link-local",
            "10.0.0.1,         private",
            "172.16.5.4,       private",
            "172.31.255.255,   private",
            "192.168.1.1,      private",
            "fd12:3456::1,     unique local",
            "fc00::1,          unique local",
            "100.64.0.1,       carrier-grade NAT",
            "0.0.0.0,          unspecified",
            "::ffff:127.0.0.1, loopback",
            "::ffff:169.254.169.254, link-local",
            "64:ff9b::a9fe:a9fe, link-local",
            "224.0.0.1,        multicast",
    })
    void internal(String literal, String kind) throws Exception {
        assertThat(InternalAddresses.kind(InetAddress.getByName(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888", "93.184.216.34" })
    void public_(String literal) throws Exception {
        assertThat(InternalAddresses.kind(InetAddress.getByName(literal))).isNull();
    }
}
