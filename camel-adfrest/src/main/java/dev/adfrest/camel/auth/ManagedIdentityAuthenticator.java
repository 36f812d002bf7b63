package dev.adfrest.camel.auth;

import java.net.URI;
import java.util.List;

import com.azure.identity.ManagedIdentityCredentialBuilder;
import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.support.UrlOptions;

import static dev.adfrest.camel.auth.Authenticators.required;

/**
 * ADF's ManagedServiceIdentity: the Azure host's own identity (VM, App Service, Functions, AKS, Arc, ...) through
 * azure-identity's ManagedIdentityCredential; system-assigned, or user-assigned when managedIdentityClientId is set.
 * <p>
 * MSAL caches managed identity tokens for the whole JVM, as the platform's identity endpoint does for the host: after
 * a 401 the retry asks again, but gets a new token only once the cached one nears expiry.
 */
final class ManagedIdentityAuthenticator extends AzureCredentialAuthenticator {

    private ManagedIdentityAuthenticator(String principal, String aadResourceId, String clientId, URI endpoint,
                                         SignIn signIn) {
        super(AuthenticationType.MANAGED_SERVICE_IDENTITY.adfName(), principal, aadResourceId, () -> {
            ManagedIdentityCredentialBuilder builder = withTransport(new ManagedIdentityCredentialBuilder(),
                    signIn.direct()).maxRetry(signIn.retry().maxRetries());
            if (clientId != null) {
                builder.clientId(clientId);
            }
            if (endpoint != null) {
                builder.addPolicy(new IdentityEndpointPolicy(endpoint));
            }
            return builder.build();
        }, List.of(), signIn);
    }

    /**
     * @throws IllegalArgumentException naming the missing or bad option
     */
    static ManagedIdentityAuthenticator from(AdfRestConfiguration config, SignIn signIn) {
        String type = AuthenticationType.MANAGED_SERVICE_IDENTITY.adfName();
        String aadResourceId = required(config.getAadResourceId(), "aadResourceId", type);
        String clientId = blankToNull(config.getManagedIdentityClientId());
        String endpointOption = blankToNull(config.getManagedIdentityEndpoint());
        URI endpoint = endpointOption == null ? null
                // the platform's identity endpoints are plain http on loopback or the link-local metadata address
                : UrlOptions.checkSecretUrl("managedIdentityEndpoint", endpointOption, "169.254.169.254"::equals);
        String principal = (clientId == null ? "system-assigned identity" : "managedIdentityClientId '" + clientId + "'")
                           + (endpoint == null ? "" : " at " + endpoint);
        return new ManagedIdentityAuthenticator(principal, aadResourceId, clientId, endpoint, signIn);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
