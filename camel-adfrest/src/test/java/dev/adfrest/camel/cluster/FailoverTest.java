package dev.adfrest.camel.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.adfrest.camel.testsupport.H2Server;
import dev.adfrest.camel.testsupport.InFlight;
import dev.adfrest.camel.testsupport.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two JVMs run the same clustered route (FileLockClusterService, JdbcStateRepository on one H2 server). The leader, a
 * child process, copies a 12-page API whose page 5 the test holds back; it is killed with SIGKILL while it waits for
 * page 5, and the node in this JVM takes the lead and resumes at the first page the leader had not processed.
 * Nothing here waits for time to pass: each step waits for a fact (the leadership file, a request, a delivery).
 */
@Tag("multi-jvm")
class FailoverTest {

    private static final int PAGES = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static final InFlight SERVER = new InFlight();

    @RegisterExtension
    static WireMockExtension api = Pages.loopbackServer(SERVER);

    @TempDir
    Path clusterDir;

    private H2Server h2;
    private String database;
    private Process leader;
    private FailoverNode.Started follower;
    private final CountDownLatch page5 = new CountDownLatch(1);

    @BeforeEach
    void apiAndDatabase() throws SQLException {
        SERVER.reset();
        api.resetAll();
        for (int i = 1; i <= PAGES; i++) {
            String next = i < PAGES ? "\"next\":\"" + Pages.baseUrl(api) + "/p/" + (i + 1) + "\"," : "";
            api.stubFor(get(urlEqualTo("/p/" + i)).willReturn(Pages.json("{" + next + "\"page\":" + i + "}")));
        }
        SERVER.hold("/p/5", page5); // the leader stops there, mid-run, until the test lets it go
        h2 = H2Server.start();
        database = h2.newDatabase();
        try (Connection c = H2Server.dataSource(database).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE delivered (id BIGINT AUTO_INCREMENT PRIMARY KEY, page_number INT NOT NULL,"
                      + " body_page INT NOT NULL, node VARCHAR(20) NOT NULL)");
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        page5.countDown();
        if (leader != null) {
            leader.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (follower != null) {
            follower.context().stop();
        }
        h2.close();
    }

    @Test
    void theFollowerTakesOverAfterTheLeaderIsKilledAndResumesAtTheFirstUnprocessedPage() throws Exception {
        long t0 = System.nanoTime();
        leader = startChild("leader");
        Path leadership = clusterDir.resolve(FailoverNode.NAMESPACE + ".dat");
        await().atMost(PATIENCE).until(() -> Files.exists(leadership) && Files.size(leadership) > 0);
        // the leader asks for page 5 only after it processed page 3 and saved its position (page 4 is read ahead)
        await().atMost(PATIENCE).until(() -> SERVER.arrived().contains("/p/5"));
        assertThat(delivered()).containsExactly(row(1, "leader"), row(2, "leader"), row(3, "leader"));

        follower = FailoverNode.start("follower", clusterDir.toString(), database, Pages.baseUrl(api) + "/p/1");
        assertThat(follower.leads()).isFalse(); // the child leads: the follower's route is not running
        assertThat(leader.isAlive()).isTrue();

        leader.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop, no lock released by Camel
        assertThat(leader.waitFor(20, TimeUnit.SECONDS)).isTrue();
        page5.countDown(); // the dead leader's request for page 5 is answered into a closed socket

        await().atMost(PATIENCE).until(follower::leads);
        await().atMost(PATIENCE).until(() -> pagesDelivered().keySet().containsAll(allPages()));
        long millis = (System.nanoTime() - t0) / 1_000_000;

        Map<Integer, Long> counts = pagesDelivered();
        assertThat(counts.keySet()).containsExactlyElementsOf(allPages()); // every page, none lost
        assertThat(counts.values()).allMatch(n -> n <= 2);
        assertThat(counts.values().stream().filter(n -> n == 2).count()).isLessThanOrEqualTo(1); // at most one twice
        assertThat(delivered()).as("each page carries its own body")
                .allMatch(r -> r.split(" ")[0].equals(r.split(" ")[1]));
        // the follower resumed at page 4: it asked for no page the leader had processed
        for (int page = 1; page <= 3; page++) {
            assertThat(api.findAll(getRequestedFor(urlEqualTo("/p/" + page)))).as("requests of page %d", page).hasSize(1);
        }
        assertThat(api.findAll(getRequestedFor(urlEqualTo("/p/4")))).hasSize(2); // read ahead by the leader, then again
        assertThat(delivered()).filteredOn(r -> r.endsWith(" follower")).first().isEqualTo(row(4, "follower"));
        assertThat(SERVER.gatesTimedOut()).isEmpty();
        System.out.printf("failover test: leader killed and %d pages copied by two JVMs in %d ms%n", PAGES, millis);
    }

    /** Starts {@link FailoverNode} in a JVM of its own, from this test's class path. */
    private Process startChild(String node) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dh2.bindAddress=127.0.0.1",
                "-cp", classPath, FailoverNode.class.getName(), node, clusterDir.toString(), database,
                Pages.baseUrl(api) + "/p/1");
        File output = new File("target/failover-" + node + ".out");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
    }

    private static List<Integer> allPages() {
        return IntStream.rangeClosed(1, PAGES).boxed().toList();
    }

    private static String row(int page, String node) {
        return page + " " + page + " " + node;
    }

    /** "page_number body_page node" per delivery, in order. */
    private List<String> delivered() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = H2Server.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT page_number, body_page, node FROM delivered ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    /** How often each page was delivered. */
    private Map<Integer, Long> pagesDelivered() throws SQLException {
        return delivered().stream().collect(Collectors.groupingBy(r -> Integer.parseInt(r.split(" ")[0]), TreeMap::new,
                Collectors.counting()));
    }
}
