package dev.adfrest.camel.springboot;

import java.util.Set;

import com.azure.core.credential.TokenCredential;
import dev.adfrest.camel.AdfRestConfiguration;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Binds the bean-valued options from a reference, as Camel's own starters do:
 * {@code camel.component.adfrest.state-repository=#bean:copyState} (or {@code #copyState}) is the Spring bean of that
 * name.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class AdfRestComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(AdfRestConfiguration.class, SSLContextParameters.class,
            StateRepository.class, TokenCredential.class, HeaderFilterStrategy.class);

    private final ApplicationContext applicationContext;

    public AdfRestComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, AdfRestConfiguration.class),
                new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, StateRepository.class),
                new ConvertiblePair(String.class, TokenCredential.class),
                new ConvertiblePair(String.class, HeaderFilterStrategy.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#") || !BEAN_TYPES.contains(targetType.getType())) {
            return null;
        }
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
