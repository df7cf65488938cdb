package org.tradeflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Uploads;

/**
 * Bad files through the upload endpoint: each gets a clear error (422 with the problem and, where there is one,
 * the line) and not one row is written anywhere, not even the source the upload names.
 */
@QuarkusTest
class HostileFileTest {

    @Inject
    Jdbc jdbc;

    private static final String GOOD = new String(Uploads.example("shipments.csv"), StandardCharsets.UTF_8);

    private JsonPath refused(String format, byte[] body, String status) {
        Map<String, Long> before = Uploads.counts(jdbc);
        JsonPath report = Uploads.upload(format, body, Uploads.source("test-hostile"), 422);
        assertThat(report.getString("status")).isEqualTo(status);
        assertThat(Uploads.counts(jdbc)).as("nothing written").isEqualTo(before);
        assertThat(report.getString("error") + report.getString("message")).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(report.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(report.getString("errors[0].message")).startsWith(status.equals("INVALID_FILE")
                ? report.getString("error") : report.getString("message")).doesNotContain("Exception");
        return report;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyFile() {
        assertThat(refused("shipments", new byte[0], "INVALID_FILE").getString("error")).contains("empty");
        assertThat(refused("comtrade", new byte[0], "INVALID_FILE").getString("error")).contains("empty");
        assertThat(refused("opensanctions-ftm", new byte[0], "INVALID_FILE").getString("error")).contains("empty");
    }

    @Test
    void aHeaderWithoutRows() {
        String header = GOOD.substring(0, GOOD.indexOf('\n') + 1);
        assertThat(refused("shipments", utf8(header), "INVALID_FILE").getString("error")).contains("header but no rows");
    }

    @Test
    void utf8WithAByteOrderMarkLoads() {
        byte[] bom = utf8("\uFEFF" + GOOD);
        JsonPath report = Uploads.upload("shipments", bom, Uploads.source("test-hostile-bom"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(report.getLong("rows.loaded")).isEqualTo(3);
    }

    @Test
    void invalidUtf8() {
        byte[] latin1 = (GOOD + "FICT-9,,Soci\u00e9t\u00e9 Fictive,FR,,X,RU,,,,,2023-01-01,,,8407,,1,EUR,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonPath r = refused("shipments", latin1, "INVALID_FILE");
        assertThat(r.getString("error")).contains("not valid UTF-8");
        assertThat(r.getLong("errorLine")).isEqualTo(2);

        // named, the encoding is read as such
        Map<String, Object> params = Uploads.source("test-hostile-1252");
        params.put("charset", "windows-1252");
        JsonPath named = Uploads.upload("shipments", latin1, params, 200);
        assertThat(named.getLong("rows.loaded")).isEqualTo(4);
        assertThat(jdbc.count("select count(*) from shipment where supplier_declared_name = 'Soci\u00e9t\u00e9 Fictive'",
                java.util.List.of())).isEqualTo(1);
        Uploads.post("shipments", latin1, Map.of("source", "x", "charset", "klingon")).then().statusCode(400);
    }

    @Test
    void theWrongDelimiter() {
        String semicolons = GOOD.replace(",", ";");
        assertThat(refused("shipments", utf8(semicolons), "INVALID_FILE").getString("error"))
                .contains("separated by semicolons").contains("commas");
    }

    @Test
    void quotingProblems() {
        String unclosed = GOOD + "FICT-9,,\"Fictional Unclosed Quote,CN,,X,RU,,,,,2023-01-01,,,8407,,1,EUR,,,,\n";
        JsonPath r = refused("shipments", utf8(unclosed), "INVALID_FILE");
        assertThat(r.getString("error")).contains("never closed").contains("line 5");

        String runaway = unclosed + "FICT-X,,Plain Supplier,CN,,Plain Recipient,RU,,,,,2023-01-01,,,8407,,1,EUR,,,,\n"
                .repeat(20_000);
        JsonPath big = refused("shipments", utf8(runaway), "INVALID_FILE");
        assertThat(big.getString("error")).contains("The record that starts on line 5 runs on for more than 1048576");

        String stray = GOOD + "FICT-9,,\"Fictional\" Stray,CN,,X,RU,,,,,2023-01-01,,,8407,,1,EUR,,,,\n";
        assertThat(refused("shipments", utf8(stray), "INVALID_FILE").getString("error")).contains("double quote");
    }

    @Test
    void windowsLineEndingsLoad() {
        JsonPath report = Uploads.upload("shipments", utf8(GOOD.replace("\n", "\r\n")), Uploads.source("test-hostile-crlf"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
    }

    @Test
    void aTruncatedFile() {
        String cut = GOOD.substring(0, GOOD.length() - 40);
        JsonPath r = refused("shipments", utf8(cut), "REJECTED");
        assertThat(r.getInt("rejections[0].line")).isEqualTo(4);
        assertThat(r.getString("rejections[0].reason")).contains("fields where the header has 22").contains("truncated");
    }

    @Test
    void binaryJunk() {
        byte[] junk = new byte[200_000];
        new Random(42).nextBytes(junk);
        junk[0] = 'j';
        assertThat(refused("shipments", junk, "INVALID_FILE").getString("error"))
                .containsAnyOf("binary data", "not valid UTF-8");
        byte[] nul = utf8(GOOD.replace("Piston", "Pis\u0000ton"));
        assertThat(refused("shipments", nul, "INVALID_FILE").getString("error")).contains("Line 2 contains binary data");
    }

    @Test
    void aSingleTenMegabyteLine() {
        byte[] line = new byte[10 * 1024 * 1024];
        Arrays.fill(line, (byte) 'x');
        JsonPath r = refused("shipments", line, "INVALID_FILE");
        assertThat(r.getString("error")).contains("longer than 1048576 characters");
        assertThat(r.getLong("errorLine")).isEqualTo(1);
    }

    @Test
    void archivesAndOtherEncodings() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("shipments.csv"));
            z.write(utf8(GOOD));
        }
        assertThat(refused("shipments", zip.toByteArray(), "INVALID_FILE").getString("error")).contains("ZIP archive");
        assertThat(refused("shipments", ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_16LE), "INVALID_FILE")
                .getString("error")).contains("UTF-16");
    }

    @Test
    void headerProblems() {
        String missing = GOOD.replaceFirst("hs_code", "hs");
        assertThat(refused("shipments", utf8(missing), "INVALID_FILE").getString("error"))
                .contains("lacks the required column hs_code").contains("unknown column hs ");
        assertThat(refused("baci", utf8("year,exporter\n2022,156\n"), "INVALID_FILE").getString("error"))
                .contains("lacks the required columns");
        assertThat(refused("comtrade", utf8("a,b\n1,2\n"), "INVALID_FILE").getString("error")).contains("UN Comtrade");
    }

    @Test
    void brokenJsonLines() {
        String ftm = new String(Uploads.example("opensanctions-entities.ftm.json"), StandardCharsets.UTF_8);
        String truncated = ftm.substring(0, ftm.length() - 30);
        JsonPath r = refused("opensanctions-ftm", utf8(truncated), "REJECTED");
        assertThat(r.getString("rejections[0].reason")).contains("not valid JSON").contains("truncated");
        assertThat(r.getInt("rejections[0].line")).isEqualTo(7);
    }

    @Test
    void anUnknownFormatOrSourceIsABadRequest() {
        Uploads.post("excel", utf8(GOOD), Map.of()).then().statusCode(400);
        JsonPath r = Uploads.upload("shipments", utf8(GOOD), Map.of("source", "never-described"), 422);
        assertThat(r.getString("error")).contains("Source 'never-described' is not known");
        JsonPath none = Uploads.upload("shipments", utf8(GOOD), Map.of(), 422);
        assertThat(none.getString("error")).contains("needs a source");
    }
}
