package dev.adfrest.camel;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The incremental-copy options are checked when the endpoint is created, each refusal naming the options. */
class IncrementalOptionsTest extends CamelTestSupport {

    private static final String API = "adfrest:https://api.example.com/orders";
    private static final String OK = "&watermarkPath=$.updatedAt&stateRepository=#state";

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("state", new MemoryStateRepository());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "?watermarkPath=$.updatedAt                             | Option 'watermarkPath' needs option 'stateRepository'",
            "?watermarkPath=RAW($[)&stateRepository=#state          | Option 'watermarkPath': '$[' is not a valid JSONPath",
            "?since={watermark}                                    | The request has the placeholder {watermark} ({watermark} is in query parameter 'since') but option 'watermarkPath' is not set",
            "?additionalHeaders.X-Since={watermark}                | ({watermark} is in option 'additionalHeaders.X-Since') but option 'watermarkPath' is not set",
            "?requestMethod=POST&requestBody=RAW({\"s\":\"{watermark}\"}) | ({watermark} is in option 'requestBody') but option 'watermarkPath' is not set",
            "?watermarkLag=5m                                      | Option 'watermarkLag' needs option 'watermarkPath'",
            "?watermarkInitialValue=0                              | Option 'watermarkInitialValue' needs option 'watermarkPath'",
            "?since={watermark}" + OK + "                          | Option 'watermarkInitialValue' is needed: the request has the placeholder {watermark} ({watermark} is in query parameter 'since')",
            "?watermarkInitialValue=2024-05-01T00:00:00Z&watermarkLag=300" + OK + " | Option 'watermarkLag' is 300, a number, but the watermark 2024-05-01T00:00:00Z is a date-time",
            "?watermarkInitialValue=0&watermarkLag=5m" + OK + "    | Option 'watermarkLag' is 5m, a duration, but the watermark 0 is a number",
            "?watermarkInitialValue=abc&watermarkLag=5" + OK + "   | is a string, which cannot be moved back: remove watermarkLag",
            "?watermarkLag=soon" + OK + "                          | Option 'watermarkLag' is neither a number",
            "?watermarkLag=-00:05:00" + OK + "                     | Option 'watermarkLag' must not be negative",
            "?offset={offset}&partitions=2&paginationRules.QueryParameters.{offset}=RANGE:0:100:10" + OK + " | Options 'watermarkPath' and 'partitions' cannot be combined",
            "?x={watermark}&paginationRules.QueryParameters.{watermark}=RANGE:0:100:10" + OK + " | A RANGE pagination rule fills {watermark}, which is the placeholder of option 'watermarkPath'",
            "?watermarkInitialValue=a%0Ab" + OK + "               | Option 'watermarkInitialValue' must be at most 1024 characters, without line breaks" })
    void refusedAtCreationNamingTheOptions(String query, String message) {
        assertThatThrownBy(() -> context.getEndpoint(API + query.trim()))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(message.trim());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // {watermark} is not a RANGE placeholder: a RANGE rule and the watermark in one URL
            "?offset={offset}&since={watermark}&watermarkInitialValue=0&paginationRules.QueryParameters.{offset}=RANGE:0:100:10" + OK,
            "?relativeUrl=RAW(/v2/{watermark}/items)&watermarkInitialValue=2024-05-01" + OK,
            "?watermarkInitialValue=2024-05-01&watermarkLag=P1D" + OK,
            "?watermarkInitialValue=2024-05-01T00:00:00&watermarkLag=00:05:00" + OK,
            "?watermarkInitialValue=100&watermarkLag=10" + OK,
            OK, // no placeholder, no initial value: the route reads the header
            // without watermarkPath, a RANGE variable may still be called {watermark}
            "?w={watermark}&paginationRules.QueryParameters.{watermark}=RANGE:0:100:10" })
    void accepted(String query) {
        assertThat(context.getEndpoint(API + query.replaceFirst("^&", "?"))).isInstanceOf(AdfRestEndpoint.class);
    }
}
