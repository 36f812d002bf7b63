package dev.adfrest.examples;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's main example, small: every page of the demo API lands in its own file, as received. */
class CopyDemoApiTest {

    @Test
    void copiesEveryPageAsIs(@TempDir Path out) throws Exception {
        CopyDemoApi.Result result = CopyDemoApi.copy(7, 3, out);

        assertThat(result.complete()).isTrue();
        assertThat(result.filesWritten()).isEqualTo(7);
        JsonNode page7 = new ObjectMapper().readTree(Files.readString(out.resolve("orders-7.json")));
        assertThat(page7.at("/data/2/id").asInt()).isEqualTo(21);
        assertThat(page7.at("/paging/next").isMissingNode()).isTrue();
    }
}
