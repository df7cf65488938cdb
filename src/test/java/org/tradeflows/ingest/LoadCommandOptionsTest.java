package org.tradeflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.Uploads;

/**
 * What the README promises of the load command, run as a real child process on the test database: its exit codes
 * (0 loaded or dry run, 1 rejected file, 2 bad arguments), the rejects file with line, column, reason and the record,
 * the JSON report written by {@code --report}, "would load" on a dry run, and the progress bar on standard error
 * that {@code --no-progress} silences. Every count is read back from the database, not from the command's words.
 */
@QuarkusTest
class LoadCommandOptionsTest {

    @Inject
    Jdbc jdbc;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run load(String source, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.tradeflows.ingest.cli.LoadCommand",
                "--source", source, "--source-title", "Load command test (fictional data)",
                "--db-url", DatabaseTestResource.URL));
        cmd.addAll(Arrays.asList(args));
        Path out = dir.resolve(source + ".out");
        Path err = dir.resolve(source + ".err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the load command ends").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** {@code rows} good shipments, with row number {@code bad} (1-based, 0 for none) given an impossible date. */
    private Path shipments(String name, int rows, int bad) throws IOException {
        String[] lines = new String(LargeUploadTest.shipments(rows, name.toUpperCase() + "-"), StandardCharsets.UTF_8)
                .split("\n");
        if (bad > 0) {
            lines[bad] = lines[bad].replaceFirst(",2023-\\d\\d-15,", ",2023-13-45,");
        }
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private List<CSVRecord> rejects(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void aRejectedFileExitsOneWritesNothingAndReportsTheRowWithItsLineColumnAndRecord() throws Exception {
        Path file = shipments("rejected", 50, 17);
        Path rejects = dir.resolve("rejected-rows.csv");
        Path report = dir.resolve("report.json");
        Run run = load("test-load-rejected", "--format", "shipments", "--no-progress", "--rejects", rejects.toString(),
                "--report", report.toString(), file.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(Uploads.shipments(jdbc, "test-load-rejected")).as("all or nothing: nothing written").isZero();
        assertThat(run.err()).contains("REJECTED").contains("line 18");

        List<CSVRecord> rows = rejects(rejects);
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("line")).isEqualTo("18"); // the header is line 1
        assertThat(row.get("column")).isEqualTo("date");
        assertThat(row.get("reason")).isNotBlank();
        assertThat(row.get("record")).contains("2023-13-45").contains("REJECTED-16");

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("status").asText()).isEqualTo("REJECTED");
        assertThat(json.path("rows").path("read").asLong()).isEqualTo(50);
        assertThat(json.path("rows").path("rejected").asLong()).isEqualTo(1);
        assertThat(json.path("rows").path("loaded").asLong()).isZero();
        assertThat(json.path("rejections").get(0).path("line").asLong()).isEqualTo(18);
    }

    @Test
    void keepValidLoadsTheOtherRowsAndExitsZeroWithTheRejectsBesideTheFile() throws Exception {
        Path file = shipments("kept", 40, 5);
        Run run = load("test-load-kept", "--format", "shipments", "--no-progress", "--keep-valid", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Uploads.shipments(jdbc, "test-load-kept")).isEqualTo(39);
        Path beside = Path.of(file + ".rejected.csv");
        assertThat(beside).as("default rejects file, FILE.rejected.csv").exists();
        assertThat(rejects(beside)).singleElement().satisfies(r -> assertThat(r.get("line")).isEqualTo("6"));
    }

    @Test
    void aDryRunSaysWouldLoadWritesNothingAndLeavesNoRejectsFile() throws Exception {
        Path file = shipments("dry", 30, 0);
        Run run = load("test-load-dry", "--format", "shipments", "--no-progress", "--dry-run", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("DRY_RUN").contains("would load 30").doesNotContain("loaded 30");
        assertThat(Uploads.shipments(jdbc, "test-load-dry")).isZero();
        assertThat(jdbc.count("select count(*) from source where key = ?", List.of("test-load-dry"))).isZero();
        assertThat(Path.of(file + ".rejected.csv")).doesNotExist();
    }

    @Test
    void badArgumentsExitTwoWithAMessageAndTouchNothing() throws Exception {
        Path file = shipments("args", 5, 0);
        Run unknownFormat = load("test-load-args", "--format", "shipmints", "--no-progress", file.toString());
        assertThat(unknownFormat.exit()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains("shipmints").doesNotContain("Exception").doesNotContain("\tat ");

        Run missingFile = load("test-load-args", "--format", "shipments", "--no-progress",
                dir.resolve("no-such.csv").toString());
        assertThat(missingFile.exit()).isEqualTo(2);
        assertThat(missingFile.err()).contains("no such file");
        assertThat(jdbc.count("select count(*) from source where key = ?", List.of("test-load-args"))).isZero();
    }

    @Test
    void theProgressBarGoesToStandardErrorAndNoProgressSilencesIt() throws Exception {
        Path file = shipments("progress", 200, 0);
        Run shown = load("test-load-progress", "--format", "shipments", file.toString());
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.err()).as("a progress line without a terminal").contains("Loading").contains("200")
                .contains("rows");
        assertThat(shown.out()).doesNotContain("Loading");
        assertThat(Uploads.shipments(jdbc, "test-load-progress")).isEqualTo(200);

        Path again = shipments("quiet", 20, 0);
        Run quiet = load("test-load-quiet", "--format", "shipments", "--no-progress", again.toString());
        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.err()).doesNotContain("Loading");
        assertThat(Uploads.shipments(jdbc, "test-load-quiet")).isEqualTo(20);
    }
}
