package dev.adfrest.examples;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's REST-to-REST example, small: every order of the demo API lands in its archive, mapped, once. */
class CopyApiToApiTest {

    @Test
    void copiesEveryOrderIntoTheArchiveMappedByTheTranslator() throws Exception {
        CopyApiToApi.Result result = CopyApiToApi.copy(5, 7, 4);

        assertThat(result.complete()).isTrue();
        List<JsonNode> archived = result.api().archived();
        assertThat(archived).hasSize(35);
        assertThat(archived).extracting(r -> r.get("orderId").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 35).boxed().toList());
        assertThat(archived.get(0).toString())
                .isEqualTo("{\"orderId\":1,\"customerId\":\"customer-1\",\"amount\":3.25,\"status\":\"paid\"}");
        // 7 orders per page in batches of at most 4: two requests per page
        assertThat(result.archiveRequests()).isEqualTo(10);
    }
}
