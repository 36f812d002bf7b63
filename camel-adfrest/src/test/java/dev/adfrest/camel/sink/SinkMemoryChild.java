package dev.adfrest.camel.sink;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.adfrest.camel.AdfRestConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Writes N generated records of about 200 bytes to a sink in a JVM of its own (run with a small heap by
 * {@link SinkMemoryTest}): from an InputStream that makes the JSON array's bytes as they are read, or from an Iterator
 * that makes each record when asked. Neither ever exists whole, so only a sink that streams can copy them. Prints
 * {@code written=<records> requests=<n> peakHeapMiB=<m>} and exits 0, or prints the failure and exits 1.
 */
public final class SinkMemoryChild {

    private SinkMemoryChild() {
    }

    /** args: sink URL, "stream" or "iterator", number of records. */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String mode = args[1];
        int records = Integer.parseInt(args[2]);
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            ProducerTemplate template = context.createProducerTemplate();
            Object body = mode.equals("stream") ? new JsonArrayStream(records) : iterator(records);
            Exchange done = template.send("adfrest:" + url + "?requestInterval=0&writeBatchSize=1000",
                    e -> e.getMessage().setBody(body));
            if (done.getException() != null) {
                done.getException().printStackTrace(System.out);
                System.exit(1);
            }
            System.out.printf("written=%d requests=%d peakHeapMiB=%d%n",
                    done.getMessage().getHeader(AdfRestConstants.RECORDS_WRITTEN, Long.class),
                    done.getMessage().getHeader(AdfRestConstants.REQUEST_COUNT, Integer.class), peakHeap() >> 20);
        } finally {
            context.stop();
        }
        System.exit(0);
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static String note(int i) {
        return "order " + i + " of the memory test, written to prove that the sink streams records batch by batch"
               + " and never holds them all";
    }

    static Iterator<Map<String, Object>> iterator(int records) {
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < records;
            }

            @Override
            public Map<String, Object> next() {
                i++;
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", i);
                record.put("customer", "customer-" + (i % 1000));
                record.put("total", i * 0.25);
                record.put("note", note(i));
                return record;
            }
        };
    }

    /** A JSON array of generated records, made as it is read. */
    static final class JsonArrayStream extends InputStream {
        private final int records;
        private int next;
        private byte[] chunk = "[".getBytes(StandardCharsets.UTF_8);
        private int pos;

        JsonArrayStream(int records) {
            this.records = records;
        }

        private boolean fill() {
            if (next > records) {
                return false;
            }
            next++;
            String text = next > records ? "]"
                    : (next > 1 ? "," : "") + "{\"id\":" + next + ",\"customer\":\"customer-" + (next % 1000)
                      + "\",\"total\":" + (next * 0.25) + ",\"note\":\"" + note(next) + "\"}";
            chunk = text.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                if (pos == chunk.length && !fill()) {
                    break;
                }
                int k = Math.min(len - n, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off + n, k);
                pos += k;
                n += k;
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
