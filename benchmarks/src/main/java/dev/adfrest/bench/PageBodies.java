package dev.adfrest.bench;

import java.nio.charset.StandardCharsets;

/**
 * The API's pages, byte for byte, for the server to send and for the clients to check what they received. Every
 * page carries the same deterministic records; pages differ only in their number and next link.
 * <ul>
 * <li>NEXT_LINK: {@code GET /W1/p/<total>/<n>} → {@code {"page":n,"data":[...],"next":"<base>/W1/p/<total>/<n+1>"}},
 * {@code "next":null} on page total.</li>
 * <li>RANGE: {@code GET /W3/items?offset=k} → {@code {"offset":k,"data":[...]}}.</li>
 * <li>HUGE: {@code GET /W4/huge/<bytes>} → {@code {"page":1,"data":[...],"next":null}} of exactly that many bytes, the
 * next link at its very end.</li>
 * </ul>
 */
public final class PageBodies {

    private PageBodies() {
    }

    /** Comma-separated records, at least {@code minBytes} long. */
    public static byte[] records(long minBytes) {
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, minBytes + 200));
        for (int id = 1; sb.length() < minBytes || id == 1; id++) {
            if (id > 1) {
                sb.append(',');
            }
            sb.append("{\"id\":").append(id)
                    .append(",\"name\":\"record-").append(String.format("%06d", id)).append('"')
                    .append(",\"price\":").append(id % 1000).append('.').append(String.format("%02d", id % 100))
                    .append(",\"active\":").append(id % 3 != 0)
                    .append(",\"tags\":[\"alpha\",\"beta\"]}");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The records of one page of about {@code pageBytes}. */
    public static byte[] pageRecords(long pageBytes) {
        return records(Math.max(1, pageBytes - 80));
    }

    // --- NEXT_LINK ----------------------------------------------------------------------------------------------------

    public static String nextLinkPath(String workload, int total, int n) {
        return "/" + workload + "/p/" + total + "/" + n;
    }

    public static byte[] nextLinkHead(int n) {
        return ascii("{\"page\":" + n + ",\"data\":[");
    }

    public static byte[] nextLinkTail(String base, String workload, int total, int n) {
        return ascii(n < total ? "],\"next\":\"" + base + nextLinkPath(workload, total, n + 1) + "\"}" : "],\"next\":null}");
    }

    /** The bytes of a whole NEXT_LINK run: what a client must have received. */
    public static long nextLinkRunBytes(String base, String workload, int total, int recordsLength) {
        long sum = 0;
        for (int n = 1; n <= total; n++) {
            sum += nextLinkHead(n).length + recordsLength + nextLinkTail(base, workload, total, n).length;
        }
        return sum;
    }

    // --- RANGE --------------------------------------------------------------------------------------------------------

    public static String rangePath(String workload) {
        return "/" + workload + "/items";
    }

    public static byte[] rangeHead(long offset) {
        return ascii("{\"offset\":" + offset + ",\"data\":[");
    }

    public static byte[] rangeTail() {
        return ascii("]}");
    }

    public static long rangeRunBytes(int offsets, int recordsLength) {
        long sum = 0;
        for (int i = 0; i < offsets; i++) {
            sum += rangeHead((long) i * Workload.RANGE_STEP).length + recordsLength + rangeTail().length;
        }
        return sum;
    }

    // --- HUGE ---------------------------------------------------------------------------------------------------------

    public static String hugePath(String workload, long bytes) {
        return "/" + workload + "/huge/" + bytes;
    }

    public static final byte[] HUGE_HEAD = ascii("{\"page\":1,\"data\":[");
    public static final byte[] HUGE_TAIL = ascii("],\"next\":null}");

    /**
     * The layout of a HUGE page of exactly {@code bytes}: head, {@code repeats} copies of the block separated by
     * commas, one extra record padded with spaces inside it (JSON whitespace) to hit the size, tail.
     */
    public record HugeLayout(byte[] block, long repeats, byte[] last) {

        public static HugeLayout of(long bytes) {
            byte[] block = records(64 * 1024);
            byte[] lastRecord = ascii("{\"id\":0,\"pad\":\"\"}");
            long fixed = HUGE_HEAD.length + HUGE_TAIL.length + lastRecord.length;
            if (bytes < fixed) {
                throw new IllegalArgumentException("A HUGE page needs at least " + fixed + " bytes");
            }
            long repeats = (bytes - fixed) / (block.length + 1);
            long pad = bytes - fixed - repeats * (block.length + 1);
            byte[] last = new byte[(int) (lastRecord.length + pad)];
            System.arraycopy(lastRecord, 0, last, 0, lastRecord.length - 1);
            java.util.Arrays.fill(last, lastRecord.length - 1, last.length - 1, (byte) ' ');
            last[last.length - 1] = '}';
            return new HugeLayout(block, repeats, last);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
