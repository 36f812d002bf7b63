package dev.adfrest.camel.pagination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adfrest.camel.support.Json;

/**
 * What a saved run position keeps, and nothing the endpoint's own request already holds: no additionalHeaders value
 * (a bearer token there rotates; the endpoint has the current one), no request body the endpoint has, and query
 * values the caller withholds (credentials) left empty in the URL, to be filled from the endpoint's request again.
 * Pure: the caller says which query names to withhold.
 *
 * @param url          the URL later requests are built from ({@link PaginatorState#base()}'s), withheld values empty
 * @param withheld     the query parameters whose values were withheld
 * @param headers      the request headers the rules set (cursors in headers)
 * @param body         the request body fields the rules set, nested as in the body; null without Body rules
 * @param requestsMade {@link PaginatorState#requestsMade()}
 * @param cursors      {@link PaginatorState#cursors()}
 */
public record SavedPosition(String url, List<String> withheld, Map<String, String> headers, ObjectNode body,
                            int requestsMade, Map<String, Long> cursors) {

    public SavedPosition {
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
        headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
        cursors = cursors == null ? Map.of() : new LinkedHashMap<>(cursors);
    }

    /**
     * The part of a run's state worth saving.
     *
     * @param withhold which query parameter names hold values never to be saved; parameters the rules set (cursors)
     *                 are kept whatever their names
     */
    public static SavedPosition of(PaginationRules rules, PaginatorState state, Predicate<String> withhold) {
        Set<String> ruleParameters = new LinkedHashSet<>();
        Set<String> ruleHeaders = new LinkedHashSet<>();
        List<List<String>> ruleFields = new ArrayList<>();
        targets(rules).forEach(t -> {
            if (t instanceof Target.QueryParameter q) {
                ruleParameters.add(q.name());
            } else if (t instanceof Target.Header h) {
                ruleHeaders.add(h.name());
            } else if (t instanceof Target.BodyField b) {
                ruleFields.add(b.path());
            }
        });
        List<String> withheld = new ArrayList<>();
        String url = Urls.withholdValues(state.base().url(), name -> !ruleParameters.contains(name) && withhold.test(name),
                withheld);
        Map<String, String> headers = new LinkedHashMap<>();
        ruleHeaders.forEach(name -> {
            String value = state.base().header(name);
            if (value != null) {
                headers.put(name, value);
            }
        });
        ObjectNode body = null;
        if (!ruleFields.isEmpty() && state.base().body() != null) {
            body = Json.MAPPER.createObjectNode();
            JsonNode whole = parse(state.base().body());
            for (List<String> path : ruleFields) {
                JsonNode value = whole;
                for (String name : path) {
                    value = value == null ? null : value.get(name);
                }
                if (value != null) {
                    set(body, path, value);
                }
            }
        }
        return new SavedPosition(url, withheld, headers, body, state.requestsMade(), state.cursors());
    }

    /**
     * The run's state again, completed from the endpoint's request.
     *
     * @throws IllegalArgumentException when the saved position does not fit the rules
     */
    public PaginatorState restore(PaginationRules rules, PageRequest template) {
        PageRequest base = template.withUrl(Urls.restoreValues(url, withheld, template.url()));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            base = base.withHeader(h.getKey(), h.getValue());
        }
        ObjectNode templateBody = rules.templateBody(template);
        if (templateBody != null) {
            ObjectNode tree = templateBody.deepCopy();
            targets(rules).forEach(t -> {
                if (t instanceof Target.BodyField b && body != null) {
                    JsonNode value = body;
                    for (String name : b.path()) {
                        value = value == null ? null : value.get(name);
                    }
                    if (value != null) {
                        set(tree, b.path(), value);
                    }
                }
            });
            try {
                base = base.withBody(Json.MAPPER.writeValueAsString(tree));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Paginator.state(rules, base, requestsMade, cursors);
    }

    private static Stream<Target> targets(PaginationRules rules) {
        return Stream.concat(rules.values().stream().map(PaginationRules.ValueRule::target),
                rules.ranges().stream().map(PaginationRules.RangeRule::target));
    }

    private static void set(ObjectNode root, List<String> path, JsonNode value) {
        ObjectNode parent = root;
        for (String name : path.subList(0, path.size() - 1)) {
            parent = parent.get(name) instanceof ObjectNode child ? child : parent.putObject(name);
        }
        parent.set(path.get(path.size() - 1), value);
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
