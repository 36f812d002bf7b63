package dev.adfrest.camel.ops;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;

/** A test that starts one Camel context and has it stopped after each test. */
abstract class ContextTest {

    protected CamelContext context;

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }
}
