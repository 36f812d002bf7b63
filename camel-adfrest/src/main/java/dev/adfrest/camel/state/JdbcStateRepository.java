package dev.adfrest.camel.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel {@link StateRepository} in a database table, for copies that more than one node may run (a clustered route
 * whose leader can change). Every {@link #getState} reads the row (nothing is cached) and every {@link #setState}
 * writes it at once, so a node that takes over reads the last position the previous leader saved.
 * <p>
 * The table ({@code adfrest_state} unless {@link #setTableName} says otherwise) is created when the repository starts,
 * if it is missing:
 *
 * <pre>
 * CREATE TABLE adfrest_state (
 *     state_key   VARCHAR(512) NOT NULL PRIMARY KEY,
 *     state_value TEXT,                      -- CLOB on databases other than PostgreSQL
 *     updated_at  TIMESTAMP WITH TIME ZONE)
 * </pre>
 *
 * A write is {@code UPDATE}, then {@code INSERT} when no row was there, then {@code UPDATE} again when the insert lost
 * a race with another node that inserted the same key first (an integrity-constraint violation, SQLSTATE class 23).
 * Each statement runs in its own transaction (auto-commit): every statement is atomic on its own and rows are never
 * deleted, so the sequence needs no transaction around it, no lock and no dialect — the same SQL works on H2,
 * PostgreSQL and any database with a primary key. Concurrent writers of one key end with one of the values written,
 * whole.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The table used unless {@link #setTableName} names another. */
    public static final String DEFAULT_TABLE_NAME = "adfrest_state";

    /** The longest key the table takes. */
    public static final int MAX_KEY_LENGTH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateRepository.class);

    /** A table name, optionally schema-qualified: it goes into SQL text, so nothing but letters, digits and _. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private final DataSource dataSource;
    private volatile String tableName = DEFAULT_TABLE_NAME;

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public JdbcStateRepository(DataSource dataSource, String tableName) {
        this(dataSource);
        setTableName(tableName);
    }

    public String getTableName() {
        return tableName;
    }

    /**
     * The table to keep states in (default {@code adfrest_state}), optionally with its schema ({@code etl.copy_state}).
     *
     * @throws IllegalArgumentException when the name is not letters, digits and underscores (it is written into SQL)
     * @throws IllegalStateException    when the repository has started
     */
    public void setTableName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("JdbcStateRepository table name must be letters, digits and _ (a letter"
                                               + " or _ first), optionally schema.table, at most 63 characters each;"
                                               + " not '" + tableName + "'");
        }
        if (isStarted() || isStarting()) {
            throw new IllegalStateException("Set the table name of a JdbcStateRepository before it starts");
        }
        this.tableName = tableName;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** Creates the table when it is missing. */
    @Override
    protected void doStart() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            AutoCommit auto = AutoCommit.on(c);
            try {
                if (tableIsThere(c)) {
                    return;
                }
                String ddl = createTable(c.getMetaData().getDatabaseProductName());
                try (Statement s = c.createStatement()) {
                    s.execute(ddl);
                    LOG.info("Created the state table {}", tableName);
                } catch (SQLException e) {
                    if (!tableIsThere(c)) { // else another node created it a moment ago
                        throw new IllegalStateException("Cannot create the state table " + tableName + " (" + ddl
                                                        + "): " + e.getMessage(), e);
                    }
                }
            } finally {
                auto.restore();
            }
        }
    }

    /** The value saved under {@code key}, read from the database now; null when there is none. */
    @Override
    public String getState(String key) {
        checkKey(key);
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT state_value FROM " + tableName
                                                           + " WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                String value = rows.next() ? rows.getString(1) : null;
                if (!c.getAutoCommit()) {
                    c.commit(); // ends the read transaction a pool may have opened
                }
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the state '" + key + "' from table " + tableName + ": "
                                            + e.getMessage(), e);
        }
    }

    /** Saves {@code value} (null clears it) under {@code key}, replacing what was there, before returning. */
    @Override
    public void setState(String key, String value) {
        checkKey(key);
        try (Connection c = dataSource.getConnection()) {
            AutoCommit auto = AutoCommit.on(c);
            try {
                upsert(c, key, value);
            } finally {
                auto.restore();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the state '" + key + "' in table " + tableName + ": "
                                            + e.getMessage(), e);
        }
    }

    private void upsert(Connection c, String key, String value) throws SQLException {
        if (update(c, key, value) > 0) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + tableName
                                                           + " (state_key, state_value, updated_at)"
                                                           + " VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // another writer inserted the key between our UPDATE and INSERT: the row is there now (rows are never
            // deleted), so this UPDATE finds it
            if (update(c, key, value) == 0) {
                throw e;
            }
        }
    }

    private int update(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + tableName
                                                           + " SET state_value = ?, updated_at = CURRENT_TIMESTAMP"
                                                           + " WHERE state_key = ?")) {
            update.setString(1, value);
            update.setString(2, key);
            return update.executeUpdate();
        }
    }

    private boolean tableIsThere(Connection c) {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT state_key, state_value, updated_at FROM " + tableName + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The DDL for a missing table: PostgreSQL has no CLOB, H2, Oracle and DB2 have no unbounded TEXT. */
    String createTable(String databaseProduct) {
        String valueType = databaseProduct != null && databaseProduct.toLowerCase(Locale.ROOT).contains("postgres")
                ? "TEXT" : "CLOB";
        return "CREATE TABLE " + tableName + " (state_key VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL PRIMARY KEY,"
               + " state_value " + valueType + ", updated_at TIMESTAMP WITH TIME ZONE)";
    }

    /** SQLSTATE class 23 is an integrity-constraint violation: H2 says 23505, PostgreSQL 23505, MySQL 23000. */
    private static boolean isDuplicateKey(SQLException e) {
        return e instanceof SQLIntegrityConstraintViolationException
               || e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("A state key must have 1 to " + MAX_KEY_LENGTH + " characters, not "
                                               + (key == null ? "null" : key.length()));
        }
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + tableName + "]";
    }

    /** Auto-commit on for the repository's statements, and back as the pool handed the connection over. */
    private record AutoCommit(Connection connection, boolean was) {

        static AutoCommit on(Connection c) throws SQLException {
            boolean was = c.getAutoCommit();
            if (!was) {
                c.setAutoCommit(true); // commits whatever the pool's connection held: nothing of ours
            }
            return new AutoCommit(c, was);
        }

        void restore() throws SQLException {
            if (!was) {
                connection.setAutoCommit(false);
            }
        }
    }
}
