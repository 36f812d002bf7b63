package dev.adfrest.camel.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.azure.identity.AzureAuthorityHosts;

/** ADF's azureCloudType values and the Microsoft Entra ID sign-in host of each cloud. */
enum AzureCloud {

    AzurePublic(AzureAuthorityHosts.AZURE_PUBLIC_CLOUD),
    AzureChina(AzureAuthorityHosts.AZURE_CHINA),
    AzureUsGovernment(AzureAuthorityHosts.AZURE_GOVERNMENT),
    @SuppressWarnings("deprecation") // Microsoft Cloud Deutschland is closed, but ADF still lists it
    AzureGermany(AzureAuthorityHosts.AZURE_GERMANY);

    private final String authorityHost;

    AzureCloud(String authorityHost) {
        this.authorityHost = authorityHost;
    }

    String authorityHost() {
        return authorityHost;
    }

    /**
     * @param  value                    an azureCloudType, in any letter case; null or blank is AzurePublic
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    static AzureCloud of(String value) {
        if (value == null || value.isBlank()) {
            return AzurePublic;
        }
        for (AzureCloud cloud : values()) {
            if (cloud.name().equalsIgnoreCase(value.trim())) {
                return cloud;
            }
        }
        throw new IllegalArgumentException("Option 'azureCloudType' has unknown value '" + value + "'. Supported: "
                                           + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** Whether a host is one of the clouds' own sign-in hosts, which MSAL may validate by instance discovery. */
    static boolean isKnownAuthorityHost(String host) {
        String normalized = normalize(host);
        return Arrays.stream(values()).anyMatch(c -> normalize(c.authorityHost).equals(normalized));
    }

    private static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith("/") ? h : h + "/";
    }
}
