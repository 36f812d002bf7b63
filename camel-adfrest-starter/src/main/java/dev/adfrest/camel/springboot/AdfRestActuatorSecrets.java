package dev.adfrest.camel.springboot;

import java.util.List;
import java.util.Locale;

import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.support.SecretOptions;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the adfrest secret options (those marked secret on the component: password, authHeaders entries,
 * servicePrincipalKey, the certificate, clientSecret, ...) wherever the actuator shows values, /actuator/env and
 * /actuator/configprops. Spring Boot's own rules miss some of them: {@code auth-headers[x-api-key]} and
 * {@code service-principal-embedded-cert} end in neither "key" nor "password".
 */
final class AdfRestActuatorSecrets implements SanitizingFunction {

    private static final String PREFIX = "camelcomponentadfrest";

    private final List<String> secretOptions = SecretOptions.of(AdfRestConfiguration.class).names().stream()
            .map(name -> PREFIX + name.toLowerCase(Locale.ROOT)).toList();

    @Override
    public SanitizableData apply(SanitizableData data) {
        // the same key in every form: auth-headers[X-Api-Key], authHeaders.X-Api-Key, CAMEL_COMPONENT_ADFREST_PASSWORD
        String key = data.getLowerCaseKey().replaceAll("[-_.\\[\\]]", "");
        return secretOptions.stream().anyMatch(key::startsWith) ? data.withSanitizedValue() : data;
    }
}
