package dev.adfrest.camel.state;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.adfrest.camel.testsupport.H2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JdbcStateRepository on an H2 server (TCP, 127.0.0.1): two data sources stand for two nodes, each with its own
 * connections.
 */
class JdbcStateRepositoryTest {

    private static H2Server h2;

    private String url;
    private final List<JdbcStateRepository> started = new ArrayList<>();

    @BeforeAll
    static void server() throws SQLException {
        h2 = H2Server.start();
    }

    @AfterAll
    static void stopServer() {
        h2.close();
    }

    @BeforeEach
    void freshDatabase() {
        url = h2.newDatabase();
    }

    @AfterEach
    void stopRepositories() {
        started.forEach(JdbcStateRepository::stop);
    }

    /** A node: its own data source on the shared database, and a started repository on it. */
    private JdbcStateRepository node() {
        return started(new JdbcStateRepository(H2Server.dataSource(url)));
    }

    private JdbcStateRepository started(JdbcStateRepository repository) {
        repository.start();
        started.add(repository);
        return repository;
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection c = H2Server.dataSource(url).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    @Test
    void twoNodesSeeEachOthersWritesAtOnce() {
        JdbcStateRepository a = node();
        JdbcStateRepository b = node();

        assertThat(b.getState("copy")).isNull();
        a.setState("copy", "{\"page\":4}");
        assertThat(b.getState("copy")).isEqualTo("{\"page\":4}");
        b.setState("copy", "{\"page\":5}");
        assertThat(a.getState("copy")).isEqualTo("{\"page\":5}");
    }

    @Test
    void aRepositoryStartedAfterARestartReadsTheLastSave() {
        JdbcStateRepository before = node();
        before.setState("copy", "{\"page\":3}");
        before.setState("copy", "{\"page\":7}");
        before.stop();

        JdbcStateRepository after = node();

        assertThat(after.getState("copy")).isEqualTo("{\"page\":7}");
    }

    @Test
    void theTableIsCreatedOnceAndHoldsOneRowPerKey() throws SQLException {
        JdbcStateRepository a = node();
        node(); // the second start finds the table
        a.setState("copy", "1");
        a.setState("copy", "2");
        a.setState("other", "3");

        assertThat(rows("SELECT state_key FROM adfrest_state ORDER BY state_key")).containsExactly("copy", "other");
        assertThat(rows("SELECT COUNT(*) FROM adfrest_state WHERE updated_at IS NOT NULL")).containsExactly("2");
    }

    @Test
    void aNullValueClearsTheStateAndAMissingKeyIsNull() {
        JdbcStateRepository repository = node();
        repository.setState("copy", "x");
        repository.setState("copy", null);

        assertThat(repository.getState("copy")).isNull();
        assertThat(repository.getState("never-saved")).isNull();
        repository.setState("copy", "");
        assertThat(repository.getState("copy")).isEmpty();
    }

    @Test
    void concurrentUpsertsOfOneKeyEndWithOneWholeValueWritten() throws Exception {
        JdbcStateRepository a = node();
        JdbcStateRepository b = node();
        int threads = 8;
        int writes = 100;
        Set<String> written = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "key-" + round; // a fresh key: the first writes race to INSERT it
                CyclicBarrier together = new CyclicBarrier(threads);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    JdbcStateRepository node = t % 2 == 0 ? a : b;
                    String writer = "writer-" + t;
                    done.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        for (int i = 0; i < writes / 20; i++) {
                            String value = writer + "-" + i + "-" + "x".repeat(200);
                            written.add(value);
                            node.setState(key, value);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS); // rethrows any failed write
                }
                assertThat(written).contains(a.getState(key));
                assertThat(b.getState(key)).isEqualTo(a.getState(key));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows("SELECT COUNT(*) FROM adfrest_state")).containsExactly("20");
    }

    @Test
    void anInsertThatLosesTheRaceToAnotherNodeUpdatesTheRowItInserted() {
        JdbcStateRepository other = node();
        AtomicBoolean raced = new AtomicBoolean();
        // this node finds no row, and the other node inserts the key just before this node's INSERT
        JdbcStateRepository racing = started(new JdbcStateRepository(beforeInsert(H2Server.dataSource(url), sql -> {
            if (raced.compareAndSet(false, true)) {
                other.setState("copy", "other node");
            }
        })));

        racing.setState("copy", "this node");

        assertThat(raced).isTrue();
        assertThat(other.getState("copy")).isEqualTo("this node");
    }

    @Test
    void aPoolThatHandsOutConnectionsWithoutAutoCommitStillHasEveryWriteCommitted() {
        JdbcStateRepository pooled = started(new JdbcStateRepository(autoCommitOff(H2Server.dataSource(url))));
        JdbcStateRepository reader = node();

        pooled.setState("copy", "saved");

        assertThat(reader.getState("copy")).isEqualTo("saved");
        assertThat(pooled.getState("copy")).isEqualTo("saved");
    }

    @Test
    void anotherTableNameIsUsedAndCreated() throws SQLException {
        JdbcStateRepository repository = started(new JdbcStateRepository(H2Server.dataSource(url), "copy_positions"));
        repository.setState("copy", "x");

        assertThat(rows("SELECT state_value FROM copy_positions")).containsExactly("x");
        assertThat(rows("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ADFREST_STATE'"))
                .containsExactly("0");
    }

    @Test
    void aTableTheUserCreatedIsUsedAsItIs() throws SQLException {
        try (Connection c = H2Server.dataSource(url).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE adfrest_state (state_key VARCHAR(100) PRIMARY KEY, state_value VARCHAR(100000),"
                      + " updated_at TIMESTAMP)");
        }
        JdbcStateRepository repository = node();
        repository.setState("copy", "x");

        assertThat(repository.getState("copy")).isEqualTo("x");
    }

    @Test
    void aTableWithOtherColumnsFailsTheStartNamingIt() throws SQLException {
        try (Connection c = H2Server.dataSource(url).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE adfrest_state (id INT PRIMARY KEY)");
        }
        JdbcStateRepository repository = new JdbcStateRepository(H2Server.dataSource(url));

        assertThatThrownBy(repository::start).hasStackTraceContaining("Cannot create the state table adfrest_state");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1state", "state; DROP TABLE users", "a.b.c", "state-table", "\"quoted\"",
                             "x23456789012345678901234567890123456789012345678901234567890abcd" })
    void aTableNameThatIsNotPlainLettersDigitsAndUnderscoresIsRefused(String name) {
        JdbcStateRepository repository = new JdbcStateRepository(H2Server.dataSource(url));

        assertThatThrownBy(() -> repository.setTableName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table name must be letters, digits and _");
    }

    @Test
    void aSchemaQualifiedNameIsAccepted() {
        JdbcStateRepository repository = new JdbcStateRepository(H2Server.dataSource(url), "etl.copy_state");

        assertThat(repository.getTableName()).isEqualTo("etl.copy_state");
    }

    @Test
    void theTableNameCannotChangeOnceStarted() {
        JdbcStateRepository repository = node();

        assertThatThrownBy(() -> repository.setTableName("other")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysAreOneTo512Characters() {
        JdbcStateRepository repository = node();
        repository.setState("k".repeat(512), "x");

        assertThat(repository.getState("k".repeat(512))).isEqualTo("x");
        assertThatThrownBy(() -> repository.setState("k".repeat(513), "x")).hasMessageContaining("1 to 512 characters");
        assertThatThrownBy(() -> repository.getState("")).hasMessageContaining("1 to 512 characters");
    }

    @Test
    void theDdlUsesTextOnPostgresqlAndClobElsewhere() {
        JdbcStateRepository repository = new JdbcStateRepository(H2Server.dataSource(url));

        assertThat(repository.createTable("PostgreSQL")).isEqualTo(
                "CREATE TABLE adfrest_state (state_key VARCHAR(512) NOT NULL PRIMARY KEY, state_value TEXT,"
                + " updated_at TIMESTAMP WITH TIME ZONE)");
        assertThat(repository.createTable("H2")).contains("state_value CLOB");
    }

    @Test
    void aDatabaseThatIsGoneFailsAWriteNamingTheKeyAndTable() {
        JdbcStateRepository repository = new JdbcStateRepository(
                H2Server.dataSource("jdbc:h2:tcp://127.0.0.1:1/mem:nowhere")); // nothing listens on port 1

        assertThatThrownBy(() -> repository.setState("copy", "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot save the state 'copy' in table adfrest_state");
    }

    // --- data sources that behave like other nodes and pools ----------------------------------------------------

    /** Runs {@code hook} just before each INSERT statement is prepared. */
    private static DataSource beforeInsert(DataSource target, Consumer<String> hook) {
        return wrap(target, (connection, method, args) -> {
            if (method.equals("prepareStatement") && args[0] instanceof String sql && sql.startsWith("INSERT")) {
                hook.accept(sql);
            }
        });
    }

    /** Hands out connections with auto-commit off, as some pools are configured to. */
    private static DataSource autoCommitOff(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection c) {
                        c.setAutoCommit(false);
                    }
                    return result;
                });
    }

    private interface ConnectionHook {
        void before(Connection connection, String method, Object[] args) throws Exception;
    }

    private static DataSource wrap(DataSource target, ConnectionHook hook) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection c) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                new Class<?>[] { Connection.class }, (p, m, a) -> {
                                    hook.before(c, m.getName(), a);
                                    return invoke(c, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
