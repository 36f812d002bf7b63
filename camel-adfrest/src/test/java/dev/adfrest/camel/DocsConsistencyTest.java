package dev.adfrest.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options and headers are documented once, in their annotations; the generated adfrest.json carries them. The user
 * page lists each with the same default, so the two cannot drift apart.
 */
class DocsConsistencyTest {

    /** Camel's own scheduled-poll and consumer options, documented by Camel. */
    private static final Set<String> CAMEL_OPTIONS = Set.of("sendEmptyMessageWhenIdle", "bridgeErrorHandler",
            "exceptionHandler", "exchangePattern", "pollStrategy", "backoffErrorThreshold", "backoffIdleThreshold",
            "backoffMultiplier", "delay", "greedy", "initialDelay", "repeatCount", "runLoggingLevel",
            "scheduledExecutorService", "scheduler", "schedulerProperties", "startScheduler", "timeUnit",
            "useFixedDelay", "lazyStartProducer");

    private final JsonNode model = readModel();
    private final String page = readPage();

    @Test
    void everyOptionIsInTheUserPageWithItsDefault() {
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = model.get("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = option.getKey();
            if (CAMEL_OPTIONS.contains(name)) {
                continue;
            }
            String row = tableRowOf(name);
            if (row == null) {
                missing.add(name + " (no table row)");
                continue;
            }
            JsonNode def = option.getValue().get("defaultValue");
            if (def != null && !row.contains("`" + def.asText() + "`")) {
                missing.add(name + " (default " + def.asText() + " not in its row)");
            }
        }
        assertThat(missing).as("options of adfrest.json not documented in docs/adfrest-component.md").isEmpty();
    }

    @Test
    void everyHeaderIsInTheUserPage() {
        List<String> missing = new ArrayList<>();
        model.get("headers").fieldNames().forEachRemaining(h -> {
            if (!page.contains("`" + h + "`")) {
                missing.add(h);
            }
        });
        assertThat(missing).isEmpty();
    }

    private String tableRowOf(String option) {
        for (String line : page.split("\n")) {
            if (line.startsWith("|") && (line.contains("| `" + option + "` |") || line.contains("path `" + option + "`"))) {
                return line;
            }
        }
        return null;
    }

    private static JsonNode readModel() {
        try (InputStream in = DocsConsistencyTest.class.getResourceAsStream("/META-INF/dev/adfrest/camel/adfrest.json")) {
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException("adfrest.json is generated at process-classes", e);
        }
    }

    private static String readPage() {
        try {
            return Files.readString(Path.of("..", "docs", "adfrest-component.md"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
