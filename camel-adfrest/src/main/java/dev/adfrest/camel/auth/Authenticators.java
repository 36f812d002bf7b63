package dev.adfrest.camel.auth;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

    private static final List<String> TYPES = List.of(AdfRestConfiguration.ANONYMOUS, AdfRestConfiguration.BASIC,
            AdfRestConfiguration.AAD_SERVICE_PRINCIPAL, AdfRestConfiguration.MANAGED_SERVICE_IDENTITY,
            AdfRestConfiguration.OAUTH2_CLIENT_CREDENTIAL);

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
     * @throws IllegalArgumentException naming the option that is unknown, missing or unusable
     */
    public static Authenticator create(AdfRestConfiguration config, CamelContext camelContext) throws Exception {
        SSLContext ssl = config.getSslContextParameters() == null ? null
                : config.getSslContextParameters().createSSLContext(camelContext);
        Duration timeout = Durations.parse("httpRequestTimeout", config.getHttpRequestTimeout());
        Function<String, byte[]> resources = uri -> read(camelContext, uri);
        return create(config, new SignIn(ssl, timeout, resources, Clock.systemUTC()));
    }

    static Authenticator create(AdfRestConfiguration config, SignIn signIn) {
        String type = type(config.getAuthenticationType());
        if (config.getTokenCredential() != null) {
            if (!type.equals(AdfRestConfiguration.AAD_SERVICE_PRINCIPAL)
                && !type.equals(AdfRestConfiguration.MANAGED_SERVICE_IDENTITY)) {
                throw new IllegalArgumentException("Option 'tokenCredential' needs authenticationType="
                                                   + AdfRestConfiguration.AAD_SERVICE_PRINCIPAL + " or "
                                                   + AdfRestConfiguration.MANAGED_SERVICE_IDENTITY + ", not " + type);
            }
            return TokenCredentialAuthenticator.from(type, config, signIn);
        }
        return switch (type) {
            case AdfRestConfiguration.ANONYMOUS -> new AnonymousAuthenticator();
            case AdfRestConfiguration.BASIC -> new BasicAuthenticator(
                    required(config.getUserName(), "userName", type),
                    required(config.getPassword(), "password", type));
            case AdfRestConfiguration.AAD_SERVICE_PRINCIPAL -> AadServicePrincipalAuthenticator.from(config, signIn);
            case AdfRestConfiguration.MANAGED_SERVICE_IDENTITY -> ManagedIdentityAuthenticator.from(config, signIn);
            case AdfRestConfiguration.OAUTH2_CLIENT_CREDENTIAL -> OAuth2ClientCredentialAuthenticator.from(config, signIn);
            default -> throw new IllegalStateException(type);
        };
    }

    /** ADF's type name, whatever its letter case; null or blank is Anonymous. */
    private static String type(String value) {
        if (value == null || value.isBlank()) {
            return AdfRestConfiguration.ANONYMOUS;
        }
        for (String type : TYPES) {
            if (type.equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("Option 'authenticationType' has unknown value '" + value
                                           + "'. Supported: " + String.join(", ", TYPES));
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
