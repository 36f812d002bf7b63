package dev.adfrest.camel.springboot;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the actuator told to show values, the adfrest secrets still show as ******: in /actuator/env (the properties as
 * written) and in /actuator/configprops (as bound); the other options show as they are.
 */
class ActuatorSecretsTest {

    private static final List<String> SECRETS = List.of("pw-31f0", "key-77a1", "Bearer tok-5e2c", "sp-key-0b9d",
            "cert-c0ffee", "cert-pw-12ab", "client-secret-9e9e");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, AdfRestComponentConverter.class,
                    AdfRestComponentAutoConfiguration.class))
            .withPropertyValues(
                    "camel.component.adfrest.user-name=svc-copy",
                    "camel.component.adfrest.password=pw-31f0",
                    "camel.component.adfrest.auth-headers[x-api-key]=key-77a1",
                    "camel.component.adfrest.auth-headers[Authorization]=Bearer tok-5e2c",
                    "camel.component.adfrest.service-principal-key=sp-key-0b9d",
                    "camel.component.adfrest.service-principal-embedded-cert=cert-c0ffee",
                    "camel.component.adfrest.service-principal-embedded-cert-password=cert-pw-12ab",
                    "camel.component.adfrest.client-secret=client-secret-9e9e");

    @Test
    void environmentShowsNoSecret() {
        runner.run(context -> {
            EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), functions(context), Show.ALWAYS);
            String shown = new ObjectMapper().writeValueAsString(env.environment("camel\\.component\\.adfrest.*"));

            assertThat(SECRETS).noneMatch(shown::contains);
            assertThat(shown).contains("svc-copy").contains("auth-headers[x-api-key]");
        });
    }

    @Test
    void configurationPropertiesShowNoSecret() {
        runner.run(context -> {
            ConfigurationPropertiesReportEndpoint configprops =
                    new ConfigurationPropertiesReportEndpoint(functions(context), Show.ALWAYS);
            configprops.setApplicationContext(context);
            String shown = new ObjectMapper()
                    .writeValueAsString(configprops.configurationPropertiesWithPrefix("camel.component.adfrest"));

            assertThat(SECRETS).noneMatch(shown::contains);
            assertThat(shown).contains("svc-copy").contains("x-api-key");
        });
    }

    private static List<SanitizingFunction> functions(org.springframework.context.ApplicationContext context) {
        Map<String, SanitizingFunction> beans = context.getBeansOfType(SanitizingFunction.class);
        assertThat(beans).isNotEmpty();
        return List.copyOf(beans.values());
    }
}
