package org.tradeflows.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built service (target/quarkus-app/quarkus-run.jar) as a child process on a port of its own, on the tests'
 * database: a second instance beside the one under test. The jar is built first when it is missing or older than the
 * compiled classes ({@code ./mvnw -o quarkus:build}, about a minute).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final Path log;
    public final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the service with these settings (as environment variables or -D properties) and waits until it is ready. */
    public static ServiceProcess start(String name, Map<String, String> properties) throws Exception {
        buildIfStale();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m"));
        Map<String, String> all = new HashMap<>(properties);
        all.put("quarkus.http.port", String.valueOf(port));
        all.put("quarkus.datasource.jdbc.url", DatabaseTestResource.URL);
        all.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", APP.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        pb.environment().remove("QUARKUS_HTTP_TEST_PORT");
        ServiceProcess started = new ServiceProcess(pb.start(), log, port);
        try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .failFast("the second instance ended; its log is in " + log, () -> !started.process.isAlive())
                    .ignoreExceptions()
                    .until(() -> started.get("/q/health/ready").statusCode() == 200);
        } catch (RuntimeException | Error notReady) {
            started.close();
            throw notReady;
        }
        return started;
    }

    private static void buildIfStale() throws Exception {
        FileTime newestClass;
        try (Stream<Path> classes = Files.walk(Path.of("target", "classes"))) {
            newestClass = classes.filter(Files::isRegularFile).map(ServiceProcess::modified).max(FileTime::compareTo)
                    .orElseThrow();
        }
        if (Files.exists(APP) && modified(APP).compareTo(newestClass) > 0) {
            return;
        }
        Processes.succeed(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-o", "-q", "quarkus:build", "-DskipTests"),
                Map.of(), Path.of("."));
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Kills the instance as a crash would (SIGKILL): no shutdown hook runs, nothing is finished or recorded. */
    public void kill() throws Exception {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
