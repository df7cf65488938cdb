package org.tradeflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Uploads;

/**
 * OpenSanctions exports: companies matched by identifiers (the OpenSanctions id among them) or names, or added;
 * their other names become aliases; sanctions carry their authority and dates; persons are skipped; a name that
 * fits two companies is reported and never merged.
 */
@QuarkusTest
class SanctionsIngestTest {

    @Inject
    Jdbc jdbc;

    private Long companyWith(String scheme, String value) {
        return jdbc.one("select company_id from company_identifier where scheme = ? and value = ?", List.of(scheme, value),
                rs -> rs.getLong(1)).orElse(null);
    }

    private List<String> sanctions(long company) {
        return jdbc.list("select authority || ' ' || coalesce(program, '-') || ' ' || coalesce(listed_on::text, '-') "
                + "from sanction where company_id = ? order by 1", List.of(company), rs -> rs.getString(1));
    }

    private List<String> aliases(long company) {
        return jdbc.list("select alias from company_alias where company_id = ? order by 1", List.of(company),
                rs -> rs.getString(1));
    }

    @Test
    void targetsSimpleCsv() {
        JsonPath report = Uploads.upload("opensanctions-csv", Uploads.example("opensanctions-targets.simple.csv"),
                Uploads.source("test-os-csv"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(report.getLong("rows.read")).isEqualTo(4);
        assertThat(report.getLong("rows.skipped")).isEqualTo(1);
        assertThat(report.getString("skipped[0].reason")).isEqualTo("schema Person is not a company");

        Long motors = companyWith("INN", "9901000010");
        assertThat(motors).isNotNull().isEqualTo(companyWith("OGRN", "1099900000012")).isEqualTo(companyWith("OPENSANCTIONS", "NK-fict-1"));
        assertThat(aliases(motors)).contains("АО «Вымышленные Моторы»", "Fictional Drone Motors");
        assertThat(sanctions(motors)).containsExactly("EU Council Regulation (EU) 269/2014 2024-02-23",
                "US_OFAC RUSSIA-EO14024 2023-05-19");

        Long twinA = companyWith("INN", "9901000027");
        Long twinB = companyWith("INN", "9901000034");
        assertThat(twinA).isNotNull().isNotEqualTo(twinB);
        assertThat(sanctions(twinA)).containsExactly("US_BIS Entity List 2023-02-24");
        assertThat(sanctions(twinB)).containsExactly("UK RUS 2023-05-19");

        // a shipment naming the twins' name fits both: reported, left unlinked, nothing merged
        String shipment = "source_ref,supplier_name,supplier_country,recipient_name,recipient_country,date,hs_code,value,currency\n"
                + "TWIN-1,Fictional Twin Test Supplier,CN,FICTIONAL TWIN HOLDINGS,RU,2023-09-01,8407,5000,USD\n";
        JsonPath loaded = Uploads.upload("shipments", shipment.getBytes(StandardCharsets.UTF_8), Uploads.source("test-os-twin"), 200);
        assertThat(loaded.getList("ambiguities")).hasSize(1);
        assertThat(loaded.getString("ambiguities[0].column")).isEqualTo("recipient_name");
        assertThat(loaded.getList("ambiguities[0].candidates.id", Long.class)).containsExactlyInAnyOrder(twinA, twinB);
        assertThat(jdbc.one("select coalesce(recipient_id::text, 'none') || ' ' || recipient_declared_name from shipment "
                + "where source_record_ref = 'TWIN-1'", List.of(), rs -> rs.getString(1))).contains("none FICTIONAL TWIN HOLDINGS");
        assertThat(jdbc.count("select count(*) from company where merged_into_id in (?, ?)", List.of(twinA, twinB))).isZero();

        // the same list again under another source: every company is matched, none added
        long companies = jdbc.count("select count(*) from company", List.of());
        JsonPath again = Uploads.upload("opensanctions-csv", Uploads.example("opensanctions-targets.simple.csv"),
                Uploads.source("test-os-csv-again"), 200);
        assertThat(again.getLong("written.companiesMatched")).isEqualTo(3);
        assertThat(jdbc.count("select count(*) from company", List.of())).isEqualTo(companies);
    }

    @Test
    void followTheMoneyJsonLines() {
        JsonPath report = Uploads.upload("opensanctions-ftm", Uploads.example("opensanctions-entities.ftm.json"),
                Uploads.source("test-os-ftm"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(report.getList("skipped.reason", String.class)).containsExactly("schema Person is not loaded");

        Long optics = companyWith("OPENSANCTIONS", "NK-fict-ftm-1");
        assertThat(optics).isNotNull().isEqualTo(companyWith("INN", "9901000041"));
        assertThat(aliases(optics)).contains("ООО «Вымышленная Оптика»");
        assertThat(sanctions(optics)).containsExactly("US_OFAC RUSSIA-EO14024 2024-02-23");

        // the sanction came before its entity in the file
        Long institute = companyWith("OPENSANCTIONS", "NK-fict-ftm-2");
        assertThat(sanctions(institute)).containsExactly("EU Regulation (EU) 269/2014 2023-06-23");

        // matched by its unified social credit code to the supplier of the shipment example (whichever came first)
        Long aero = companyWith("USCC", "91330200MA2DEMA01F");
        assertThat(aero).isEqualTo(companyWith("OPENSANCTIONS", "NK-fict-ftm-3")).isEqualTo(companyWith("LEI", "5493000FICTIONAL0165"));
        assertThat(sanctions(aero)).containsExactly("UK Russia 2024-05-09");

        Map<String, Long> after = Uploads.counts(jdbc);
        Map<String, Long> sequences = Uploads.sequences(jdbc);
        JsonPath again = Uploads.upload("opensanctions-ftm", Uploads.example("opensanctions-entities.ftm.json"),
                Uploads.source("test-os-ftm"), 200);
        assertThat(again.getString("status")).isEqualTo("ALREADY_LOADED");
        assertThat(Uploads.counts(jdbc)).isEqualTo(after);
        assertThat(Uploads.sequences(jdbc)).isEqualTo(sequences);
    }
}
