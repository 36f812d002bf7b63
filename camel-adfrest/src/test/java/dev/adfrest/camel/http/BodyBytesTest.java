package dev.adfrest.camel.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A declared Content-Length is a promise, not an allocation: the array grows with the bytes that arrive. */
class BodyBytesTest {

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void aLengthTheServerOnlyClaimsCostsNoMoreThanTheFirstChunk() throws Exception {
        InputStream tenBytes = new ByteArrayInputStream("{\"a\":1234}".getBytes());
        BodyBytes.readAll(new ByteArrayInputStream(new byte[1]), 1); // warm up class loading
        long before = allocatedByThisThread();

        byte[] body = BodyBytes.readAll(tenBytes, 100L * 1024 * 1024); // "Content-Length: 104857600"

        long allocated = allocatedByThisThread() - before;
        assertThat(body).hasSize(10);
        assertThat(allocated).as("bytes allocated for a 10-byte body that claimed 100 MiB").isLessThan(1024 * 1024);
    }

    @Test
    void aBodyThatArrivesWholeFillsAnArrayOfExactlyItsSize() throws Exception {
        for (int size : new int[] { 0, 1, 65_535, 65_536, 65_537, 1_000_003 }) {
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);

            byte[] body = BodyBytes.readAll(new ByteArrayInputStream(data), size);

            assertThat(body).as("size " + size).isEqualTo(data);
        }
    }
}
