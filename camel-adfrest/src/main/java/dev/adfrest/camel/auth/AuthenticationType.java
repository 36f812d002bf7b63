package dev.adfrest.camel.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * ADF's authentication types of the REST linked service. The option {@code authenticationType} takes their ADF names
 * in any letter case; {@link Authenticators} maps each to its {@link Authenticator}.
 */
public enum AuthenticationType {

    ANONYMOUS("Anonymous"),
    BASIC("Basic"),
    AAD_SERVICE_PRINCIPAL("AadServicePrincipal"),
    MANAGED_SERVICE_IDENTITY("ManagedServiceIdentity"),
    OAUTH2_CLIENT_CREDENTIAL("OAuth2ClientCredential");

    private final String adfName;

    AuthenticationType(String adfName) {
        this.adfName = adfName;
    }

    /** The name as ADF writes it, which is also the option's value. */
    public String adfName() {
        return adfName;
    }

    /**
     * The type an option value names, whatever its letter case; null or blank is {@link #ANONYMOUS}.
     *
     * @throws IllegalArgumentException naming the option and listing the types
     */
    public static AuthenticationType of(String value) {
        if (value == null || value.isBlank()) {
            return ANONYMOUS;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (AuthenticationType type : values()) {
            if (type.adfName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Option 'authenticationType' has unknown value '" + value + "'. Supported: "
                                           + Arrays.stream(values()).map(AuthenticationType::adfName)
                                                   .collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return adfName;
    }
}
