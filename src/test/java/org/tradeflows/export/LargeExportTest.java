package org.tradeflows.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.ExportSql;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.SyntheticData;

/**
 * A million generated shipments streamed through HTTP: every row arrives, the server's heap stays flat while the row
 * count grows, and a client that hangs up mid-way leaves no query running in PostgreSQL.
 */
@QuarkusTest
class LargeExportTest {

    static final int ROWS = 1_000_000;
    static final String FILTER = "{\"sources\":[\"synthetic-export-million\"],\"includeSynthetic\":true}";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;
    @TestHTTPResource("/export/shipments.csv")
    URI csv;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "export-million", 1_000_003, 2000, ROWS);
    }

    private HttpResponse<InputStream> open() throws Exception {
        URI uri = URI.create(csv + "?filter=" + URLEncoder.encode(FILTER, StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aMillionRowsStreamWithFlatHeap() throws Exception {
        long baseline = heapAfterGc();
        long maxGrowth = 0;
        long lines = 0;
        String header;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open().body(), StandardCharsets.UTF_8))) {
            header = in.readLine();
            while (in.readLine() != null) {
                lines++;
                if (lines % 200_000 == 0) {
                    maxGrowth = Math.max(maxGrowth, heapAfterGc() - baseline);
                }
            }
        }
        assertThat(header).isEqualTo(String.join(",", ExportSql.SHIPMENT_COLUMNS));
        assertThat(lines).isEqualTo(ROWS);
        // The export of ~300 MB of CSV must not be held in memory: retained heap may not grow with the rows sent.
        assertThat(maxGrowth).as("retained heap growth while streaming, bytes").isLessThan(64L * 1024 * 1024);
        // the rows were read ahead of the writer on a thread of their own (ReadAhead), which the pool keeps for a while
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("the export's reader thread").contains("tradeflows-export-reader");
    }

    @Test
    void aClientHangingUpCancelsTheQuery() throws Exception {
        HttpResponse<InputStream> response = open();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 10_000; i++) {
                assertThat(in.readLine()).isNotNull();
            }
            assertThat(exportsRunning()).as("the export query runs while the client reads").isPositive();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (exportsRunning() > 0 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(exportsRunning()).as("export queries left in PostgreSQL after the client hung up").isZero();
    }

    /** Backends still holding an export statement (running, or idle inside its transaction). */
    private long exportsRunning() {
        return jdbc.count("""
                select count(*) from pg_stat_activity
                 where query like '/* tradeflows export %' and state in ('active', 'idle in transaction')
                   and pid <> pg_backend_pid()""", List.of());
    }
}
