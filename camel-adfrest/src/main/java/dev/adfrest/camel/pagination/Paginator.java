package dev.adfrest.camel.pagination;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adfrest.camel.pagination.PaginationRules.RangeRule;
import dev.adfrest.camel.pagination.PaginationRules.ValueRule;
import dev.adfrest.camel.pagination.Step.StopReason;
import dev.adfrest.camel.support.Headers;
import dev.adfrest.camel.support.Json;
import dev.adfrest.camel.support.Origins;
import dev.adfrest.camel.support.ParsedUrls;

/**
 * The pagination engine for one copy run: pure (no I/O, no clock, no Camel). Given the response to the request just
 * made, it returns the next request or the reason to stop. One instance per run, used by one thread.
 * <p>
 * Each step: 204 stops; an end condition that holds stops (after this page: it is delivered); MaxRequestNumber
 * reached stops; then every RANGE advances (an exhausted one stops), every value rule reads its value (none stops),
 * the Link header is read when RFC 5988 applies; the next request is the previous one with the next URL, query
 * parameters, headers and body fields set and the RANGE placeholders filled. A next request identical to the one just
 * made stops (or fails, with failOnRepeatedRequest), unless allowRepeatedRequests says the API pages by state: then
 * it is sent, and rules that only stop a run send the last request again. Messages quote URLs as they are: whoever
 * shows them masks them.
 * <p>
 * With a {@link Partition} of k (RANGE rules only) the paginator hands out every k-th request of the whole run, from
 * the partition's index on: each RANGE moves k steps at a time, MaxRequestNumber bounds the page numbers of the whole
 * run, and pages keep their numbers in the whole run ({@link #requestsMade()}).
 */
public final class Paginator {


    private final PaginationRules rules;
    private final PaginationSettings settings;
    /** The endpoint's request, before RANGE values: what a fresh run starts from. */
    private final PageRequest template;
    /** Whether this run goes on from a saved state. */
    private final boolean resumed;
    /** The endpoint's first request: the query parameters keepQueryParameters adds back. */
    private final PageRequest endpointFirst;
    private final PageRequest start;
    private final Partition partition;
    /** Why a partition has no request at all (the whole run ends before its first page); null when it has. */
    private final Step.Stop empty;

    private Draft base;
    private Map<String, Long> cursors;
    private int requestsMade;
    private PageRequest upcoming;

    /**
     * A run from the first page.
     *
     * @throws IllegalArgumentException when the rules do not fit the template ({@link PaginationRules#checkTemplate}),
     *                                  or the settings' partition cannot split them ({@link Partition#check})
     */
    public Paginator(PaginationRules rules, PaginationSettings settings, PageRequest template) {
        this(rules, settings, template, null);
    }

    /**
     * A run that goes on where a saved one stood: {@link #first()} is {@link PaginatorState#next()}.
     *
     * @throws IllegalArgumentException when the state does not belong to these rules
     */
    public static Paginator resume(PaginationRules rules, PaginationSettings settings, PageRequest template,
                                   PaginatorState state) {
        return new Paginator(rules, settings, template, Objects.requireNonNull(state, "state"));
    }

