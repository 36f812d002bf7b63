package dev.adfrest.camel.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.AdfRestConstants;
import dev.adfrest.camel.state.JdbcStateRepository;
import dev.adfrest.camel.testsupport.H2Server;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;

/**
 * One node of the failover test, as a user would deploy it: a route "copy" from a paginated API under a
 * ClusteredRoutePolicy on a FileLockClusterService, resuming from a JdbcStateRepository; the route records each page
 * it processed in the table {@code delivered} of the same database. Run as a JVM of its own by {@link #main}, or in
 * the test's JVM by {@link #start}.
 */
public final class FailoverNode {

    /** The cluster namespace: the name of the lock file in the cluster directory. */
    static final String NAMESPACE = "adfrest-copy";

    private FailoverNode() {
    }

    /**
     * Starts a node; its route runs while it leads the cluster.
     *
     * @param node       the node's name, recorded with each page it delivers
     * @param clusterDir the directory the FileLockClusterService locks in
     * @param jdbcUrl    the shared H2 database (state and deliveries)
     * @param firstPage  the API's first page
     */
    static Started start(String node, String clusterDir, String jdbcUrl, String firstPage) throws Exception {
        DataSource database = H2Server.dataSource(jdbcUrl);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", new JdbcStateRepository(database));

        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(node);
        cluster.setRoot(clusterDir);
        // short intervals: a follower takes over about a second after the leader stops heartbeating
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        cluster.setHeartbeatTimeoutMultiplier(3);
        context.addService(cluster);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("adfrest:" + firstPage + "?paginationRules.AbsoluteUrl=$.next&stateRepository=#state"
                     + "&requestInterval=0&initialDelay=0&repeatCount=1&maxRetries=0&httpRequestTimeout=60s")
                        .routeId("copy")
                        .routePolicy(ClusteredRoutePolicy.forNamespace(cluster, NAMESPACE))
                        .process(exchange -> {
                            int number = exchange.getMessage().getHeader(AdfRestConstants.PAGE_NUMBER, Integer.class);
                            JsonNode body = exchange.getMessage().getBody(JsonNode.class);
                            try (Connection c = database.getConnection();
                                 PreparedStatement insert = c.prepareStatement(
                                         "INSERT INTO delivered (page_number, body_page, node) VALUES (?, ?, ?)")) {
                                insert.setInt(1, number);
                                insert.setInt(2, body.path("page").asInt());
                                insert.setString(3, node);
                                insert.executeUpdate();
                            }
                        });
            }
        });
        context.start();
        return new Started(context, cluster);
    }

    /** A started node. */
    record Started(CamelContext context, FileLockClusterService cluster) {
        /** Whether this node holds the lock of the namespace (its route runs). */
        boolean leads() throws Exception {
            return cluster.getView(NAMESPACE).getLocalMember().isLeader();
        }
    }

    /**
     * {@code FailoverNode <node> <clusterDir> <jdbcUrl> <firstPage>}: starts the node and runs until killed, or until
     * its standard input closes (the test's JVM is gone).
     */
    public static void main(String[] args) throws Exception {
        start(args[0], args[1], args[2], args[3]);
        System.out.println("node " + args[0] + " started");
        System.out.flush();
        while (System.in.read() >= 0) { // no orphan: the parent holds our stdin open
            continue;
        }
        System.exit(0);
    }
}
