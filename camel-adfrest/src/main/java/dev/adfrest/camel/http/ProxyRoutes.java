package dev.adfrest.camel.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import dev.adfrest.camel.support.ProxySettings;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Sends the API's requests through the proxy {@link ProxySettings} names (HttpClient tunnels https with CONNECT, so
 * the proxy sees only the host and port of an https API), and answers the proxy's 407 with the proxy's credentials:
 * they are offered for the proxy's own host and port only, never to the API or a host a link leads to.
 */
final class ProxyRoutes {

    private ProxyRoutes() {
    }

    static void apply(HttpClientBuilder builder, ProxySettings proxy) {
        if (!proxy.explicit() && !proxy.useSystemProperties()) {
            return;
        }
        builder.setRoutePlanner(new DefaultRoutePlanner(null) {
            @Override
            protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                Proxy p;
                try {
                    p = proxy.proxyFor(new URI(target.getSchemeName(), null, target.getHostName(), target.getPort(),
                            null, null, null));
                } catch (URISyntaxException e) {
                    return null;
                }
                if (p.type() != Proxy.Type.HTTP || !(p.address() instanceof InetSocketAddress address)) {
                    return null; // direct (SOCKS proxies of the JVM are not supported: the request goes directly)
                }
                return new HttpHost("http", address.getHostString(), address.getPort());
            }
        });
        if (proxy.hasCredentials()) {
            builder.setDefaultCredentialsProvider(new ProxyCredentials(proxy));
        }
    }

    /**
     * The pool's DNS resolver: the proxy's own host (named by the operator, often an internal address) resolves
     * without the internal-address guard; every other host goes through {@code guarded}. Through a proxy the API's
     * host is resolved by the proxy, not here: only its name is checked (HostPolicy).
     */
    static DnsResolver resolver(DnsResolver guarded, ProxySettings proxy) {
        if (!proxy.explicit() && !proxy.useSystemProperties()) {
            return guarded;
        }
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return proxy.isProxyHost(host) ? SystemDefaultDnsResolver.INSTANCE.resolve(host) : guarded.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return guarded.resolveCanonicalHostname(host);
            }
        };
    }

    /** The proxy's credentials, for the proxy's host and port only. */
    private record ProxyCredentials(ProxySettings proxy) implements CredentialsProvider {

        @Override
        public Credentials getCredentials(AuthScope scope, HttpContext context) {
            PasswordAuthentication pa = proxy.credentialsFor(scope.getHost(), scope.getPort());
            return pa == null ? null : new UsernamePasswordCredentials(pa.getUserName(), pa.getPassword());
        }
    }
}
