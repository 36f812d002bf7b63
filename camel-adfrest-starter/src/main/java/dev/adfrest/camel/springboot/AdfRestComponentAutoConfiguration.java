package dev.adfrest.camel.springboot;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import dev.adfrest.camel.AdfRestComponent;
import dev.adfrest.camel.AdfRestConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.adfrest.*} to the adfrest component, the way Camel's own starters do: on unless
 * {@code camel.component.adfrest.enabled} (or {@code camel.component.enabled}) is false, through a
 * {@link ComponentCustomizer} that {@code camel.component.adfrest.customizer.enabled=false} switches off.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, AdfRestComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, AdfRestComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.adfrest"})
public class AdfRestComponentAutoConfiguration {

    static final String PREFIX = "camel.component.adfrest";

    @Lazy
    @Bean
    public ComponentCustomizer configureAdfRestComponent(ApplicationContext applicationContext, CamelContext camelContext,
            AdfRestComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                apply(camelContext, configuration, (AdfRestComponent) target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        PREFIX + ".customizer") && target instanceof AdfRestComponent;
            }
        };
    }

    /** Only where the application has the actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    static class ActuatorConfiguration {

        @Bean
        AdfRestActuatorSecrets adfRestActuatorSecrets() {
            return new AdfRestActuatorSecrets();
        }
    }

    /**
     * A {@code configuration} bean goes first, then every property set to something other than its default, so that
     * the defaults of the properties class never overwrite what the bean says.
     */
    static void apply(CamelContext camelContext, AdfRestComponentConfiguration properties, AdfRestComponent component) {
        Map<String, Object> options = new HashMap<>(CamelPropertiesHelper.getNonNullProperties(camelContext, properties));
        Map<String, Object> defaults = CamelPropertiesHelper.getNonNullProperties(camelContext,
                new AdfRestComponentConfiguration());
        options.remove("enabled");
        options.remove("customizer");
        options.entrySet().removeIf(option -> Objects.equals(option.getValue(), defaults.get(option.getKey())));
        if (options.remove("configuration") instanceof AdfRestConfiguration shared) {
            component.setConfiguration(shared);
        }
        CamelPropertiesHelper.setCamelProperties(camelContext, component, options, true);
    }
}
