package dev.adfrest.camel.http;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses that lead inside rather than to an API on the internet: loopback, link-local (169.254.0.0/16 with the
 * cloud metadata service at 169.254.169.254, fe80::/10), site-local / private (10/8, 172.16/12, 192.168/16), unique
 * local (fc00::/7), carrier-grade NAT (100.64/10), the unspecified address and multicast. A next link or redirect that
 * an API controls must not reach them unless the user said so (SSRF).
 */
final class InternalAddresses {

    private InternalAddresses() {
    }

    /** What kind of internal address this is, or null for an ordinary (public) one. */
    static String kind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (the cloud metadata service lives there)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private (site-local) address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique local address";
            }
            if (isIpv4Embedded(b)) { // ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) lead to IPv4 hosts
                try {
                    InetAddress v4 = InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16));
                    return kind(v4);
                } catch (java.net.UnknownHostException e) {
                    return null;
                }
            }
            return null;
        }
        if ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return "a carrier-grade NAT address";
        }
        if ((b[0] & 0xff) == 0) {
            return "an address of 'this network' (0.0.0.0/8)";
        }
        return null;
    }

    private static boolean isIpv4Embedded(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return (compatible || nat64) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
    }
}
