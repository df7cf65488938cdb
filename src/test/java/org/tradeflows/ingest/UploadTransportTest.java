package org.tradeflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Uploads;

/**
 * How an upload arrives: gzip-compressed (opened transparently, the release keyed by the bytes as sent), and broken
 * off by the client halfway through its body (nothing written, the load's connection and lock given back).
 */
@QuarkusTest
class UploadTransportTest {

    @Inject
    Jdbc jdbc;
    @Inject
    AgroalDataSource dataSource;

    private static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void aGzipUploadLoadsTheRowsOfTheFileInside() throws Exception {
        int rows = 500;
        byte[] plain = LargeUploadTest.shipments(rows, "GZIP-");
        byte[] compressed = gzip(plain);
        assertThat(compressed.length).isLessThan(plain.length / 3);

        JsonPath report = Uploads.upload("shipments", compressed, Uploads.source("test-gzip-upload"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(report.getLong("rows.loaded")).isEqualTo(rows);
        assertThat(report.getString("sha256")).as("the file as given")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(compressed)));

        // what the generator wrote, summed here: values 1000.25 + i and weights (i % 1000) + 0.5
        BigDecimal values = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (int i = 0; i < rows; i++) {
            values = values.add(new BigDecimal(1000 + i + ".25"));
            weights = weights.add(new BigDecimal(i % 1000 + ".5"));
        }
        Map<String, Object> stored = jdbc.one("""
                select count(*), sum(s.value), sum(s.net_weight_kg), count(distinct s.currency), min(s.source_record_ref)
                from shipment s join source x on x.id = s.source_id where x.key = 'test-gzip-upload'""", List.of(),
                rs -> Map.<String, Object>of("count", rs.getLong(1), "value", rs.getBigDecimal(2), "weight", rs.getBigDecimal(3),
                        "currencies", rs.getLong(4), "first", rs.getString(5))).orElseThrow();
        assertThat(stored.get("count")).isEqualTo((long) rows);
        assertThat((BigDecimal) stored.get("value")).isEqualByComparingTo(values);
        assertThat((BigDecimal) stored.get("weight")).isEqualByComparingTo(weights);
        assertThat(stored.get("first")).isEqualTo("GZIP-0");

        // the same rows sent plain are the same file's content but another file: its rows are already there
        JsonPath plainReport = Uploads.upload("shipments", plain, Uploads.source("test-gzip-upload"), 200);
        assertThat(plainReport.getLong("rows.loaded")).isZero();
        assertThat(plainReport.getLong("rows.unchanged")).isEqualTo(rows);
    }

    /** Backends of this database, other than the test's own, that hold a transaction or run a statement now. */
    private long busyBackends() {
        return jdbc.count("""
                select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                and backend_type = 'client backend' and state <> 'idle'""", List.of());
    }

    /** Backends in the middle of a shipment load: a transaction open since its staging table was made, or a COPY. */
    private long loadingBackends() {
        return jdbc.count("""
                select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                and xact_start is not null and (query ilike '%ingest_shipment%' or query ilike 'copy%')""", List.of());
    }

    @Test
    void anUploadBrokenOffHalfwayWritesNothingAndGivesItsConnectionBack() throws Exception {
        byte[] file = LargeUploadTest.shipments(8_000, "BROKEN-");
        Map<String, Long> before = Uploads.counts(jdbc);
        String query = "source=test-broken-upload&sourceTitle=Broken+upload+test+%28fictional+data%29";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /ingest/shipments?" + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Uploads.ADMIN_KEY + "\r\nContent-Type: text/csv\r\nContent-Length: " + file.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(file, 0, file.length / 2);
            out.flush();
            // the load is under way: its transaction is open and its staging table made while the rest of the body is awaited
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> loadingBackends() > 0);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no load seen; backends: " + jdbc.list("select pid, state, left(query, 120) from "
                        + "pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()", List.of(),
                        rs -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3)), e);
            }
        } // the client goes away with half its body sent

        // the load's connection ends its transaction and is back in the pool, idle; no lock is left held
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> busyBackends() == 0 && dataSource.getMetrics().activeCount() == 0);
        assertThat(jdbc.count("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                + "where l.locktype = 'advisory' and a.datname = current_database()", List.of())).isZero();
        assertThat(Uploads.counts(jdbc)).as("nothing of the broken upload is visible").isEqualTo(before);
        assertThat(jdbc.count("select count(*) from data_release r join source s on s.id = r.source_id "
                + "where s.key = 'test-broken-upload'", List.of())).isZero();

        // the whole file then loads, once
        JsonPath report = Uploads.upload("shipments", file, Uploads.source("test-broken-upload"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(Uploads.shipments(jdbc, "test-broken-upload")).isEqualTo(8_000);
    }
}
