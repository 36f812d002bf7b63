package dev.adfrest.examples.quarkus;

import java.io.IOException;

import dev.adfrest.examples.DemoApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The paginated demo API this example copies from, on 127.0.0.1, for as long as the application runs. */
@ApplicationScoped
public class DemoApiProducer {

    @Produces
    @Singleton
    DemoApi demoApi(@ConfigProperty(name = "demo.pages") int pages, @ConfigProperty(name = "demo.per-page") int perPage,
            @ConfigProperty(name = "demo.api-key") String apiKey) throws IOException {
        return DemoApi.start(pages, perPage, apiKey);
    }

    void stop(@Disposes DemoApi api) {
        api.close();
    }
}
