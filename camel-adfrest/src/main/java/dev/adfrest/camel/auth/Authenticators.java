package dev.adfrest.camel.auth;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.support.Durations;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/**
 * The one place that maps ADF's authenticationType to its {@link Authenticator}. Checks the type's required options
 * when the endpoint is created; signs in (if the type does) only when requests are made.
 */
public final class Authenticators {

    private Authenticators() {
    }

    /**
     * Checks the authentication options: the authenticator is only to be closed, not used (certificate resources and
     * TLS settings are not read yet).
     *
     * @throws IllegalArgumentException naming the option that is unknown or missing
     */
    public static Authenticator create(AdfRestConfiguration config) {
        return create(config, SignIn.checkOnly());
    }

    /**
     * The authenticator an endpoint signs in with.
     *
     * @param  camelContext             reads certificate resources and sslContextParameters
     * @param  retry                    how token requests are retried
     * @throws IllegalArgumentException naming the option that is unknown, missing or unusable
     */
    public static Authenticator create(AdfRestConfiguration config, CamelContext camelContext, SignInRetry retry)
            throws Exception {
        SSLContext ssl = config.getSslContextParameters() == null ? null
                : config.getSslContextParameters().createSSLContext(camelContext);
        Duration timeout = Durations.parse("httpRequestTimeout", config.getHttpRequestTimeout());
        Function<String, byte[]> resources = uri -> read(camelContext, uri);
        return create(config, new SignIn(ssl, timeout, resources, Clock.systemUTC(), retry, config.proxySettings()));
    }

    static Authenticator create(AdfRestConfiguration config, SignIn signIn) {
        AuthenticationType type = AuthenticationType.of(config.getAuthenticationType());
        if (config.getTokenCredential() != null) {
            if (type != AuthenticationType.AAD_SERVICE_PRINCIPAL && type != AuthenticationType.MANAGED_SERVICE_IDENTITY) {
                throw new IllegalArgumentException("Option 'tokenCredential' needs authenticationType="
                                                   + AuthenticationType.AAD_SERVICE_PRINCIPAL + " or "
                                                   + AuthenticationType.MANAGED_SERVICE_IDENTITY + ", not " + type);
            }
            return TokenCredentialAuthenticator.from(type.adfName(), config, signIn);
        }
        return switch (type) {
            case ANONYMOUS -> new AnonymousAuthenticator();
            case BASIC -> new BasicAuthenticator(
                    required(config.getUserName(), "userName", type.adfName()),
                    required(config.getPassword(), "password", type.adfName()));
            case AAD_SERVICE_PRINCIPAL -> AadServicePrincipalAuthenticator.from(config, signIn);
            case MANAGED_SERVICE_IDENTITY -> ManagedIdentityAuthenticator.from(config, signIn);
            case OAUTH2_CLIENT_CREDENTIAL -> OAuth2ClientCredentialAuthenticator.from(config, signIn);
        };
    }

    private static byte[] read(CamelContext camelContext, String uri) {
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(camelContext, uri)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Option '" + EmbeddedCertificate.OPTION + "' cannot be read from "
                                               + uri + ": " + e.getMessage());
        }
    }

    static String required(String value, String option, String type) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Option '" + option + "' is required with authenticationType=" + type);
        }
        return value;
    }
}
