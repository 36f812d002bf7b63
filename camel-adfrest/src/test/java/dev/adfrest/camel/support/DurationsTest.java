package dev.adfrest.camel.support;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
            "00:01:40, 100000", // ADF's httpRequestTimeout default
            "00:00:01, 1000", // ADF's requestInterval default
            "00:00:00, 0",
            "1.02:03:04, 93784000", // days.hours:minutes:seconds
            "00:00:00.5, 500",
            "00:00:01.2500000, 1250",
            "100s, 100000", // Camel durations
            "1m40s, 100000",
            "250, 250", // plain milliseconds
            "0, 0",
            "PT1M40S, 100000" })
    void readsAdfTimeSpansCamelDurationsAndMillis(String text, long millis) {
        assertThat(Durations.parse("httpRequestTimeout", text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "00:61:00", "1:2", "10 parsecs", "" })
    void refusesMalformedDurationsNamingTheOption(String text) {
        assertThatThrownBy(() -> Durations.parse("requestInterval", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestInterval");
    }

    @ParameterizedTest
    @ValueSource(strings = { "-00:00:01", "-5" })
    void refusesNegativeWhereNotAllowed(String text) {
        assertThatThrownBy(() -> Durations.parseNonNegative("requestInterval", text))
                .hasMessageContaining("requestInterval").hasMessageContaining("negative");
    }
}