    private Paginator(PaginationRules rules, PaginationSettings settings, PageRequest template, PaginatorState state) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.settings = settings == null ? PaginationSettings.DEFAULTS : settings;
        this.template = template;
        this.resumed = state != null;
        this.partition = this.settings.partition();
        partition.check(rules);
        rules.checkTemplate(template);
        ObjectNode templateBody = rules.templateBody(template);
        Map<String, Long> starts = new LinkedHashMap<>();
        rules.ranges().forEach(r -> starts.put(r.key(), r.range().start()));
        Draft first = withRanges(new Draft(template, templateBody), starts);
        this.endpointFirst = fill(first, starts);
        if (state == null) {
            Map<String, Long> at = partition.index() == 0 ? starts : advance(starts, partition.index());
            long firstPage = partition.index() + 1L;
            if (at == null) {
                empty = stop(StopReason.RANGE_EXHAUSTED, partition + " has no page: "
                                                         + exhausted(starts, partition.index()));
                at = starts;
            } else if (beyondMax(firstPage) != null) {
                empty = stop(StopReason.MAX_REQUESTS, partition + " has no page: MaxRequestNumber "
                                                      + rules.maxRequestNumber().getAsLong()
                                                      + " ends the run before page " + firstPage);
            } else {
                empty = null;
            }
            base = at == starts ? first : withRanges(first, at);
            cursors = at;
            requestsMade = partition.index();
            start = empty != null ? null : at == starts ? endpointFirst : fill(base, at);
        } else {
            if (!state.cursors().keySet().equals(starts.keySet())) {
                throw new IllegalArgumentException("The saved pagination state has RANGE positions for "
                                                   + state.cursors().keySet() + " but the rules have "
                                                   + starts.keySet());
            }
            if ((state.requestsMade() - partition.index()) % partition.count() != 0) {
                throw new IllegalArgumentException("The saved pagination state is at page " + (state.requestsMade() + 1)
                                                   + ", which is not a page of " + partition);
            }
            empty = null;
            base = new Draft(state.base(), templateBody == null ? null : rules.templateBody(state.base()));
            cursors = new LinkedHashMap<>(state.cursors());
            requestsMade = state.requestsMade();
            start = state.next();
        }
        upcoming = start;
    }

    /**
     * Where a run stands, from what a saved state must keep: the request its next requests are built from and the
     * RANGE values (the request to make next follows from those, as {@link PaginatorState#next()} does).
     *
     * @param base         {@link PaginatorState#base()}
     * @param requestsMade {@link PaginatorState#requestsMade()}
     * @param cursors      {@link PaginatorState#cursors()}: a value for every RANGE rule
     * @throws IllegalArgumentException when the cursors do not match the rules' RANGE rules
     */
    public static PaginatorState state(PaginationRules rules, PageRequest base, int requestsMade,
                                       Map<String, Long> cursors) {
        for (RangeRule range : rules.ranges()) {
            if (cursors == null || cursors.get(range.key()) == null) {
                throw new IllegalArgumentException("The saved pagination state has no position for " + range.rule());
            }
        }
        return new PaginatorState(fill(rules, base, cursors), base, requestsMade, cursors);
    }

    /** Whether this run goes on from a saved state ({@link #resume}). */
    public boolean resumed() {
        return resumed;
    }

    /** The same rules, settings and endpoint request from page 1: for a saved state that no longer works. */
    public Paginator restart() {
        return new Paginator(rules, settings, template);
    }

    /** How the rules are applied. */
    public PaginationSettings settings() {
        return settings;
    }

    /**
     * The first request of the run: the template with RANGE start values (a partition's first values), or a resumed
     * run's next request; null when {@link #stopsBeforeFirst()} says there is none.
     */
    public PageRequest first() {
        return start;
    }

    /** Why this run makes no request at all: a partition whose first page lies past the end of the whole run. */
    public Optional<Step.Stop> stopsBeforeFirst() {
        return Optional.ofNullable(empty);
    }

    /**
     * The pages of the whole run before the request handed out last ({@link #first()} or the last {@link Step.Next}),
     * which is therefore page {@code requestsMade() + 1}. For a whole run, the requests made so far (counting those
     * before a resume); for a partition, other partitions' pages count too.
     */
    public int requestsMade() {
        return requestsMade;
    }

    /** How far apart the page numbers of two consecutive requests are: the number of partitions. */
    public int pageStride() {
        return partition.count();
    }

    /** Where the run stands after {@link #first()} or the last {@link Step.Next}: what {@link #resume} needs. */
    public PaginatorState state() {
        return new PaginatorState(upcoming, base.toRequest(), requestsMade, cursors);
    }

    /**
     * Decides what follows the response to {@code made} (the request this paginator handed out last).
     *
     * @throws PaginationException when a rule cannot be applied to this response (several values, an object, a
     *                             non-http link, a line break for a header), or the request repeats and
     *                             failOnRepeatedRequest is set
     */
    public Step next(PageRequest made, PageResponse response) {
        Objects.requireNonNull(made, "made");
        Objects.requireNonNull(response, "response");
        int page = ++requestsMade;
        if (response.status() == 204) {
            return stop(StopReason.NO_CONTENT, "page " + page + " was answered 204 No Content");
        }
        for (PaginationRules.EndCondition condition : rules.endConditions()) {
            String holds = ResponseReader.holds(condition, response, page);
            if (holds != null) {
                return stop(StopReason.END_CONDITION, "end condition " + condition.rule() + " holds on page " + page
                                                      + ": " + holds);
            }
        }
        Step.Stop maxReached = beyondMax((long) page + partition.count());
        if (maxReached != null) {
            return maxReached;
        }
        boolean followsLink = rules.followsLinkHeader();
        boolean repeats = settings.allowRepeatedRequests(); // then no rule for the next request means the same again
        if (rules.values().isEmpty() && rules.ranges().isEmpty() && !followsLink && !repeats) {
            return stop(StopReason.NO_NEXT_LINK, "no pagination rule gives a next request (SupportRFC5988 is off)");
        }
        Map<String, Long> nextCursors = advance(cursors, partition.count());
        if (nextCursors == null) {
            return stop(StopReason.RANGE_EXHAUSTED, exhausted(cursors, partition.count()));
        }
        // a list, not a map keyed by rule: hashing the rule records again on every page costs more than it saves
        List<Map.Entry<ValueRule, JsonNode>> values = new ArrayList<>(rules.values().size());
        for (ValueRule rule : rules.values()) {
            ResponseReader.Value value = ResponseReader.valueOf(rule, response, page);
            if (value.node() == null) {
                return noValue(rule, page, value);
            }
            values.add(Map.entry(rule, value.node()));
        }
        String link = followsLink ? LinkHeader.next(response.headerValues("Link")) : null;
        if (followsLink && link == null && values.isEmpty() && !repeats) {
            return stop(StopReason.NO_NEXT_LINK, "page " + page + " has no Link header with rel=\"next\"");
        }

        Draft draft = base;
        String nextUrl = link;
        ValueRule urlRule = null; // which one gives the next URL: named only in a message, built only then
        for (Map.Entry<ValueRule, JsonNode> e : values) {
            if (e.getKey().target() instanceof Target.Url) {
                nextUrl = ResponseReader.text(e.getValue());
                urlRule = e.getKey();
            }
        }
        if (nextUrl != null) {
            draft = draft.withUrl(followed(made.url(), nextUrl, urlRule, page));
        }
        for (Map.Entry<ValueRule, JsonNode> e : values) {
            draft = set(draft, e.getKey().target(), e.getValue(), e.getKey().rule(), page);
        }
        draft = withRanges(draft, nextCursors);
        PageRequest next = fill(draft, nextCursors);
        if (next.equals(made) && !repeats) {
            String repeated = made.method() + " " + made.url();
            if (settings.failOnRepeatedRequest()) {
                throw new PaginationException("The request after page " + page + " would repeat it (" + repeated
                                              + ") and failOnRepeatedRequest is set; add an EndCondition or"
                                              + " MaxRequestNumber rule");
            }
            return stop(StopReason.REPEATED_REQUEST, "the request after page " + page + " would repeat it: " + repeated);
        }
        base = draft;
        cursors = nextCursors;
        upcoming = next;
        requestsMade = page + partition.count() - 1;
        return new Step.Next(next);
    }

    /**
     * The next {@code count} requests that would follow the last one handed out if nothing stops the run, for
     * fetching ahead in parallel; fewer when a RANGE end or MaxRequestNumber comes first. Empty unless
     * {@link PaginationRules#requestsKnownInAdvance()}. Changes nothing: {@link #next} still decides, page by page.
     */
    public List<PageRequest> plannedRequests(int count) {
        List<PageRequest> planned = new ArrayList<>();
        if (!rules.requestsKnownInAdvance() || empty != null) {
            return planned;
        }
        Map<String, Long> at = cursors;
        Draft draft = base;
        long number = requestsMade + 1L; // the page number of the request handed out last
        int stride = partition.count();
        while (planned.size() < count && beyondMax(number + stride) == null) {
            at = advance(at, stride);
            if (at == null) {
                break;
            }
            draft = withRanges(draft, at);
            planned.add(fill(draft, at));
            number += stride;
        }
        return planned;
    }

    // --- building the next request --------------------------------------------------------------------------------

    /** A next link, resolved against the request just made and checked: only http(s) links are followed. */
    private String followed(String madeUrl, String link, ValueRule rule, int page) {
        URI uri;
        try {
            uri = Urls.resolve(madeUrl, link);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PaginationException(linkSource(rule) + " gives '" + link + "' on page " + page
                                          + ", which is not a URL");
        }
        if (!Urls.isHttp(uri)) {
            String scheme = uri.getScheme() == null ? "" : " (" + uri.getScheme() + ":)";
            throw new PaginationException(linkSource(rule) + " gives a link that is not an http(s) URL" + scheme
                                          + " on page " + page + "; only http and https links are followed");
        }
        String url = ParsedUrls.remember(uri).toString(); // the request is sent with this URI: parsed once
        // the first request's parameters may hold an API key: they go back only to links on the same origin
        return settings.keepQueryParameters() && Origins.same(url, endpointFirst.url())
                ? Urls.addMissingQueryParameters(url, endpointFirst.url()) : url;
    }

    /** Where a next link came from, for a message: the value rule that gave it, or the Link header (null). */
    private static String linkSource(ValueRule rule) {
        return rule == null ? "The Link header (rel=\"next\")" : "Pagination rule " + rule.rule();
    }

    /**
     * The stop when a value rule gives nothing (the last page of most runs). Its message is built out of
     * {@link #next}, which runs on every page: the JIT then compiles the text's concatenation only here.
     */
    private static Step.Stop noValue(ValueRule rule, int page, ResponseReader.Value value) {
        return stop(StopReason.NO_NEXT_VALUE, "pagination rule " + rule.rule() + " gives no value on page " + page
                                              + ": " + value.absentBecause());
    }

    private static Draft set(Draft draft, Target target, JsonNode value, String rule, int page) {
        String text = ResponseReader.text(value);
        if (target instanceof Target.QueryParameter q) {
            return draft.withUrl(Urls.setQueryParameter(draft.request().url(), q.name(), text));
        }
        if (target instanceof Target.Header h) {
            if (!Headers.isSafeValue(text)) {
                throw new PaginationException("Pagination rule " + rule + " would send a header value with a line"
                                              + " break (read from page " + page + "); refusing it");
            }
            return new Draft(draft.request().withHeader(h.name(), text), draft.body());
        }
        if (target instanceof Target.BodyField b) {
            ObjectNode body = draft.body().deepCopy();
            ObjectNode parent = body;
            for (String name : b.path().subList(0, b.path().size() - 1)) {
                parent = parent.get(name) instanceof ObjectNode child ? child : parent.putObject(name);
            }
            parent.set(b.path().get(b.path().size() - 1), value);
            return new Draft(draft.request(), body);
        }
        return draft; // the URL and placeholders are handled by the caller
    }

    /** Sets the RANGE values of rules with a named target (QueryParameters.page = RANGE:…). */
    private Draft withRanges(Draft draft, Map<String, Long> at) {
        for (RangeRule range : rules.ranges()) {
            if (!(range.target() instanceof Target.Placeholder)) {
                draft = set(draft, range.target(), LongNode.valueOf(at.get(range.key())), range.rule(), 0);
            }
        }
        return draft;
    }

    /** The request with every RANGE placeholder filled. */
    private PageRequest fill(Draft draft, Map<String, Long> at) {
        return fill(rules, draft.toRequest(), at);
    }

    private static PageRequest fill(PaginationRules rules, PageRequest request, Map<String, Long> at) {
        for (RangeRule range : rules.ranges()) {
            if (range.target() instanceof Target.Placeholder p) {
                String token = p.token();
                String value = Long.toString(at.get(range.key()));
                Map<String, String> headers = new LinkedHashMap<>();
                request.headers().forEach((k, v) -> headers.put(k, v == null ? null : v.replace(token, value)));
                request = new PageRequest(request.method(), request.url().replace(token, value), headers,
                        request.body() == null ? null : request.body().replace(token, value));
            }
        }
        return request;
    }

    /** Every RANGE {@code times} steps on, or null when one ends before. */
    private Map<String, Long> advance(Map<String, Long> from, int times) {
        Map<String, Long> next = new LinkedHashMap<>();
        for (RangeRule range : rules.ranges()) {
            OptionalLong after = range.range().after(from.get(range.key()), times);
            if (after.isEmpty()) {
                return null;
            }
            next.put(range.key(), after.getAsLong());
        }
        return next;
    }

    private String exhausted(Map<String, Long> from, int times) {
        for (RangeRule range : rules.ranges()) {
            long at = from.get(range.key());
            if (range.range().after(at, times).isEmpty()) {
                return times == 1 ? "range " + range.rule() + " is exhausted: " + at + " was its last value"
                        : "range " + range.rule() + " ends before the value " + times + " steps after " + at;
            }
        }
        return "a range is exhausted";
    }

    /** The stop when page {@code pageNumber} of the whole run lies past MaxRequestNumber; null when it does not. */
    private Step.Stop beyondMax(long pageNumber) {
        OptionalLong max = rules.maxRequestNumber();
        if (max.isEmpty() || pageNumber <= max.getAsLong()) {
            return null;
        }
        return stop(StopReason.MAX_REQUESTS, "MaxRequestNumber " + max.getAsLong() + " reached"
                                             + (partition.isWhole() ? "" : ": the next page of " + partition
                                                                           + " would be page " + pageNumber));
    }

    private static Step.Stop stop(StopReason reason, String detail) {
        return new Step.Stop(reason, detail);
    }

    /**
     * A request being built: the request, and its JSON body as a tree when Body rules edit it (parsed once per run).
     */
    private record Draft(PageRequest request, ObjectNode body) {

        Draft withUrl(String url) {
            return new Draft(request.withUrl(url), body);
        }

        PageRequest toRequest() {
            if (body == null) {
                return request;
            }
            try {
                return request.withBody(Json.MAPPER.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
