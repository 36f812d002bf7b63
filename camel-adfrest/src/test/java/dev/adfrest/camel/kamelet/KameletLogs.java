package dev.adfrest.camel.kamelet;

import java.util.List;

/**
 * Camel core's own DEBUG lines with the kamelet: URI as given and the Kamelet's parameters (template properties) with
 * their values: while it resolves a Kamelet, and for a sink Kamelet in a {@code to}, when its producer starts and on
 * every message sent (SendProcessor, DefaultProducer). Secrets given as Kamelet parameters show there; secrets set on
 * the component do not (see docs/runtimes.md).
 */
final class KameletLogs {

    private static final List<String> CAMEL_KAMELET_RESOLUTION_LOGGERS = List.of(
            "org.apache.camel.support.DefaultComponent", "org.apache.camel.impl.engine.AbstractCamelContext",
            "org.apache.camel.component.properties.DefaultPropertiesParser",
            "org.apache.camel.impl.engine.DefaultCamelContextExtension",
            "org.apache.camel.impl.engine.InternalRouteStartupManager",
            "org.apache.camel.processor.SendProcessor", "org.apache.camel.support.DefaultProducer");

    private KameletLogs() {
    }

    /** Whether a captured line is one of those (LogCapture's "LEVEL logger message"). */
    static boolean showsKameletParameters(String line) {
        return line.startsWith("DEBUG")
               && CAMEL_KAMELET_RESOLUTION_LOGGERS.stream().anyMatch(logger -> line.startsWith("DEBUG " + logger + " "));
    }
}
