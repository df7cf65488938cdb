package org.tradeflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.Uploads;

/**
 * The load command as a real child process: killed while rows stream into the database it leaves nothing behind;
 * run again on the whole file it completes; run a third time it finds the file loaded and does nothing.
 */
@QuarkusTest
class LoadCommandKillTest {

    private static final String SOURCE = "test-kill";

    @Inject
    Jdbc jdbc;

    @TempDir
    Path dir;

    private ProcessBuilder command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.tradeflows.ingest.cli.LoadCommand",
                "--format", "shipments", "--source", SOURCE, "--source-title", "Kill test (fictional data)",
                "--db-url", DatabaseTestResource.URL));
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).directory(dir.toFile());
    }

    /** Rows the server has taken in by COPY in this database right now (PostgreSQL's own progress view). */
    private long rowsStreaming() {
        return jdbc.count("""
                select coalesce(max(p.tuples_processed), 0) from pg_stat_progress_copy p
                join pg_stat_activity a on a.pid = p.pid where a.datname = current_database()""", List.of());
    }

    @Test
    void aKilledLoadLeavesNothingAndRunningItAgainCompletes() throws Exception {
        byte[] file = LargeUploadTest.shipments(30_000, "KILL-");
        Path csv = dir.resolve("shipments.csv");
        Files.write(csv, file);
        Map<String, Long> before = Uploads.counts(jdbc);

        File killedOut = dir.resolve("killed.out").toFile();
        Process killed = command("-").redirectErrorStream(true).redirectOutput(killedOut).start();
        try {
            OutputStream stdin = killed.getOutputStream();
            try {
                stdin.write(file, 0, file.length / 2);
                stdin.flush();
            } catch (IOException e) {
                // the command stopped reading before half the file: it never streamed, so there is nothing to kill mid-load
                throw new AssertionError("the load command stopped reading its input early: "
                        + Files.readString(killedOut.toPath(), StandardCharsets.UTF_8), e);
            }
            // no catch around these: the kill must happen while rows stream into the database, and the test says so
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .failFast("the load command ended before the kill", () -> !killed.isAlive())
                    .until(() -> rowsStreaming() >= 5_000);
            long streamedBeforeTheKill = rowsStreaming();
            assertThat(streamedBeforeTheKill).as("rows taken in by COPY when killed").isGreaterThanOrEqualTo(5_000);
            assertThat(killed.isAlive()).isTrue();
            killed.destroyForcibly();
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try {
                stdin.close();
            } catch (IOException pipeClosedByTheKill) {
                // only the close may fail: the process at the other end is gone, which is the point
            }
        } finally {
            if (killed.isAlive()) { // a failed assertion above must not leave the child running on a shared machine
                killed.destroyForcibly();
            }
        }
        assertThat(killed.exitValue()).isNotZero();
        assertThat(Uploads.counts(jdbc)).as("nothing of the killed load is visible").isEqualTo(before);
        assertThat(jdbc.count("select count(*) from source where key = ?", List.of(SOURCE))).isZero();

        File rerunOut = dir.resolve("rerun.out").toFile();
        Process rerun = command(csv.toString()).redirectErrorStream(true).redirectOutput(rerunOut).start();
        assertThat(rerun.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(rerunOut.toPath(), StandardCharsets.UTF_8);
        assertThat(rerun.exitValue()).as(output).isZero();
        assertThat(output).contains("LOADED: shipments all or nothing, 30000 rows read, 30000 valid, loaded 30000").contains("rows/s");
        assertThat(Uploads.shipments(jdbc, SOURCE)).isEqualTo(30_000);
        assertThat(jdbc.count("select count(*) from data_release r join source s on s.id = r.source_id where s.key = ?",
                List.of(SOURCE))).isEqualTo(1);

        Process third = command(csv.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("third.out").toFile())
                .start();
        assertThat(third.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(third.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("third.out"))).contains("Already loaded as data release");
        assertThat(Uploads.shipments(jdbc, SOURCE)).isEqualTo(30_000);
    }
}
