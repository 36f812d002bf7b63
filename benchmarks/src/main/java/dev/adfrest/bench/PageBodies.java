package dev.adfrest.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.adfrest.bench.Workload.Shape;
import dev.adfrest.bench.Workload.Style;

/**
 * The API's pages, byte for byte: what nginx's files hold, what the JVM server sends, and what the clients must have
 * received. Every page of a workload carries the same deterministic records; pages differ only in their number and
 * next link.
 * <ul>
 * <li>NEXT_LINK: {@code GET /W1/p/<total>/<n>} → {@code {"page":n,"data":[...],"next":"<base>/W1/p/<total>/<n+1>"}},
 * {@code "next":null} on page total.</li>
 * <li>GRAPH: {@code GET /W10/<total>/users?$top=<k>} then {@code ...&$skiptoken=<opaque>} →
 * {@code {"@odata.context":"...","@odata.nextLink":"<absolute URL>","value":[...]}}, no nextLink on the last page
 * (Microsoft Graph's form; the values hold non-ASCII text).</li>
 * <li>RANGE: {@code GET /W3/items?offset=k} → {@code {"offset":k,"data":[...]}}.</li>
 * <li>HUGE: {@code GET /W4/huge/<bytes>} → {@code {"page":1,"data":[...],"next":null}} of exactly that many bytes, the
 * next link at its very end.</li>
 * </ul>
 */
public final class PageBodies {

    /** Bumped whenever a page's bytes change: static sites written by an older harness are rewritten. */
    static final int LAYOUT = 2;

    private static final Map<String, Records> RECORDS = new ConcurrentHashMap<>();
    private static final String SKIPTOKEN_PREFIX = "RFNwdAIAAQAAAB";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private PageBodies() {
    }

    /** The records of one page: comma-separated JSON objects, and how many. */
    public record Records(byte[] json, int count) {
    }

    // --- records ------------------------------------------------------------------------------------------------------

    /** The records of every page of a workload of this style and page size (computed once). */
    public static Records pageRecords(Style style, long pageBytes) {
        long overhead = style == Style.USERS ? 300 : 80;
        return RECORDS.computeIfAbsent(style + "/" + pageBytes, k -> records(style, Math.max(1, pageBytes - overhead)));
    }

