package dev.adfrest.camel.pagination;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * The pagination engine for one copy run: pure (no I/O, no clock, no Camel). Given the rules, the request just made
 * and its response, it returns the next request or the reason to stop.
 */
public final class Paginator {

    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final PaginationRules rules;
    private final PaginationSettings settings;
    private final PageRequest template;

    public Paginator(PaginationRules rules, PaginationSettings settings, PageRequest template) {
        this.rules = rules;
        this.settings = settings;
        this.template = template;
    }

    /** The first request of the run. */
    public PageRequest first() {
        return template;
    }

    /** Decides what follows the response to {@code made}. */
    public Step next(PageRequest made, PageResponse response) {
        if (response.status() == 204) {
            return new Step.Stop(Step.StopReason.NO_CONTENT, "the response was 204 No Content");
        }
        if (rules.absoluteUrl() == null) {
            return new Step.Stop(Step.StopReason.NO_NEXT_LINK, "no pagination rule");
        }
        String value = valueOf(rules.absoluteUrl().getPath(), response.body());
        if (value == null || value.isEmpty()) {
            return new Step.Stop(Step.StopReason.NO_NEXT_VALUE, "AbsoluteUrl " + rules.absoluteUrl().getPath() + " yielded no value");
        }
        String next = URI.create(made.url()).resolve(value).toString();
        PageRequest request = made.withUrl(next);
        if (request.equals(made)) {
            if (settings.failOnRepeatedRequest()) {
                throw new PaginationException("The next request repeats the last one (failOnRepeatedRequest=true)");
            }
            return new Step.Stop(Step.StopReason.REPEATED_REQUEST, "the next request repeats the last one");
        }
        return new Step.Next(request);
    }

    private String valueOf(String path, JsonNode body) {
        if (body == null) {
            return null;
        }
        Object v = com.jayway.jsonpath.JsonPath.using(JSON).parse(body).read(path);
        if (v instanceof JsonNode node) {
            if (node.isArray() && node.size() == 1) {
                node = node.get(0);
            }
            return node.isNull() || node.isMissingNode() ? null : node.asText();
        }
        if (v instanceof List<?> list) {
            return list.size() == 1 && list.get(0) != null ? String.valueOf(list.get(0)) : null;
        }
        return v == null ? null : String.valueOf(v);
    }
}
