package dev.adfrest.camel.pagination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Responses, requests and rules in the shape the ADF article shows them. */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** Rules from alternating keys and values, in order. */
    static Map<String, String> rules(String... keysAndValues) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            rules.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return rules;
    }

    static PageRequest get(String url) {
        return new PageRequest("GET", url, Map.of(), null);
    }

    static PageRequest get(String url, Map<String, String> headers) {
        return new PageRequest("GET", url, headers, null);
    }

    static PageRequest post(String url, String body) {
        return new PageRequest("POST", url, Map.of("Content-Type", "application/json"), body);
    }

    static Paginator paginator(PageRequest template, String... rules) {
        return new Paginator(PaginationRules.parse(rules(rules)), PaginationSettings.DEFAULTS, template);
    }

    static Paginator paginator(PageRequest template, PaginationSettings settings, String... rules) {
        return new Paginator(PaginationRules.parse(rules(rules)), settings, template);
    }

    /** A 200 response with a JSON body and headers given as alternating names and values. */
    static PageResponse json(String body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.computeIfAbsent(headers[i], k -> new ArrayList<>()).add(headers[i + 1]);
        }
        try {
            return new PageResponse(200, map, JSON.readTree(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(body, e);
        }
    }

    static PageResponse noContent() {
        return new PageResponse(204, Map.of(), null);
    }

    /** The request that follows, asserting there is one. */
    static PageRequest nextOf(Paginator paginator, PageRequest made, PageResponse response) {
        Step step = paginator.next(made, response);
        assertThat(step).as("the step after %s", made.url()).isInstanceOf(Step.Next.class);
        return ((Step.Next) step).request();
    }

    /** The stop that follows, asserting the run stops. */
    static Step.Stop stopOf(Paginator paginator, PageRequest made, PageResponse response) {
        Step step = paginator.next(made, response);
        assertThat(step).as("the step after %s", made.url()).isInstanceOf(Step.Stop.class);
        return (Step.Stop) step;
    }

    /**
     * Runs the paginator to its end like a copy run does, answering each request with {@code api}; stops after
     * {@code limit} requests so a bug cannot loop forever.
     */
    static Run run(Paginator paginator, Function<PageRequest, PageResponse> api, int limit) {
        List<PageRequest> requests = new ArrayList<>();
        PageRequest request = paginator.first();
        while (requests.size() < limit) {
            requests.add(request);
            Step step = paginator.next(request, api.apply(request));
            if (step instanceof Step.Stop stop) {
                return new Run(requests, stop);
            }
            request = ((Step.Next) step).request();
        }
        return new Run(requests, null);
    }

    /** What a run requested and why it stopped (null: it hit the test's limit). */
    record Run(List<PageRequest> requests, Step.Stop stop) {
        List<String> urls() {
            return requests.stream().map(PageRequest::url).toList();
        }
    }
}
