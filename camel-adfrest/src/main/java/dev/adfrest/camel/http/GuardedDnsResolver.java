package dev.adfrest.camel.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The connection pool's DNS resolver: resolves as the JVM does, then refuses a host whose addresses include an
 * internal one ({@link InternalAddresses}) unless the {@link HostPolicy} lets that host reach internal addresses. The
 * address checked is the address connected to: a name that resolves to 127.0.0.1, or to the cloud metadata service,
 * is caught however it was spelled, and a second DNS answer cannot slip in between the check and the connection.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** A host refused for where it resolves to; HttpClient passes it on as the UnknownHostException it is. */
    static final class InternalAddressException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        InternalAddressException(String message) {
            super(message);
        }
    }

    private final HostPolicy policy;
    private final DnsResolver system;

    GuardedDnsResolver(HostPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE);
    }

    GuardedDnsResolver(HostPolicy policy, DnsResolver system) {
        this.policy = policy;
        this.system = system;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = system.resolve(host);
        if (addresses != null && !policy.mayReachInternal(host)) {
            for (InetAddress address : addresses) {
                String kind = InternalAddresses.kind(address);
                if (kind != null) {
                    throw new InternalAddressException("'" + host + "' resolves to " + address.getHostAddress()
                                                       + ", " + HostPolicy.internalReason(host, kind));
                }
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> result = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            result.add(new InetSocketAddress(address, port));
        }
        return result;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
    }
}
