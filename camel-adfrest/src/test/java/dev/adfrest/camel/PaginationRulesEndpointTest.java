package dev.adfrest.camel;

import java.util.Map;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed pagination rules fail when the endpoint is created, quoting the rule, in every form a URI can carry. */
class PaginationRulesEndpointTest extends CamelTestSupport {

    static final String BASE = "adfrest:http://127.0.0.1:9/api/items";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ?paginationRules.AbsoluteUrl=paging.next                                     | "AbsoluteUrl": "paging.next"
            ?paginationRules=RAW({"AbsoluteUrl":"$.paging["})                            | "AbsoluteUrl": "$.paging["
            ?paginationRules.absoluteUrl=$.next                                          | keys are case-sensitive
            ?offset={offset}&paginationRules.QueryParameters.{offset}=RANGE:0:x:1000     | "QueryParameters.{offset}": "RANGE:0:x:1000"
            ?offset={offset}&paginationRules.QueryParameters.{offset}=RANGE:0:100:0      | the step must not be 0
            ?paginationRules=RAW({"EndCondition:$.done":"Const:"})                       | "EndCondition:$.done": "Const:"
            ?paginationRules=RAW({"Headers.":"$.cursor"})                                | "Headers.": "$.cursor"
            ?paginationRules.QueryParameters.{offset}=RANGE:0:100:10                     | {offset}, which appears nowhere
            ?offset={offset}&paginationRules.AbsoluteUrl=$.next                          | placeholder {offset} but no pagination rule fills it
            ?paginationRules.Body.cursor=$.cursor                                        | requestMethod POST
            """)
    void malformedRulesFailAtEndpointCreation(String query, String expected) {
        assertThatThrownBy(() -> context.getEndpoint(BASE + query))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void aMapBeanWithRulesIsCheckedToo() {
        context.getRegistry().bind("myRules", Map.of("QueryParameters.{page}", "RANGE:1:5"));

        assertThatThrownBy(() -> context.getEndpoint(BASE + "?page={page}&paginationRules=#myRules"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("\"QueryParameters.{page}\": \"RANGE:1:5\"")
                .hasMessageContaining("RANGE takes three parts");
    }

    @Test
    void jsonPathFiltersSurviveTheUriAsWritten() {
        AdfRestEndpoint prefixed = context.getEndpoint(BASE + "?paginationRules.AbsoluteUrl=$.links[?(@.rel=='next')].href",
                AdfRestEndpoint.class);
        AdfRestEndpoint raw = context.getEndpoint(BASE + "?paginationRules=RAW({\"AbsoluteUrl\":"
                                                  + "\"$.links[?(@.rel=='next' && @.type!='a+b')].href\"})", AdfRestEndpoint.class);

        assertThat(prefixed.getConfiguration().getPaginationRules())
                .containsExactly(Map.entry("AbsoluteUrl", "$.links[?(@.rel=='next')].href"));
        assertThat(raw.getConfiguration().getPaginationRules())
                .containsExactly(Map.entry("AbsoluteUrl", "$.links[?(@.rel=='next' && @.type!='a+b')].href"));
    }

    @Test
    void wellFormedRulesInEveryFormCreateAnEndpoint() {
        assertThat(context.getEndpoint(BASE + "?sysparm_offset={offset}&paginationRules.QueryParameters.{offset}=RANGE:0:10000:1000"))
                .isNotNull();
        assertThat(context.getEndpoint(BASE + "?paginationRules=RAW({\"AbsoluteUrl\":\"$['@odata.nextLink']\","
                                       + "\"EndCondition:headers.Complete\":\"Const:1\",\"MaxRequestNumber\":10})")).isNotNull();
        assertThat(context.getEndpoint(BASE + "?paginationRules.EndCondition:$.data=Empty&paginationRules.SupportRFC5988=true"))
                .isNotNull();
    }
}
