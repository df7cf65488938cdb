package org.tradeflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Backends;
import org.tradeflows.support.Uploads;

/**
 * An upload whose database connection is killed (pg_terminate_backend) while its rows stream into PostgreSQL by
 * COPY: the answer is a prompt 503 SERVICE_UNAVAILABLE, nothing is written, and the connection goes back to the
 * pool. Killed more times than the pool holds connections, the service still loads a file afterwards.
 */
@QuarkusTest
class UploadConnectionLossTest {

    private static final String SOURCE = "test-upload-kill";
    /** Long enough that the server is blocked in a socket read when a request has hung. */
    private static final int ANSWER_TIMEOUT_MS = 30_000;

    @Inject
    Jdbc jdbc;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    /** The backend of this database that is taking rows in by COPY right now (PostgreSQL's progress view), or 0. */
    private long copyingBackend() {
        return jdbc.count("""
                select coalesce(max(p.pid), 0) from pg_stat_progress_copy p
                join pg_stat_activity a on a.pid = p.pid
                where a.datname = current_database() and p.tuples_processed > 0""", List.of());
    }

    /**
     * Sends all of the file but its last bytes, kills the backend once it has copied rows, sends the rest (the load
     * then ends its COPY on a dead connection); gives the raw HTTP answer.
     */
    private String uploadKilledMidCopy(byte[] file) throws Exception {
        String query = "source=" + SOURCE + "&sourceTitle=Upload+kill+test+%28fictional+data%29";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /ingest/shipments?" + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Uploads.ADMIN_KEY + "\r\nContent-Type: text/csv\r\nContent-Length: " + file.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int half = file.length - 100;
            out.write(file, 0, half);
            out.flush();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> copyingBackend() > 0);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no COPY seen; backends: " + jdbc.list("select pid, state, left(query, 120) from "
                        + "pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()", List.of(),
                        rs -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3)), e);
            }
            long pid = copyingBackend();
            assertThat(Backends.terminate(jdbc, pid)).isTrue();
            try {
                out.write(file, half, file.length - half);
                out.flush();
            } catch (IOException answeredBeforeTheEnd) {
                // the server may answer (and close) before it has read the whole body
            }
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (java.net.SocketException resetAfterTheAnswer) {
            // a reset after the answer (the unread rest of the body) ends the exchange too
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aKilledUploadAnswersServiceUnavailableAndTheKillsLeaveThePoolWhole() throws Exception {
        byte[] file = LargeUploadTest.shipments(6_000, "UPKILL-");
        Map<String, Long> before = Uploads.counts(jdbc);
        int kills = poolSize + 2;
        for (int i = 0; i < kills; i++) {
            long started = System.nanoTime();
            String answer = uploadKilledMidCopy(file);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer).as("kill %d", i).startsWith("HTTP/1.1 503 ");
            assertThat(answer).contains("application/json").contains("\"code\":\"SERVICE_UNAVAILABLE\"")
                    .contains("nothing was loaded").doesNotContain("Exception").doesNotContain("PSQL");
            assertThat(millis).as("kill %d answered in ms", i).isLessThan(ANSWER_TIMEOUT_MS);
        }
        assertThat(Uploads.counts(jdbc)).as("nothing of the killed uploads is visible").isEqualTo(before);

        // every connection is back: the pool lends none, and all of them can be taken at once
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> dataSource.getMetrics().activeCount() == 0);
        assertThat(dataSource.getMetrics().awaitingCount()).isZero();
        assertThat(dataSource.getMetrics().leakDetectionCount()).isZero();
        List<java.sql.Connection> all = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                java.sql.Connection c = dataSource.getConnection();
                all.add(c);
                assertThat(c.isValid(5)).isTrue();
            }
        } finally {
            for (java.sql.Connection c : all) {
                c.close();
            }
        }
        JsonPath report = Uploads.upload("shipments", file, Uploads.source(SOURCE), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(Uploads.shipments(jdbc, SOURCE)).isEqualTo(6_000);
    }
}
