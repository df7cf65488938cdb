package org.tradeflows.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Backends;
import org.tradeflows.support.SyntheticData;

/**
 * An export whose database connection is killed (pg_terminate_backend) after its first rows went out never looks
 * complete: Java's HTTP client, a raw HTTP/1.1 reader and curl all see a broken body, never the terminating chunk,
 * the row-count trailer or NDJSON's trailer line. A complete export carries all three.
 */
@QuarkusTest
class ExportAbortTest {

    static final int ROWS = 200_000;
    static final String FILTER = "{\"sources\":[\"synthetic-export-abort\"],\"includeSynthetic\":true}";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;
    @TestHTTPResource("/export/shipments.csv")
    URI csv;
    @TempDir
    Path dir;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "export-abort", 4_242, 500, ROWS);
    }

    private static String path(String format, String filter) {
        return "/export/shipments." + format + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    /** The backend running an export statement in this database (idle pooled ones still show their last), or 0. */
    private long exportBackend() {
        return jdbc.count("""
                select coalesce(max(pid), 0) from pg_stat_activity
                 where datname = current_database() and query like '/* tradeflows export %' and state <> 'idle'
                   and pid <> pg_backend_pid()""",
                List.of());
    }

    private void killExport() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> exportBackend() > 0);
        assertThat(Backends.terminate(jdbc, exportBackend())).isTrue();
    }

    @Test
    void javaHttpClientSeesAKilledCsvExportFail() throws Exception {
        URI uri = URI.create(csv + "?filter=" + URLEncoder.encode(FILTER, StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Trailer")).hasValue(ExportStreamer.ROWS_TRAILER);
        long[] lines = {0};
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 5_000; i++) {
                assertThat(in.readLine()).isNotNull();
                lines[0]++;
            }
            killExport();
            assertThatThrownBy(() -> {
                while (in.readLine() != null) {
                    lines[0]++;
                }
            }).as("reading a killed export to its end").isInstanceOf(IOException.class);
        }
        assertThat(lines[0]).isLessThan(ROWS + 1);
    }

    @Test
    void aKilledNdjsonExportNeverSendsTheTerminatingChunk() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            Chunked answer = Chunked.get(socket, path("ndjson", FILTER));
            assertThat(answer.head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            assertThat(answer.nextChunk(body)).isTrue();
            killExport();
            boolean terminated;
            int before = body.size();
            try {
                while (answer.nextChunk(body)) {
                    // keep reading what was sent before the connection broke
                }
                terminated = true;
            } catch (IOException broken) {
                terminated = false;
            }
            String tail = body.toString(StandardCharsets.UTF_8);
            assertThat(terminated).as("the zero-length chunk that ends a complete body; read %d bytes after the kill, "
                    + "ending %s", body.size() - before, tail.substring(Math.max(0, tail.length() - 300))).isFalse();
            assertThat(answer.trailers).isEmpty();
            assertThat(body.toString(StandardCharsets.UTF_8)).doesNotContain("\"" + ExportStreamer.NDJSON_TRAILER_FIELD + "\"");
        }
    }

    @Test
    void aKilledParquetExportIsNeverAReadableFile() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            Chunked answer = Chunked.get(socket, path("parquet", FILTER));
            assertThat(answer.head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            assertThat(answer.nextChunk(body)).isTrue();
            killExport();
            boolean terminated;
            try {
                while (answer.nextChunk(body)) {
                    // keep reading what was sent before the connection broke
                }
                terminated = true;
            } catch (IOException broken) {
                terminated = false;
            }
            byte[] bytes = body.toByteArray();
            assertThat(terminated).isFalse();
            assertThat(answer.trailers).isEmpty();
            // a Parquet file opens and ends with the magic PAR1; the footer before the last one is written on success only
            assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
            assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).isNotEqualTo("PAR1");
        }
    }

    @Test
    void curlReportsAKilledExportAsAnError() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "needs curl");
        Path file = dir.resolve("shipments.csv");
        Process curl = new ProcessBuilder("/usr/bin/curl", "-sS", "-v", "--limit-rate", "1M", "-o", file.toString(),
                "http://localhost:" + RestAssured.port + path("csv", FILTER)).redirectErrorStream(true).start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .failFast(() -> !curl.isAlive())
                .until(() -> Files.exists(file) && Files.size(file) > 0);
        killExport();
        assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // 18: transfer closed with outstanding read data remaining; 56: failure receiving network data
        assertThat(curl.exitValue()).as("curl's exit status; %d bytes; it said: %s", Files.size(file),
                said.substring(Math.max(0, said.length() - 1500))).isIn(18, 56);

        // a complete export: curl succeeds, and the trailer it dumps with the headers holds the row count
        String small = "{\"sources\":[\"synthetic-export-abort\"],\"includeSynthetic\":true,\"hsCodes\":[\"8407\"]}";
        long expected = jdbc.count("select count(*) from shipment s join source x on x.id = s.source_id where x.key = ? "
                + "and s.hs_code like '8407%'", List.of("synthetic-export-abort"));
        Path headers = dir.resolve("headers.txt");
        Process complete = new ProcessBuilder("/usr/bin/curl", "-sS", "--fail", "-D", headers.toString(), "-o",
                dir.resolve("small.csv").toString(), "http://localhost:" + RestAssured.port + path("csv", small))
                .redirectErrorStream(true).start();
        assertThat(complete.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(complete.exitValue()).isZero();
        assertThat(Files.readAllLines(headers)).anySatisfy(h -> assertThat(h.strip())
                .isEqualToIgnoringCase(ExportStreamer.ROWS_TRAILER + ": " + expected));
        assertThat(Files.readAllLines(dir.resolve("small.csv"))).hasSize((int) expected + 1);
    }

    @Test
    void aCompleteExportCarriesItsRowCountInTheTrailerAndNdjsonInItsLastLine() throws Exception {
        String small = "{\"sources\":[\"synthetic-export-abort\"],\"includeSynthetic\":true,\"hsCodes\":[\"8407\"]}";
        long expected = jdbc.count("select count(*) from shipment s join source x on x.id = s.source_id where x.key = ? "
                + "and s.hs_code like '8407%'", List.of("synthetic-export-abort"));
        assertThat(expected).isPositive();
        for (String format : List.of("csv", "ndjson")) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(30_000);
                Chunked answer = Chunked.get(socket, path(format, small));
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                while (answer.nextChunk(body)) {
                    // read to the terminating chunk
                }
                assertThat(answer.head).startsWith("HTTP/1.1 200").containsIgnoringCase("trailer: " + ExportStreamer.ROWS_TRAILER);
                assertThat(answer.trailers).containsEntry(ExportStreamer.ROWS_TRAILER.toLowerCase(), Long.toString(expected));
                List<String> lines = body.toString(StandardCharsets.UTF_8).lines().toList();
                if (format.equals("csv")) {
                    assertThat(lines).as("header and rows, nothing else").hasSize((int) expected + 1);
                } else {
                    assertThat(lines).hasSize((int) expected + 1);
                    assertThat(lines.get(lines.size() - 1))
                            .isEqualTo("{\"_trailer\":{\"rows\":" + expected + ",\"complete\":true}}");
                }
            }
        }
    }

    /** A minimal HTTP/1.1 chunked-body reader, so that the test sees the framing every client relies on. */
    static final class Chunked {
        final String head;
        final Map<String, String> trailers = new LinkedHashMap<>();
        private final InputStream in;

        private Chunked(String head, InputStream in) {
            this.head = head;
            this.in = in;
        }

        static Chunked get(Socket socket, String path) throws IOException {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nTE: trailers\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            StringBuilder head = new StringBuilder();
            for (String line; !(line = line(in)).isEmpty(); ) {
                head.append(line).append('\n');
            }
            return new Chunked(head.toString(), in);
        }

        /** Reads one chunk into {@code body}; false at the terminating chunk (after reading the trailers). */
        boolean nextChunk(ByteArrayOutputStream body) throws IOException {
            String size = line(in);
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                for (String line; !(line = line(in)).isEmpty(); ) {
                    int colon = line.indexOf(':');
                    trailers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
                return false;
            }
            byte[] data = in.readNBytes(n);
            if (data.length < n) {
                throw new IOException("connection closed inside a chunk");
            }
            body.write(data);
            if (!line(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
            return true;
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("connection closed before the end of a line");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }
}
