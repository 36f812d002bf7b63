package dev.adfrest.camel.sink;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.adfrest.camel.testsupport.Receiver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink streams: 1,000,000 records of about 200 bytes (some 200 MB of JSON) copied from an InputStream JSON array
 * and from an Iterator by a JVM whose heap is 64 MB, where holding them would fail. The API, in this JVM, counts the
 * records it is sent without keeping them. Not a timed test: it asserts what arrived and that the child did not run
 * out of memory.
 */
@Tag("multi-jvm")
class SinkMemoryTest {

    static final int RECORDS = 1_000_000;

    @ParameterizedTest
    @ValueSource(strings = { "stream", "iterator" })
    void copiesAMillionRecordsIn64Mb(String mode) throws Exception {
        try (Receiver api = Receiver.counting()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            File output = new File("target/sink-memory-" + mode + ".out");
            Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                    "-Dlog4j2.level=WARN", "-cp", classPath, SinkMemoryChild.class.getName(), api.url() + "/import", mode,
                    String.valueOf(RECORDS))).redirectErrorStream(true).redirectOutput(output).start();
            boolean ended = child.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                child.destroyForcibly();
            }
            String printed = Files.readString(output.toPath());

            assertThat(ended).as("the child ended").isTrue();
            assertThat(child.exitValue()).as(printed).isZero();
            assertThat(printed).contains("written=" + RECORDS + " requests=" + RECORDS / 1000);
            assertThat(api.records()).isEqualTo(RECORDS);
            assertThat(api.received()).isEqualTo(RECORDS / 1000);
            System.out.printf("sink memory test (%s): %s", mode, printed.lines().filter(l -> l.startsWith("written="))
                    .findFirst().orElse(""));
        }
    }
}
