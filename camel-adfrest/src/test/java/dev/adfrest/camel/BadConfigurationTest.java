package dev.adfrest.camel;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad option fails when the endpoint is created, with a message that names the option. */
class BadConfigurationTest extends CamelTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "adfrest:ftp://api.example.com/x                                     | baseUrl",
            "adfrest:https://bad host/x                                          | baseUrl",
            "adfrest:https://api.example.com/x?authenticationType=Kerberos       | authenticationType",
            "adfrest:https://api.example.com/x?authenticationType=Basic&password=p | userName",
            "adfrest:https://api.example.com/x?authenticationType=Basic&userName=u | password",
            "adfrest:https://api.example.com/x?httpRequestTimeout=soon           | httpRequestTimeout",
            "adfrest:https://api.example.com/x?httpRequestTimeout=00:00:00       | httpRequestTimeout",
            "adfrest:https://api.example.com/x?requestInterval=1:2               | requestInterval",
            "adfrest:https://api.example.com/x?requestInterval=-00:00:01         | requestInterval",
            "adfrest:https://api.example.com/x?requestMethod=DELETE              | requestMethod",
            "adfrest:https://api.example.com/x?additionalHeaders=RAW({oops)      | additionalHeaders",
            "adfrest:https://api.example.com/x?additionalHeaders=RAW([1,2])      | additionalHeaders",
            "adfrest:https://api.example.com/x?paginationRules=RAW(not json)     | paginationRules",
            "adfrest:https://api.example.com/x?maxResponseSize=0                 | maxResponseSize",
            "adfrest:https://api.example.com/x?parallelRequests=0                | 'parallelRequests' must be between 1 and 32, but is 0",
            "adfrest:https://api.example.com/x?parallelRequests=33               | 'parallelRequests' must be between 1 and 32, but is 33",
            "adfrest:https://api.example.com/x?parallelRequests=many             | parallelRequests",
            "adfrest:https://api.example.com/x?spoolThreshold=-1                 | spoolThreshold",
            "adfrest:https://api.example.com/x?partitions=0                      | Option 'partitions' must be 1 or more, but is 0",
            "adfrest:https://api.example.com/x?partitions=3&partition=3          | Option 'partition' must be between 0 and 2 (partitions=3), but is 3",
            "adfrest:https://api.example.com/x?partition=1                       | Option 'partition' must be between 0 and 0 (partitions=1), but is 1",
            "adfrest:https://api.example.com/x?partitions=3&partition=-1         | Option 'partition' must be between 0 and 2",
            "adfrest:https://api.example.com/x?partitions=2&paginationRules.AbsoluteUrl=$.next | Options 'partitions' and 'partition' split a run whose requests are known in advance (RANGE pagination rules), but the pagination rule",
            "adfrest:https://api.example.com/x?partitions=2                      | Options 'partitions' and 'partition'" })
    void failsAtCreationNamingTheOption(String uri, String option) {
        assertThatThrownBy(() -> context.getEndpoint(uri.trim()))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(option.trim());
    }
}
