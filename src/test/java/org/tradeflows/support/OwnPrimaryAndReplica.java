package org.tradeflows.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.tradeflows.store.DatabaseBootstrap;

/**
 * A throw-away primary (pg_createcluster, trust) and a streaming replica of it made with {@code pg_basebackup -R}, each
 * on a free port: the shared cluster is never touched (its pg_hba.conf allows no replication over TCP). Both are
 * dropped when the service instance stops, or at JVM exit.
 */
public class OwnPrimaryAndReplica implements QuarkusTestResourceLifecycleManager {

    public static final String VERSION_KEY = "tradeflows.test.replica.version";
    public static final String REPLICA_NAME_KEY = "tradeflows.test.replica.name";
    public static final String REPLICA_URL_KEY = "tradeflows.test.replica.url";
    private static final String DATABASE = "tradeflows_test";

    private String version;
    private String primary;
    private String replica;
    private Thread dropAtExit;

    @Override
    public Map<String, String> start() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            version = versions.map(v -> v.getFileName().toString()).max((a, b) -> Integer.compare(Integer.parseInt(a),
                    Integer.parseInt(b))).orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("This test needs PostgreSQL's server binaries under /usr/lib/postgresql", e);
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        primary = "tf_primary_" + id;
        replica = "tf_replica_" + id;
        int primaryPort = freePort();
        int replicaPort = freePort();
        dropAtExit = new Thread(this::drop, "drop " + primary + " and " + replica);
        Runtime.getRuntime().addShutdownHook(dropAtExit);
        try {
            OwnPostgresCluster.run("pg_createcluster", version, primary, "-p", Integer.toString(primaryPort),
                    "--start-conf=manual", "--", "--auth=trust");
            OwnPostgresCluster.run("pg_ctlcluster", "--skip-systemctl-redirect", version, primary, "start");
            String primaryUrl = "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + DATABASE;
            new DatabaseBootstrap(primaryUrl, "postgres", null).ensureDatabaseExists();
            OwnPostgresCluster.run("pg_createcluster", version, replica, "-p", Integer.toString(replicaPort),
                    "--start-conf=manual", "--", "--auth=trust");
            Path data = Path.of("/var/lib/postgresql", version, replica);
            OwnPostgresCluster.run("find", data.toString(), "-mindepth", "1", "-delete");
            OwnPostgresCluster.run("runuser", "-u", "postgres", "--", "pg_basebackup", "-h", "127.0.0.1", "-p",
                    Integer.toString(primaryPort), "-U", "postgres", "-D", data.toString(), "-R", "-X", "stream", "-c", "fast");
            OwnPostgresCluster.run("pg_ctlcluster", "--skip-systemctl-redirect", version, replica, "start");
            return Map.of("quarkus.datasource.jdbc.url", primaryUrl, "quarkus.datasource.username", "postgres",
                    "tradeflows.replicas", "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + DATABASE,
                    VERSION_KEY, version, REPLICA_NAME_KEY, replica,
                    REPLICA_URL_KEY, "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + DATABASE);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        drop();
        if (dropAtExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(dropAtExit);
            } catch (IllegalStateException alreadyExiting) {
                // the hook is running or has run
            }
            dropAtExit = null;
        }
    }

    private synchronized void drop() {
        for (String name : new String[] {replica, primary}) {
            if (name != null) {
                try {
                    OwnPostgresCluster.run("pg_dropcluster", "--stop", version, name);
                } catch (RuntimeException e) {
                    // dropped already, or never created
                }
            }
        }
        replica = null;
        primary = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free TCP port for the test's own PostgreSQL clusters", e);
        }
    }
}
