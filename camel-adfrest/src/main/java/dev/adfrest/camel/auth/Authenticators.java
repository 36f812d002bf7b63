package dev.adfrest.camel.auth;

import dev.adfrest.camel.AdfRestConfiguration;

/**
 * The one place that maps ADF's authenticationType to its {@link Authenticator}. Checks the type's required options
 * when the endpoint is created; signs in (if the type does) only when requests are made.
 */
public final class Authenticators {

    private Authenticators() {
    }

    /**
     * @throws IllegalArgumentException naming the option that is unknown or missing
     */
    public static Authenticator create(AdfRestConfiguration config) {
        String type = config.getAuthenticationType() == null ? AdfRestConfiguration.ANONYMOUS
                : config.getAuthenticationType().trim();
        return switch (type) {
            case AdfRestConfiguration.ANONYMOUS -> new AnonymousAuthenticator();
            case AdfRestConfiguration.BASIC -> new BasicAuthenticator(
                    required(config.getUserName(), "userName", type),
                    required(config.getPassword(), "password", type));
            default -> throw new IllegalArgumentException("Option 'authenticationType' has unknown value '" + type
                                                          + "'. Supported: Anonymous, Basic");
        };
    }

    static String required(String value, String option, String type) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Option '" + option + "' is required with authenticationType=" + type);
        }
        return value;
    }
}
