package dev.adfrest.camel.testsupport;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

/**
 * An H2 database server on a free port of 127.0.0.1 (surefire sets h2.bindAddress): what several nodes share as
 * their state database. Each {@link #newDatabase} is an in-memory database that lives as long as the server.
 */
public final class H2Server implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Server server;

    private H2Server(Server server) {
        this.server = server;
    }

    /** Starts a TCP server; clients may create databases on it (it listens on loopback only). */
    public static H2Server start() throws SQLException {
        if (!"127.0.0.1".equals(System.getProperty("h2.bindAddress"))) {
            // H2 reads it once, when its classes load: too late to set it here
            throw new IllegalStateException("Run H2 server tests with -Dh2.bindAddress=127.0.0.1 (the surefire"
                                            + " configuration sets it) so that the server listens on loopback only");
        }
        return new H2Server(Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-tcpDaemon").start());
    }

    /** The JDBC URL of a fresh in-memory database on this server. */
    public String newDatabase() {
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:db" + DATABASES.incrementAndGet()
               + ";DB_CLOSE_DELAY=-1";
    }

    /** A data source of its own (its own connections) on the database at {@code url}. */
    public static DataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    @Override
    public void close() {
        server.stop();
    }
}
