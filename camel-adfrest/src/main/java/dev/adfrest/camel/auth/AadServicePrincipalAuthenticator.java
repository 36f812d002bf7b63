package dev.adfrest.camel.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import dev.adfrest.camel.AdfRestConfiguration;

import static dev.adfrest.camel.auth.Authenticators.required;

/**
 * ADF's AadServicePrincipal: a Microsoft Entra ID application signs in with its key (client secret) or certificate,
 * through azure-identity's ClientSecretCredential / ClientCertificateCredential, at the sign-in host of its cloud.
 */
final class AadServicePrincipalAuthenticator extends AzureCredentialAuthenticator {

    static final String KEY = "ServicePrincipalKey";
    static final String CERT = "ServicePrincipalCert";

    private AadServicePrincipalAuthenticator(String principal, String aadResourceId, Supplier<TokenCredential> credentials,
                                             List<String> secrets, SignIn signIn) {
        super(AuthenticationType.AAD_SERVICE_PRINCIPAL.adfName(), principal, aadResourceId, credentials, secrets, signIn);
    }

    /**
     * @throws IllegalArgumentException naming the missing or bad option
     */
    static AadServicePrincipalAuthenticator from(AdfRestConfiguration config, SignIn signIn) {
        String type = AuthenticationType.AAD_SERVICE_PRINCIPAL.adfName();
        String clientId = required(config.getServicePrincipalId(), "servicePrincipalId", type).trim();
        String tenant = checkTenant(required(config.getTenant(), "tenant", type).trim());
        String aadResourceId = required(config.getAadResourceId(), "aadResourceId", type);
        AzureCloud cloud = AzureCloud.of(config.getAzureCloudType());
        String authorityHost = config.getAuthorityHost() == null || config.getAuthorityHost().isBlank()
                ? cloud.authorityHost() : checkAuthorityHost(config.getAuthorityHost().trim());
        String principal = "servicePrincipalId '" + clientId + "' in tenant '" + tenant + "' at " + authorityHost;

        Supplier<TokenCredential> credentials;
        List<String> secrets = new ArrayList<>();
        String credentialType = credentialType(config.getServicePrincipalCredentialType());
        if (KEY.equals(credentialType)) {
            String key = required(config.getServicePrincipalKey(), "servicePrincipalKey", type + " (" + KEY + ")");
            secrets.add(key);
            credentials = () -> {
                ClientSecretCredentialBuilder builder = withTransport(new ClientSecretCredentialBuilder(), signIn)
                        .retryOptions(retryOptions(signIn.retry()))
                        .clientId(clientId).tenantId(tenant).clientSecret(key)
                        .authorityHost(authorityHost);
                if (!AzureCloud.isKnownAuthorityHost(authorityHost)) {
                    builder.disableInstanceDiscovery(); // else MSAL asks Microsoft's host to vouch for this one
                }
                return builder.build();
            };
        } else {
            String value = required(config.getServicePrincipalEmbeddedCert(), EmbeddedCertificate.OPTION,
                    type + " (" + CERT + ")");
            String password = config.getServicePrincipalEmbeddedCertPassword() == null ? ""
                    : config.getServicePrincipalEmbeddedCertPassword();
            secrets.add(value);
            secrets.add(config.getServicePrincipalEmbeddedCertPassword());
            EmbeddedCertificate certificate = EmbeddedCertificate.read(value, password, signIn.resources());
            credentials = () -> {
                ClientCertificateCredentialBuilder builder = withTransport(new ClientCertificateCredentialBuilder(), signIn)
                        .retryOptions(retryOptions(signIn.retry()))
                        .clientId(clientId).tenantId(tenant)
                        .authorityHost(authorityHost);
                if (certificate.isPem()) {
                    builder.pemCertificate(certificate.open());
                } else {
                    builder.pfxCertificate(certificate.open()).clientCertificatePassword(password);
                }
                if (!AzureCloud.isKnownAuthorityHost(authorityHost)) {
                    builder.disableInstanceDiscovery();
                }
                return builder.build();
            };
        }
        return new AadServicePrincipalAuthenticator(principal, aadResourceId, credentials, secrets, signIn);
    }

    private static String credentialType(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase(KEY)) {
            return KEY;
        }
        if (value.trim().equalsIgnoreCase(CERT)) {
            return CERT;
        }
        throw new IllegalArgumentException("Option 'servicePrincipalCredentialType' has unknown value '" + value
                                           + "'. Supported: " + KEY + ", " + CERT);
    }

    /** A tenant ID or domain name; azure-identity refuses anything else only at the first sign-in. */
    private static String checkTenant(String tenant) {
        if (!tenant.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("Option 'tenant' must be a tenant ID or domain name (letters, digits,"
                                               + " '.' and '-'), but is '" + tenant + "'");
        }
        return tenant;
    }

    /** azure-identity signs in over https only, and MSAL needs a host. */
    static String checkAuthorityHost(String host) {
        try {
            URI uri = new URI(host);
            if (uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
                && uri.getHost() != null) {
                return host;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("Option 'authorityHost' must be an https URL such as"
                                           + " https://login.example.org/, but is '" + host + "'");
    }
}
