package dev.adfrest.camel.auth;

import java.util.List;

import com.azure.core.credential.TokenCredential;
import dev.adfrest.camel.AdfRestConfiguration;

import static dev.adfrest.camel.auth.Authenticators.required;

/**
 * A TokenCredential bean the user built (workload identity, Azure CLI, a chained credential, ...), standing in for the
 * credential that AadServicePrincipal or ManagedServiceIdentity would build from options. Its own cache, if any, is
 * its business: after a 401 it is simply asked again.
 */
final class TokenCredentialAuthenticator extends AzureCredentialAuthenticator {

    private TokenCredentialAuthenticator(String type, TokenCredential credential, String aadResourceId, SignIn signIn) {
        super(type, "tokenCredential " + credential.getClass().getSimpleName(), aadResourceId, () -> credential,
                List.of(), signIn);
    }

    /**
     * @param type the authentication type it stands in for
     * @throws IllegalArgumentException naming the missing option
     */
    static TokenCredentialAuthenticator from(String type, AdfRestConfiguration config, SignIn signIn) {
        String aadResourceId = required(config.getAadResourceId(), "aadResourceId", type + " with tokenCredential");
        return new TokenCredentialAuthenticator(type, config.getTokenCredential(), aadResourceId, signIn);
    }
}
