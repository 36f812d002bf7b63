package dev.adfrest.camel.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The background writer of spool files: the file holds exactly the bytes written, in order, once closed. */
class SpoolOutputTest {

    @TempDir
    Path dir;

    private byte[] written(byte[] bytes, int chunk) throws IOException {
        Path file = Files.createTempFile(dir, "spool", ".json");
        try (OutputStream out = new SpoolOutput(file)) {
            for (int i = 0; i < bytes.length; i += chunk) {
                out.write(bytes, i, Math.min(chunk, bytes.length - i));
            }
        }
        return Files.readAllBytes(file);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void chunksOfAnySizeEndUpInOrder() throws IOException {
        byte[] bytes = random(7 * (1 << 20) / 2 + 123); // 3.5 MiB and a bit: every buffer reused
        assertThat(written(bytes, 8000)).isEqualTo(bytes);
        assertThat(written(bytes, 3 << 20)).isEqualTo(bytes);
        assertThat(written(bytes, 1)).hasSize(bytes.length).isEqualTo(bytes);
    }

    @Test
    void exactBufferMultiplesAndEmptyFiles() throws IOException {
        byte[] two = random(2 << 20);
        assertThat(written(two, 1 << 20)).isEqualTo(two);
        assertThat(written(new byte[0], 1)).isEmpty();
    }

    @Test
    void singleBytesAndClosingTwice() throws IOException {
        Path file = Files.createTempFile(dir, "spool", ".json");
        OutputStream out = new SpoolOutput(file);
        out.write('{');
        out.write('}');
        out.close();
        out.close();
        assertThat(Files.readString(file)).isEqualTo("{}");
    }
}
