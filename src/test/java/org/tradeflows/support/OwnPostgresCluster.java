package org.tradeflows.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.tradeflows.store.DatabaseBootstrap;

/**
 * A throw-away PostgreSQL cluster (pg_createcluster on a free port, trust auth) for tests that stop and start the
 * server: the shared cluster other developers' suites use is never touched. Dropped when the service instance stops,
 * or at JVM exit if that never happens. Use it through a profile that disables the global DatabaseTestResource.
 */
public class OwnPostgresCluster implements QuarkusTestResourceLifecycleManager {

    /** Config keys the test reads to drive its own cluster. */
    public static final String VERSION_KEY = "tradeflows.test.own-cluster.version";
    public static final String NAME_KEY = "tradeflows.test.own-cluster.name";
    public static final String PORT_KEY = "tradeflows.test.own-cluster.port";

    private static final Path CREATE = Path.of("/usr/bin/pg_createcluster");
    private static final String DATABASE = "tradeflows_test";

    private String version;
    private String name;
    private Thread dropAtExit;

    @Override
    public Map<String, String> start() {
        if (!Files.isExecutable(CREATE)) {
            throw new IllegalStateException("This test needs a PostgreSQL cluster of its own and could not find "
                    + CREATE + " (Debian's postgresql-common). Install PostgreSQL 15 as on CI.");
        }
        version = newestInstalledVersion();
        name = "tf_restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        int port = freePort();
        dropAtExit = new Thread(this::drop, "drop " + name);
        Runtime.getRuntime().addShutdownHook(dropAtExit);
        try {
            run("pg_createcluster", version, name, "-p", Integer.toString(port), "--start-conf=manual",
                    "--", "--auth=trust");
            run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
            new DatabaseBootstrap(url, "postgres", null).ensureDatabaseExists();
            return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", "postgres",
                    VERSION_KEY, version, NAME_KEY, name, PORT_KEY, Integer.toString(port));
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
                // the hook is running or has run: nothing left to remove
            }
            dropAtExit = null;
        }
    }

    private synchronized void drop() {
        if (name == null) {
            return;
        }
        // --stop stops it first when running; a cluster the test left stopped is dropped all the same
        run("pg_dropcluster", "--stop", version, name);
        name = null;
    }

    private static String newestInstalledVersion() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .map(v -> v.getFileName().toString())
                    .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries (bin/initdb) under "
                            + "/usr/lib/postgresql: this test needs them to create its own cluster"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /usr/lib/postgresql to find PostgreSQL's binaries", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free TCP port for the test's own PostgreSQL cluster", e);
        }
    }

    /** Runs a postgresql-common command, failing with its output when it does not succeed within a minute. */
    public static void run(String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed (exit " + p.exitValue() + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", line) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", line), e);
        }
    }
}
