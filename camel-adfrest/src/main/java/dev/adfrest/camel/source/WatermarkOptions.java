package dev.adfrest.camel.source;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.mapping.WatermarkLag;
import dev.adfrest.camel.mapping.WatermarkReader;
import dev.adfrest.camel.mapping.WatermarkValue;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.Target;

/**
 * An endpoint's incremental-copy options, checked once: {@code watermarkPath}, {@code watermarkInitialValue},
 * {@code watermarkLag}, and where the request holds the {@value #PLACEHOLDER} placeholder.
 *
 * @param reader      reads the records' values
 * @param initial     the value of the first run (before any run completed); null when not set
 * @param lag         how far a saved value is moved back
 * @param placeholder whether the request holds {@value #PLACEHOLDER}
 */
public record WatermarkOptions(WatermarkReader reader, WatermarkValue initial, WatermarkLag lag, boolean placeholder) {

    /** Where a run's watermark goes in the request: the URL (URL-encoded), headers, the body (JSON-escaped). */
    public static final String PLACEHOLDER = "{watermark}";

    /**
     * Checks the options against the first request.
     *
     * @param  template                 the first request with its placeholders
     * @param  where                    where the request's {@value #PLACEHOLDER} comes from, for messages: " (in option
     *                                  'relativeUrl')"; empty when it is nowhere
     * @return                          null when the endpoint has no watermarkPath
     * @throws IllegalArgumentException naming the options that do not fit together
     */
    static WatermarkOptions of(AdfRestConfiguration config, PageRequest template, PaginationRules rules, String where) {
        String path = config.getWatermarkPath();
        boolean placeholder = appearsIn(template);
        boolean rangeVariable = rules.ranges().stream().anyMatch(r -> r.target() instanceof Target.Placeholder p
                                                                      && p.token().equals(PLACEHOLDER));
        if (path == null || path.isBlank()) {
            if (placeholder && !rangeVariable) {
                throw new IllegalArgumentException("The request has the placeholder " + PLACEHOLDER + where + " but option"
                                                   + " 'watermarkPath' is not set: set watermarkPath (the JSONPath of"
                                                   + " each record's watermark, e.g. $.updatedAt) and stateRepository,"
                                                   + " or remove the placeholder");
            }
            for (String option : new String[] { "watermarkInitialValue", "watermarkLag" }) {
                String value = option.equals("watermarkLag") ? config.getWatermarkLag() : config.getWatermarkInitialValue();
                if (value != null && !value.isBlank()) {
                    throw new IllegalArgumentException("Option '" + option + "' needs option 'watermarkPath' (the"
                                                       + " JSONPath of each record's watermark, e.g. $.updatedAt)");
                }
            }
            return null;
        }
        WatermarkReader reader = WatermarkReader.compile(path);
        if (config.getStateRepository() == null) {
            throw new IllegalArgumentException("Option 'watermarkPath' needs option 'stateRepository': the highest value"
                                               + " of a completed run is saved there for the next run (e.g. a"
                                               + " FileStateRepository, or a dev.adfrest.camel.state.JdbcStateRepository"
                                               + " shared by several nodes)");
        }
        if (rangeVariable) {
            throw new IllegalArgumentException("A RANGE pagination rule fills " + PLACEHOLDER + ", which is the"
                                               + " placeholder of option 'watermarkPath': name the RANGE variable"
                                               + " otherwise");
        }
        if (config.getPartitions() > 1) {
            throw new IllegalArgumentException("Options 'watermarkPath' and 'partitions' cannot be combined: the"
                                               + " partitions of a run read one result set page by page, and each"
                                               + " completes on its own, so no watermark is ever the same for all of"
                                               + " them; split the copy by a filter instead (one route, with its own"
                                               + " watermark, per filter value), or use parallelRequests");
        }
        WatermarkValue initial = null;
        String initialText = config.getWatermarkInitialValue();
        if (initialText != null && !initialText.isEmpty()) {
            initial = WatermarkValue.parse(initialText);
            if (initial == null) {
                throw new IllegalArgumentException("Option 'watermarkInitialValue' must be at most "
                                                   + WatermarkValue.MAX_LENGTH + " characters, without line breaks or"
                                                   + " control characters");
            }
        }
        WatermarkLag lag = WatermarkLag.parse(config.getWatermarkLag());
        if (initial != null) {
            lag.applyTo(initial); // the values saved later are of the initial value's kind: the lag must fit them
        }
        if (placeholder && initial == null) {
            throw new IllegalArgumentException("Option 'watermarkInitialValue' is needed: the request has the"
                                               + " placeholder " + PLACEHOLDER + where + ", which has no value until a"
                                               + " run completes; give the value the first run asks from (e.g."
                                               + " watermarkInitialValue=1970-01-01T00:00:00Z, or 0)");
        }
        return new WatermarkOptions(reader, initial, lag, placeholder);
    }

    /**
     * The request as {@link PaginationRules#checkTemplate} should see it: {@value #PLACEHOLDER} is not one of its
     * RANGE placeholders.
     */
    static PageRequest withoutPlaceholder(WatermarkOptions options, PageRequest template) {
        return options == null || !options.placeholder() ? template : fill(template, "0");
    }

    /** The request with {@value #PLACEHOLDER} replaced by {@code value}; as it is when {@code value} is null. */
    PageRequest fillIn(PageRequest template, String value) {
        return placeholder && value != null ? fill(template, value) : template;
    }

    private static PageRequest fill(PageRequest template, String value) {
        String url = template.url().replace(PLACEHOLDER, URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        Map<String, String> headers = new LinkedHashMap<>();
        template.headers().forEach((name, v) -> headers.put(name, v == null ? null : v.replace(PLACEHOLDER, value)));
        String body = template.body() == null ? null
                : template.body().replace(PLACEHOLDER, new String(JsonStringEncoder.getInstance().quoteAsString(value)));
        return new PageRequest(template.method(), url, headers, body);
    }

    private static boolean appearsIn(PageRequest template) {
        return template.url().contains(PLACEHOLDER)
               || template.headers().values().stream().anyMatch(v -> v != null && v.contains(PLACEHOLDER))
               || template.body() != null && template.body().contains(PLACEHOLDER);
    }
}
