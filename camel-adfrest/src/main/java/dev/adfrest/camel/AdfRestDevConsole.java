package dev.adfrest.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The developer console {@code adfrest} (camel-console, Camel JBang's {@code camel get}, the Spring Boot and Quarkus
 * dev UIs): for every adfrest consumer, where it copies from, how its current and last runs go, where it would resume
 * and its retries ({@link AdfRestRunReport}).
 */
@DevConsole(name = "adfrest", displayName = "ADF REST", description = "ADF REST copy runs")
public class AdfRestDevConsole extends AbstractDevConsole {

    public AdfRestDevConsole() {
        super("camel", "adfrest", "ADF REST", "ADF REST copy runs");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        reports().forEach(report -> sb.append(AdfRestRunReport.text(report)));
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> consumers = new ArrayList<>();
        List<JsonObject> producers = new ArrayList<>();
        reports().forEach(r -> ("producer".equals(r.getString("role")) ? producers : consumers).add(r));
        root.put("consumers", consumers);
        if (!producers.isEmpty()) {
            root.put("producers", producers);
        }
        return root;
    }

    private List<JsonObject> reports() {
        List<JsonObject> reports = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof AdfRestConsumer consumer) {
                reports.add(AdfRestRunReport.json("consumer", route.getRouteId(), consumer.getEndpoint(),
                        consumer.stats()));
            }
        }
        for (org.apache.camel.Endpoint endpoint : getCamelContext().getEndpoints()) {
            // a producer that has done something: its writes (or reads) counted as runs
            if (endpoint instanceof AdfRestEndpoint adfrest && adfrest.getProducerStats().snapshot().runsStarted() > 0) {
                reports.add(AdfRestRunReport.json("producer", null, adfrest, adfrest.getProducerStats()));
            }
        }
        return reports;
    }
}