    /** Records at least {@code minBytes} long in UTF-8 (at least one). */
    public static Records records(Style style, long minBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16,
                minBytes + 600));
        StringBuilder sb = new StringBuilder(600);
        int count = 0;
        for (int id = 1; out.size() < minBytes || id == 1; id++) {
            sb.setLength(0);
            if (id > 1) {
                sb.append(',');
            }
            switch (style) {
                case PLAIN -> plain(sb, id);
                case TYPED -> typed(sb, id);
                case USERS -> user(sb, id);
            }
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            count++;
        }
        return new Records(out.toByteArray(), count);
    }

    private static void plain(StringBuilder sb, int id) {
        sb.append("{\"id\":").append(id)
                .append(",\"name\":\"record-").append(String.format("%06d", id)).append('"')
                .append(",\"price\":").append(id % 1000).append('.').append(String.format("%02d", id % 100))
                .append(",\"active\":").append(id % 3 != 0)
                .append(",\"tags\":[\"alpha\",\"beta\"]}");
    }

    private static final String[] NAMES = {"Zoë Ångström", "José Müller", "Łukasz Żółkiewski", "陈思远", "Αλέξανδρος Παπαδόπουλος",
        "Дмитрий Иванов", "Søren Kierkegård", "Nguyễn Ngọc Ánh", "山田 太郎", "Maja 🌻 Berg"};
    private static final String[] CATEGORIES = {"électronique", "Bücher", "家居用品", "Спорт", "Jardinería", "Ψυχαγωγία"};
    private static final String[] COUNTRIES = {"DE", "FR", "JP", "BR", "IN", "US", "PL"};

    /** W7: ten fields, one per column of the translator (see {@link TypedRows}). */
    private static void typed(StringBuilder sb, int id) {
        sb.append("{\"id\":").append(1_000_000L + id)
                .append(",\"name\":\"").append(NAMES[id % NAMES.length]).append(' ').append(id).append('"')
                .append(",\"price\":").append(id % 1000).append('.').append(11 + id % 88)
                .append(",\"active\":").append(id % 3 != 0)
                .append(",\"created\":\"").append(CREATED.format(LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(37L * id)))
                .append('"')
                .append(",\"quantity\":").append(id % 500)
                .append(",\"rating\":").append(id % 5).append('.').append(25 * (1 + id % 3))
                .append(",\"category\":\"").append(CATEGORIES[id % CATEGORIES.length]).append('"')
                .append(",\"country\":\"").append(COUNTRIES[id % COUNTRIES.length]).append('"')
                .append(",\"guid\":\"").append(uuid(id)).append("\"}");
    }

    private static final String[][] PEOPLE = {
        {"Zoë", "Ångström", "Développeuse", "München 3/14", "de-DE"},
        {"José", "Müller", "Ingeniero de datos", "São Paulo", "pt-BR"},
        {"Łukasz", "Żółkiewski", "Kierownik projektu", "Kraków", "pl-PL"},
        {"思远", "陈", "数据分析师", "上海", "zh-CN"},
        {"Αλέξανδρος", "Παπαδόπουλος", "Μηχανικός", "Αθήνα", "el-GR"},
        {"Дмитрий", "Иванов", "Аналитик", "Новосибирск", "ru-RU"},
        {"Søren", "Kierkegård", "Udvikler", "København", "da-DK"},
        {"Ánh", "Nguyễn", "Kỹ sư phần mềm", "Hà Nội", "vi-VN"},
        {"太郎", "山田", "エンジニア", "東京", "ja-JP"},
        {"Maja", "Berg 🌻", "Team lead", "Göteborg", "sv-SE"}};

    /** W10: a Microsoft Graph user object, as {@code GET /v1.0/users} returns it. */
    private static void user(StringBuilder sb, int id) {
        String[] p = PEOPLE[id % PEOPLE.length];
        String mail = "user" + id + "@contoso.example";
        sb.append("{\"businessPhones\":[\"+49 30 555 ").append(1000 + id % 9000).append("\"]")
                .append(",\"displayName\":\"").append(p[0]).append(' ').append(p[1]).append('"')
                .append(",\"givenName\":\"").append(p[0]).append('"')
                .append(",\"jobTitle\":\"").append(p[2]).append('"')
                .append(",\"mail\":\"").append(mail).append('"')
                .append(",\"mobilePhone\":null")
                .append(",\"officeLocation\":\"").append(p[3]).append('"')
                .append(",\"preferredLanguage\":\"").append(p[4]).append('"')
                .append(",\"surname\":\"").append(p[1]).append('"')
                .append(",\"userPrincipalName\":\"").append(mail).append('"')
                .append(",\"id\":\"").append(uuid(id)).append("\"}");
    }

    private static UUID uuid(int id) {
        return new UUID(0x9E3779B97F4A7C15L * id, 0xC2B2AE3D27D4EB4FL * (id + 7));
    }

    // --- pages --------------------------------------------------------------------------------------------------------

    /** The pages of one run of a workload (at the size of that run) from one server. */
    public static Pages pages(Workload w, String base) {
        return new Pages(w, base);
    }

    /** The pages of one run: their request paths, their bytes, and what a complete copy delivers. */
    public static final class Pages {
        private final Workload w;
        private final String base;
        private final Records records;

        Pages(Workload w, String base) {
            this.w = w;
            this.base = base;
            this.records = w.shape() == Shape.HUGE || w.isSink() ? new Records(new byte[0], 0) : pageRecords(w.style(), w.pageBytes());
        }

        public Records records() {
            return records;
        }

        /** The first request's URL. */
        public String firstUrl() {
            return base + path(1);
        }

        /** Path and query of page {@code n} (1-based; RANGE: the n-th offset). */
        public String path(int n) {
            return switch (w.shape()) {
                case NEXT_LINK -> "/" + w.id() + "/p/" + w.pages() + "/" + n;
                case GRAPH -> "/" + w.id() + "/" + w.pages() + "/users?$top=" + records.count()
                              + (n == 1 ? "" : "&$skiptoken=" + skiptoken(n));
                case RANGE -> rangePath(w.id()) + "?offset=" + (long) (n - 1) * Workload.RANGE_STEP;
                case HUGE -> "/" + w.id() + "/huge/" + w.pageBytes();
                case SINK -> throw new IllegalStateException("a sink has no pages");
            };
        }

        /** Where nginx finds page {@code n}, relative to its root (see {@link StaticSite}). */
        public String file(int n) {
            return switch (w.shape()) {
                case NEXT_LINK -> path(n).substring(1);
                case GRAPH -> w.id() + "/" + w.pages() + "/users-" + (n == 1 ? "first" : skiptoken(n));
                default -> throw new IllegalStateException(w.shape() + " pages are not static files");
            };
        }

        public byte[] head(int n) {
            return ascii(switch (w.shape()) {
                case NEXT_LINK -> "{\"page\":" + n + ",\"data\":[";
                case GRAPH -> "{\"@odata.context\":\"" + base + "/" + w.id() + "/$metadata#users\","
                              + (n < w.pages() ? "\"@odata.nextLink\":\"" + base + path(n + 1) + "\"," : "")
                              + "\"value\":[";
                case RANGE -> "{\"offset\":" + (long) (n - 1) * Workload.RANGE_STEP + ",\"data\":[";
                case HUGE -> throw new IllegalStateException("HUGE pages are streamed");
                case SINK -> throw new IllegalStateException("a sink has no pages");
            });
        }

        public byte[] tail(int n) {
            return ascii(switch (w.shape()) {
                case NEXT_LINK -> n < w.pages() ? "],\"next\":\"" + base + path(n + 1) + "\"}" : "],\"next\":null}";
                case GRAPH, RANGE -> "]}";
                case HUGE -> throw new IllegalStateException("HUGE pages are streamed");
                case SINK -> throw new IllegalStateException("a sink has no pages");
            });
        }

        /** Page {@code n}, whole. */
        public byte[] body(int n) {
            byte[] head = head(n);
            byte[] tail = tail(n);
            byte[] body = Arrays.copyOf(head, head.length + records.json().length + tail.length);
            System.arraycopy(records.json(), 0, body, head.length, records.json().length);
            System.arraycopy(tail, 0, body, head.length + records.json().length, tail.length);
            return body;
        }

        /** The bytes of a whole run: what a client must have received. */
        public long bytes() {
            if (w.shape() == Shape.HUGE) {
                return w.pageBytes();
            }
            long sum = 0;
            for (int n = 1; n <= w.pages(); n++) {
                sum += head(n).length + records.json().length + tail(n).length;
            }
            return sum;
        }

        /** The records of a whole run. */
        public long recordCount() {
            return (long) w.pages() * records.count();
        }
    }

    public static String rangePath(String workload) {
        return "/" + workload + "/items";
    }

    /** Graph's $skiptoken is opaque to clients; ours encodes the page number. */
    static String skiptoken(int page) {
        return SKIPTOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("skip:" + page).getBytes(StandardCharsets.US_ASCII));
    }

    /** The page a $skiptoken stands for, or 1 when there is none. */
    static int pageOfSkiptoken(String token) {
        if (token == null) {
            return 1;
        }
        String text = new String(Base64.getUrlDecoder().decode(token.substring(SKIPTOKEN_PREFIX.length())),
                StandardCharsets.US_ASCII);
        return Integer.parseInt(text.substring("skip:".length()));
    }

    // --- HUGE ---------------------------------------------------------------------------------------------------------

    public static final byte[] HUGE_HEAD = ascii("{\"page\":1,\"data\":[");
    public static final byte[] HUGE_TAIL = ascii("],\"next\":null}");

    /**
     * The layout of a HUGE page of exactly {@code bytes}: head, {@code repeats} copies of the block separated by
     * commas, one extra record padded with spaces inside it (JSON whitespace) to hit the size, tail.
     */
    public record HugeLayout(byte[] block, long repeats, byte[] last) {

        public static HugeLayout of(long bytes) {
            byte[] block = records(Style.PLAIN, 64 * 1024).json();
            byte[] lastRecord = ascii("{\"id\":0,\"pad\":\"\"}");
            long fixed = HUGE_HEAD.length + HUGE_TAIL.length + lastRecord.length;
            if (bytes < fixed) {
                throw new IllegalArgumentException("A HUGE page needs at least " + fixed + " bytes");
            }
            long repeats = (bytes - fixed) / (block.length + 1);
            long pad = bytes - fixed - repeats * (block.length + 1);
            byte[] last = new byte[(int) (lastRecord.length + pad)];
            System.arraycopy(lastRecord, 0, last, 0, lastRecord.length - 1);
            Arrays.fill(last, lastRecord.length - 1, last.length - 1, (byte) ' ');
            last[last.length - 1] = '}';
            return new HugeLayout(block, repeats, last);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
