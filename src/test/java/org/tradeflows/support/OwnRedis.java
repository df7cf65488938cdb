package org.tradeflows.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A redis-server of the tests' own on {@link #PORT} (nothing on disk), never the machine's: tests stop and start it.
 * Also a test resource, so that the service under test finds it running when it starts.
 */
public class OwnRedis implements QuarkusTestResourceLifecycleManager {

    public static final int PORT = 16379;
    public static final String URL = "redis://127.0.0.1:" + PORT;
    private static final Path PID = Path.of("target", "own-redis-" + PORT + ".pid").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        OwnRedis.startServer();
        return Map.of("tradeflows.redis.url", URL);
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static void startServer() {
        if (answers()) {
            return;
        }
        try {
            Files.createDirectories(PID.getParent());
            Processes.succeed(List.of("redis-server", "--port", String.valueOf(PORT), "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no", "--daemonize", "yes", "--pidfile", PID.toString()), Map.of(), PID.getParent());
        } catch (Exception e) {
            throw new IllegalStateException("redis-server did not start", e);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(OwnRedis::answers);
    }

    /** Stops the server this class started (by the pid it wrote), and waits until its port is closed. */
    public static void stopServer() {
        try {
            if (Files.exists(PID)) {
                long pid = Long.parseLong(Files.readString(PID).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                Files.deleteIfExists(PID);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> !answers());
    }

    public static boolean answers() {
        try (Socket s = new Socket("127.0.0.1", PORT)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs redis-cli against this server and returns what it printed. */
    public static String cli(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("redis-cli", "-p", String.valueOf(PORT)));
        command.addAll(List.of(args));
        Processes.Ran ran = Processes.run(command, Map.of(), Path.of("."));
        assertThat(ran.exit()).as(ran.output()).isZero();
        return ran.output().trim();
    }
}
