package dev.adfrest.camel;

import java.util.Locale;
import java.util.Map;

import dev.adfrest.camel.source.CopyRuns;
import dev.adfrest.camel.source.RunStats;
import org.apache.camel.util.json.JsonObject;

/**
 * What the dev console shows of one adfrest consumer (or producer): where it copies from, how, how its current and
 * last runs go, where it would resume, and its retries. Built from the endpoint's options and the runs' own reports
 * ({@link RunStats}); nothing secret in it. JSON, and the same as text lines.
 */
final class AdfRestRunReport {

    private AdfRestRunReport() {
    }

    /**
     * @param role     "consumer" or "producer"
     * @param routeId  the route it belongs to
     * @param endpoint its endpoint
     * @param stats    what its runs reported
     */
    static JsonObject json(String role, String routeId, AdfRestEndpoint endpoint, RunStats stats) {
        RunStats.Snapshot s = stats.snapshot();
        JsonObject jo = new JsonObject();
        jo.put("routeId", routeId);
        jo.put("role", role);
        jo.put("uri", endpoint.getEndpointUri());
        jo.put("baseUrl", endpoint.maskedBaseUrl());
        jo.put("authenticationType", endpoint.getConfiguration().getAuthenticationType());
        jo.put("ruleKinds", endpoint.ruleKinds());
        jo.put("ready", s.ready());
        jo.put("failing", s.failing());

        if (s.current() != null) {
            RunStats.Current c = s.current();
            JsonObject run = new JsonObject();
            run.put("runId", c.runId());
            run.put("startedAt", c.startedAt().toString());
            run.put("firstPage", c.firstPage());
            run.put("page", c.page());
            run.put("pages", c.pages());
            run.put("records", c.records());
            run.put("bytes", c.bytes());
            run.put("elapsedMillis", c.elapsed().toMillis());
            run.put("pagesPerSecond", round(c.pagesPerSecond()));
            run.put("recordsPerSecond", round(c.recordsPerSecond()));
            jo.put("currentRun", run);
        }
        if (s.last() != null) {
            RunStats.LastRun l = s.last();
            JsonObject run = new JsonObject();
            run.put("runId", l.runId());
            run.put("outcome", l.outcome().name());
            if (l.stopReason() != null) {
                run.put("stopReason", l.stopReason());
            }
            run.put("pages", l.pages());
            run.put("records", l.records());
            run.put("bytes", l.bytes());
            run.put("elapsedMillis", l.elapsed().toMillis());
            run.put("endedAt", l.endedAt().toString());
            run.put("summary", l.summary());
            jo.put("lastRun", run);
        }
        if (s.lastFailure() != null) {
            jo.put("lastFailure", failure(s.lastFailure()));
        }
        if (s.lastSuccessfulRun() != null) {
            jo.put("lastSuccessfulRun", s.lastSuccessfulRun().toString());
        }
        CopyRuns.ResumePoint saved = savedPosition(endpoint, routeId);
        if (saved != null) {
            JsonObject position = new JsonObject();
            position.put("runId", saved.runId());
            position.put("page", saved.page());
            position.put("method", saved.method());
            position.put("url", saved.url());
            jo.put("savedPosition", position);
        }
        JsonObject totals = new JsonObject();
        totals.put("runsStarted", s.runsStarted());
        totals.put("runsCompleted", s.runsCompleted());
        totals.put("runsFailed", s.runsFailed());
        totals.put("requests", s.requests());
        totals.put("pages", s.pages());
        totals.put("records", s.records());
        totals.put("bytes", s.bytes());
        if (s.recordsWritten() > 0) {
            totals.put("recordsWritten", s.recordsWritten());
        }
        totals.put("retries", s.retriesTotal());
        jo.put("totals", totals);
        jo.put("retries", new JsonObject(Map.copyOf(s.retries())));
        return jo;
    }

    /** The same as text: one "key: value" line per figure, nested objects indented. */
    static String text(JsonObject report) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%n    %s %s (route %s)", capitalized(report.getString("role")),
                report.getString("uri"), report.getString("routeId")));
        report.forEach((key, value) -> {
            if (!key.equals("role") && !key.equals("uri") && !key.equals("routeId")) {
                append(sb, "        ", key, value);
            }
        });
        return sb.append(System.lineSeparator()).toString();
    }

    private static void append(StringBuilder sb, String indent, String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            sb.append(String.format("%n%s%s:", indent, key));
            if (map.isEmpty()) {
                sb.append(" none");
            }
            map.forEach((k, v) -> append(sb, indent + "    ", String.valueOf(k), v));
        } else {
            sb.append(String.format("%n%s%s: %s", indent, key, value));
        }
    }

    private static JsonObject failure(RunStats.LastFailure f) {
        JsonObject jo = new JsonObject();
        jo.put("time", f.at().toString());
        jo.put("runId", f.runId());
        jo.put("page", f.failure().page());
        if (f.failure().status() > 0) {
            jo.put("status", f.failure().status());
        }
        if (f.failure().url() != null) {
            jo.put("url", f.failure().url());
        }
        jo.put("type", f.failure().type());
        jo.put("message", f.failure().message());
        return jo;
    }

    /**
     * The last failure in one line, for JMX: time, run, page, HTTP status, masked URL and message; empty when none.
     *
     * @param run  what a run is called ("run"; "exchange" for a producer's writes)
     * @param page what a page is called ("page"; "batch" for a producer's writes)
     */
    static String lastFailure(RunStats.Snapshot s, String run, String page) {
        RunStats.LastFailure f = s.lastFailure();
        if (f == null) {
            return "";
        }
        return f.at() + " " + run + " " + f.runId() + " " + page + " " + f.failure().page()
               + (f.failure().status() > 0 ? " HTTP " + f.failure().status() : "")
               + (f.failure().url() == null ? "" : " " + f.failure().url()) + ": " + f.failure().message();
    }

    /** The retries by cause in one line, for JMX: http-429=2, timeout=1, ... */
    static String retries(RunStats.Snapshot s) {
        StringBuilder sb = new StringBuilder();
        s.retries().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append('=').append(e.getValue()));
        return sb.toString();
    }

    /** Where the route's next run would resume; null when none is saved or the endpoint is stopped. */
    static CopyRuns.ResumePoint savedPosition(AdfRestEndpoint endpoint, String routeId) {
        CopyRuns runs = endpoint.runs();
        return runs == null ? null : runs.savedPosition(routeId);
    }

    private static double round(double perSecond) {
        return Math.round(perSecond * 100) / 100.0;
    }

    private static String capitalized(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
