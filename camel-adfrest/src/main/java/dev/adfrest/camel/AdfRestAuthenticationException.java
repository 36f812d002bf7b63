package dev.adfrest.camel;

/**
 * Signing in failed: the token endpoint (or identity endpoint) refused the principal or could not be reached. The
 * message names the authentication type, the principal (never its secret) and the endpoint's error code.
 */
public class AdfRestAuthenticationException extends AdfRestException {

    private final String authenticationType;
    private final String principal;
    private final String errorCode;

    /**
     * @param authenticationType the ADF authentication type, such as AadServicePrincipal
     * @param principal          who signed in, such as {@code servicePrincipalId 'abc' in tenant 'contoso'}
     * @param errorCode          the endpoint's error code (invalid_client, AADSTS7000215, ...) or null if it gave none
     * @param detail             what went wrong, already scrubbed of secrets
     */
    public AdfRestAuthenticationException(String authenticationType, String principal, String errorCode, String detail) {
        super("Sign-in failed for " + authenticationType + " " + principal
              + (errorCode == null ? "" : ": error " + errorCode)
              + (detail == null || detail.isBlank() ? "" : (errorCode == null ? ": " : " - ") + detail));
        this.authenticationType = authenticationType;
        this.principal = principal;
        this.errorCode = errorCode;
    }

    /** The ADF authentication type that failed to sign in. */
    public String getAuthenticationType() {
        return authenticationType;
    }

    /** Who tried to sign in: a client or managed identity ID, never a secret. */
    public String getPrincipal() {
        return principal;
    }

    /** The error code the endpoint answered with (OAuth 2.0 'error' or an AADSTS code), or null. */
    public String getErrorCode() {
        return errorCode;
    }
}
