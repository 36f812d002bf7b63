package dev.adfrest.camel.support;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.UriParam;

/**
 * The options of a configuration class that hold secrets, read once from its {@code @UriParam(secret = true)}
 * annotations: the same fact that marks them secret in Camel's catalog and tooling decides what the component masks.
 */
public final class SecretOptions {

    private final List<Field> fields;
    private final List<String> names;

    private SecretOptions(List<Field> fields) {
        this.fields = fields;
        this.names = fields.stream().map(Field::getName).toList();
        fields.forEach(f -> f.setAccessible(true));
    }

    /** The secret options of {@code type}: its fields annotated {@code @UriParam(secret = true)}. */
    public static SecretOptions of(Class<?> type) {
        return new SecretOptions(Arrays.stream(type.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(UriParam.class) && f.getAnnotation(UriParam.class).secret())
                .toList());
    }

    /** Their option names, in declaration order. */
    public List<String> names() {
        return names;
    }

    /** The names of those holding one value (not a map of them). */
    public List<String> scalarNames() {
        return fields.stream().filter(f -> !Map.class.isAssignableFrom(f.getType())).map(Field::getName).toList();
    }

    /** Whether an endpoint parameter is (part of) a secret option: its name, or a prefixed entry of a map option. */
    public boolean isSecret(String parameter) {
        for (String name : names) {
            if (parameter.equals(name) || parameter.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Every secret value set on {@code config}: the options' values, and each value of a map option. */
    public List<String> values(Object config) {
        List<String> values = new ArrayList<>();
        for (Field field : fields) {
            Object value;
            try {
                value = field.get(config);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof Map<?, ?> map) {
                map.values().forEach(v -> values.add(v == null ? null : v.toString()));
            } else if (value != null) {
                values.add(value.toString());
            }
        }
        return values;
    }
}
