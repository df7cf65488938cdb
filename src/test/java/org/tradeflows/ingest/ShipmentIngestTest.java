package org.tradeflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Uploads;

/** The shipment CSV through the upload endpoint: what lands, all or nothing, keep-valid, and loading twice. */
@QuarkusTest
class ShipmentIngestTest {

    private static final String HEADER = "source_ref,supplier_name,supplier_country,recipient_name,recipient_country,"
            + "date,hs_code,value,currency,value_qualifier\n";

    @Inject
    Jdbc jdbc;

    private record Row(String ref, Long supplier, Long recipient, String hsCode, String productCode, BigDecimal value,
            String currency, BigDecimal eur, BigDecimal usd, BigDecimal expectedEur, BigDecimal expectedUsd,
            String qualifier, String start, String end) {
    }

    private List<Row> rows(String source) {
        return jdbc.list("""
                select s.source_record_ref, s.supplier_id, s.recipient_id, s.hs_code, s.product_code, s.value, s.currency,
                       s.value_eur, s.value_usd, to_eur(s.value, s.currency, s.period_start),
                       to_usd(s.value, s.currency, s.period_start), s.value_qualifier, s.period_start::text,
                       s.period_end::text
                from shipment s join source so on so.id = s.source_id where so.key = ? order by s.source_record_ref""",
                List.of(source), rs -> new Row(rs.getString(1), Jdbc.longOrNull(rs, "supplier_id"),
                        Jdbc.longOrNull(rs, "recipient_id"), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                        rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        rs.getBigDecimal(11), rs.getString(12), rs.getString(13), rs.getString(14)));
    }

    @Test
    void theExampleFileLandsWithCompaniesIntermediariesAndMoneyInEurAndUsd() throws Exception {
        byte[] file = Uploads.example("shipments.csv");
        JsonPath report = Uploads.upload("shipments", file, Uploads.source("test-ship-example"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(report.getLong("rows.read")).isEqualTo(3);
        assertThat(report.getLong("rows.loaded")).isEqualTo(3);
        assertThat(report.getLong("rows.rejected")).isZero();
        assertThat(report.getLong("written.shipments")).isEqualTo(3);
        assertThat(report.getString("sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));

        List<Row> rows = rows("test-ship-example");
        assertThat(rows).extracting(Row::ref).containsExactly("FICT-2023-0001", "FICT-2023-0002", "FICT-2023-0003");
        for (Row r : rows) {
            assertThat(r.eur()).isEqualByComparingTo(r.expectedEur());
            assertThat(r.usd()).isEqualByComparingTo(r.expectedUsd());
        }
        assertThat(rows.get(0).hsCode()).isEqualTo("84071000");
        assertThat(rows.get(0).productCode()).isEqualTo("840710");
        assertThat(rows.get(0).value()).isEqualByComparingTo("125000.50");
        assertThat(rows.get(0).currency()).isEqualTo("CNY");
        assertThat(rows.get(1).productCode()).isEqualTo("8542");
        assertThat(rows.get(1).qualifier()).isEqualTo("AT_LEAST");
        assertThat(rows.get(1).start()).isEqualTo("2023-04-01");
        assertThat(rows.get(1).end()).isEqualTo("2023-06-30");
        assertThat(rows.get(2).productCode()).isEqualTo("681511");
        assertThat(rows.get(2).eur()).isEqualByComparingTo("9800");

        // three spellings of each party, one company each
        assertThat(rows).extracting(Row::supplier).containsOnly(rows.get(0).supplier()).doesNotContainNull();
        assertThat(rows).extracting(Row::recipient).containsOnly(rows.get(0).recipient()).doesNotContainNull();
        long recipient = rows.get(0).recipient();
        assertThat(jdbc.one("select name || ' / ' || name_original from company where id = ?", List.of(recipient),
                rs -> rs.getString(1))).contains("OOO «Vymyshlennyy Zavod» / ООО «Вымышленный Завод»");
        assertThat(jdbc.list("select alias from company_alias where company_id = ?", List.of(recipient),
                rs -> rs.getString(1))).contains("Vymyshlennyy Zavod LLC",
                        "Общество с ограниченной ответственностью «Вымышленный Завод»");
        assertThat(jdbc.list("select scheme || ':' || value from company_identifier where company_id = ? order by 1",
                List.of(recipient), rs -> rs.getString(1))).contains("INN:9901000002", "OGRN:1099900000001");
        assertThat(jdbc.count("select count(*) from company_identifier where company_id = ? and value = '91330200MA2DEMA01F'",
                List.of(rows.get(0).supplier()))).isEqualTo(1);

        List<String> intermediaries = jdbc.list("""
                select i.position || ':' || coalesce(c.name, '-') || ':' || coalesce(i.country_code, '-')
                from shipment_intermediary i join shipment s on s.id = i.shipment_id
                join source so on so.id = s.source_id left join company c on c.id = i.company_id
                where so.key = ? order by i.position""", List.of("test-ship-example"), rs -> rs.getString(1));
        assertThat(intermediaries).containsExactly("1:Example Transit Logistics Ltd:HK", "2:-:KZ");

        Map<String, Object> release = jdbc.one("select kind, content_sha256, counts::text from data_release where id = ?",
                List.of(report.getLong("releaseId")), rs -> Map.<String, Object>of("kind", rs.getString(1), "sha",
                        rs.getString(2), "counts", rs.getString(3))).orElseThrow();
        assertThat(release.get("kind")).isEqualTo("INGEST");
        assertThat(release.get("sha")).isEqualTo(report.getString("sha256"));
        assertThat((String) release.get("counts")).contains("\"read\": 3").contains("\"shipments\": 3");
    }

    @Test
    void loadingTheSameFileTwiceLeavesTheDatabaseAsAfterTheFirst() {
        byte[] file = Uploads.example("shipments.csv");
        Uploads.upload("shipments", file, Uploads.source("test-ship-twice"), 200);
        Map<String, Long> after = Uploads.counts(jdbc);
        Map<String, Long> sequences = Uploads.sequences(jdbc);
        List<Row> rows = rows("test-ship-twice");

        JsonPath again = Uploads.upload("shipments", file, Uploads.source("test-ship-twice"), 200);
        assertThat(again.getString("status")).isEqualTo("ALREADY_LOADED");
        assertThat(again.getLong("rows.loaded")).isZero();
        assertThat(Uploads.counts(jdbc)).isEqualTo(after);
        assertThat(Uploads.sequences(jdbc)).isEqualTo(sequences);
        assertThat(rows("test-ship-twice")).isEqualTo(rows);

        // the same records in another file: the new one is added, the others are unchanged, nothing is duplicated
        String more = new String(file, StandardCharsets.UTF_8) + "FICT-2023-0004,,Fictional Aero Parts Trading Co Ltd,CN,,"
                + "Vymyshlennyy Zavod,RU,,,,,2023-08-01,,,880730,,1000,USD,EXACT,,,\n";
        JsonPath grown = Uploads.upload("shipments", more.getBytes(StandardCharsets.UTF_8), Uploads.source("test-ship-twice"), 200);
        assertThat(grown.getString("status")).isEqualTo("LOADED");
        assertThat(grown.getLong("rows.loaded")).isEqualTo(1);
        assertThat(grown.getLong("rows.unchanged")).isEqualTo(3);
        assertThat(Uploads.shipments(jdbc, "test-ship-twice")).isEqualTo(4);
    }

    private static final String BAD = HEADER
            + "OK-1,Fictional Good Supplier,CN,Fictional Good Recipient,RU,2023-01-10,840710,100,USD,EXACT\n"
            + "BAD-2,Fictional Good Supplier,XX,Fictional Good Recipient,RU,2023-02-30,010199,-5,ZZZ,ROUGHLY\n"
            + "OK-3,Fictional Good Supplier,CN,Fictional Good Recipient,RU,2023-01-11,8407,200.5,EUR,\n"
            + "BAD-4,Fictional Good Supplier,CN,Fictional Good Recipient,RU,2099-01-01,84,1.234,USD,EXACT\n";

    @Test
    void oneBadRowRejectsTheWholeFileAndTheReportSaysWhereAndWhy() {
        Map<String, Long> before = Uploads.counts(jdbc);
        JsonPath report = Uploads.upload("shipments", BAD.getBytes(StandardCharsets.UTF_8), Uploads.source("test-ship-bad"), 422);
        assertThat(report.getString("status")).isEqualTo("REJECTED");
        assertThat(report.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(report.getString("errors[0].message")).isEqualTo("2 of 4 rows are invalid: nothing was loaded. "
                + "Fix them, or load the valid rows only (keep-valid).");
        assertThat(report.getLong("rows.read")).isEqualTo(4);
        assertThat(report.getLong("rows.valid")).isEqualTo(2);
        assertThat(report.getLong("rows.loaded")).isZero();
        assertThat(report.getLong("rows.rejected")).isEqualTo(2);
        List<Map<String, Object>> rejections = report.getList("rejections");
        assertThat(rejections).extracting(r -> r.get("line") + " " + r.get("column") + ": " + r.get("reason"))
                .contains("3 supplier_country: not an ISO 3166 country code",
                        "3 date: not a real date",
                        "3 hs_code: HS code 010199 is not in the HS 2022 tree",
                        "3 value: must not be negative",
                        "3 currency: not an ISO 4217 currency code",
                        "3 value_qualifier: not one of EXACT, AT_LEAST, MORE_THAN, APPROXIMATE, ESTIMATED",
                        "5 date: date is in the future",
                        "5 value: more than 2 decimal places");
        assertThat(Uploads.counts(jdbc)).isEqualTo(before);
        assertThat(jdbc.count("select count(*) from source where key = 'test-ship-bad'", List.of())).isZero();
    }

    @Test
    void keepValidLoadsTheGoodRowsAndReportsTheRest() {
        Map<String, Object> params = Uploads.source("test-ship-keep");
        params.put("keepValid", true);
        JsonPath report = Uploads.upload("shipments", BAD.getBytes(StandardCharsets.UTF_8), params, 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(report.getString("mode")).isEqualTo("KEEP_VALID");
        assertThat(report.getLong("rows.loaded")).isEqualTo(2);
        assertThat(report.getLong("rows.rejected")).isEqualTo(2);
        assertThat(report.getList("rejections.line", Integer.class)).contains(3, 5);
        assertThat(Uploads.shipments(jdbc, "test-ship-keep")).isEqualTo(2);
    }

    @Test
    void aRepeatedSourceReferenceInOneFileIsABadRow() {
        String file = HEADER
                + "DUP-1,Fictional Good Supplier,CN,Fictional Good Recipient,RU,2023-01-10,840710,100,USD,EXACT\n"
                + "DUP-2,Fictional Good Supplier,CN,Fictional Good Recipient,RU,2023-01-10,840710,100,USD,EXACT\n"
                + "DUP-1,Fictional Good Supplier,CN,Fictional Good Recipient,RU,2023-01-12,840710,999,USD,EXACT\n";
        JsonPath strict = Uploads.upload("shipments", file.getBytes(StandardCharsets.UTF_8), Uploads.source("test-ship-dup"), 422);
        assertThat(strict.getString("rejections[0].reason")).isEqualTo("source_ref repeats the record on line 2");
        assertThat(strict.getInt("rejections[0].line")).isEqualTo(4);
        assertThat(Uploads.shipments(jdbc, "test-ship-dup")).isZero();

        Map<String, Object> params = Uploads.source("test-ship-dup");
        params.put("keepValid", true);
        JsonPath kept = Uploads.upload("shipments", file.getBytes(StandardCharsets.UTF_8), params, 200);
        assertThat(kept.getLong("rows.loaded")).isEqualTo(2);
        assertThat(kept.getLong("rows.rejected")).isEqualTo(1);
        assertThat(jdbc.count("""
                select count(*) from shipment s join source so on so.id = s.source_id
                where so.key = 'test-ship-dup' and s.source_record_ref = 'DUP-1' and s.value = 100""", List.of())).isEqualTo(1);
    }

    @Test
    void aCurrencyWithoutAnExchangeRateForThePeriodIsABadRow() {
        // the ECB published no RUB rate after 1 March 2022, and none is carried forward
        String file = HEADER + "NORATE-1,Fictional Good Supplier,CN,Fictional Good Recipient,RU,2022-05-10,840710,100,RUB,\n";
        JsonPath report = Uploads.upload("shipments", file.getBytes(StandardCharsets.UTF_8), Uploads.source("test-ship-norate"), 422);
        assertThat(report.getString("rejections[0].column")).isEqualTo("currency");
        assertThat(report.getString("rejections[0].reason")).startsWith("no exchange rate for RUB in 2022 or 2022-05");
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        Map<String, Long> before = Uploads.counts(jdbc);
        Map<String, Object> params = Uploads.source("test-ship-dry");
        params.put("dryRun", true);
        JsonPath report = Uploads.upload("shipments", Uploads.example("shipments.csv"), params, 200);
        assertThat(report.getString("status")).isEqualTo("DRY_RUN");
        assertThat(report.getLong("rows.read")).isEqualTo(3);
        assertThat(Uploads.counts(jdbc)).isEqualTo(before);
    }
}
