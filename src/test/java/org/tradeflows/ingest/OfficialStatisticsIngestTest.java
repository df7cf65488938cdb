package org.tradeflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Uploads;

/** UN Comtrade and CEPII BACI files become trade volumes; exchange rates load; each side of a pair stays apart. */
@QuarkusTest
class OfficialStatisticsIngestTest {

    @Inject
    Jdbc jdbc;

    private List<String> volumes(String source) {
        return jdbc.list("""
                select v.reporter || '>' || v.partner || ' ' || v.flow || ' ' || v.period_kind || ' ' || v.period_start
                       || '..' || v.period_end || ' ' || coalesce(v.product_code, '*') || ' ' || v.value || ' ' || v.currency
                       || ' ' || v.value_qualifier || ' kg=' || coalesce(v.net_weight_kg::text, '-') || ' q='
                       || coalesce(v.quantity::text || v.quantity_unit, '-')
                       || case when v.value_eur = to_eur(v.value, v.currency, v.period_kind, v.period_start) then ' eur-ok' else ' eur-WRONG' end
                from trade_volume v join source s on s.id = v.source_id where s.key = ? order by 1""",
                List.of(source), rs -> rs.getString(1));
    }

    @Test
    void comtradeRowsLandAsReportedAndTheMirrorStaysApart() {
        JsonPath report = Uploads.upload("comtrade", Uploads.example("comtrade.csv"), Uploads.source("test-comtrade"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(report.getLong("rows.read")).isEqualTo(7);
        assertThat(report.getLong("rows.loaded")).isEqualTo(4);
        assertThat(report.getLong("rows.skipped")).isEqualTo(3);
        assertThat(report.getList("skipped.reason", String.class)).containsExactlyInAnyOrder(
                "partner: 'W00' (code 0) is an aggregate, not a country",
                "flow RX (re-exports, re-imports and other flows are inside X and M)",
                "a breakdown by customs procedure");
        assertThat(volumes("test-comtrade")).containsExactly(
                "CN>RU EXPORT MONTH 2023-03-01..2023-03-31 854231 20000.00 USD EXACT kg=3.500 q=42.000u eur-ok",
                "CN>RU EXPORT YEAR 2023-01-01..2023-12-31 * 77777777.00 USD ESTIMATED kg=- q=- eur-ok",
                "CN>RU EXPORT YEAR 2023-01-01..2023-12-31 8407 1111111.00 USD EXACT kg=1234.000 q=1234.000kg eur-ok",
                "RU>CN IMPORT YEAR 2023-01-01..2023-12-31 8407 999999.00 USD EXACT kg=1300.000 q=1300.000kg eur-ok");

        Map<String, Long> after = Uploads.counts(jdbc);
        JsonPath again = Uploads.upload("comtrade", Uploads.example("comtrade.csv"), Uploads.source("test-comtrade"), 200);
        assertThat(again.getString("status")).isEqualTo("ALREADY_LOADED");
        assertThat(Uploads.counts(jdbc)).isEqualTo(after);
    }

    @Test
    void theLegacyComtradeLayoutTabSeparated() {
        String legacy = String.join("\t", "Classification", "Year", "Period", "Period Desc.", "Aggregate Level",
                "Is Leaf Code", "Trade Flow Code", "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code",
                "Partner", "Partner ISO", "Commodity Code", "Commodity", "Qty Unit", "Qty", "Netweight (kg)",
                "Trade Value (US$)", "Flag") + "\n"
                + String.join("\t", "H5", "2021", "2021", "2021", "4", "0", "2", "Export", "842", "USA", "USA", "643",
                        "Russian Federation", "RUS", "8411", "Fictional turbojets", "No Quantity", "", "150", "424242",
                        "0") + "\n"
                + String.join("\t", "H5", "2021", "2021", "2021", "4", "0", "1", "Import", "643", "Russian Federation",
                        "RUS", "0", "World", "WLD", "8411", "Fictional turbojets", "No Quantity", "", "", "1", "0") + "\n";
        JsonPath report = Uploads.upload("comtrade", legacy.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Uploads.source("test-comtrade-legacy"), 200);
        assertThat(report.getLong("rows.loaded")).isEqualTo(1);
        assertThat(report.getLong("rows.skipped")).isEqualTo(1);
        assertThat(volumes("test-comtrade-legacy")).containsExactly(
                "US>RU EXPORT YEAR 2021-01-01..2021-12-31 8411 424242.00 USD EXACT kg=150.000 q=- eur-ok");
    }

    @Test
    void aRevisedComtradeFileUpdatesOnlyWhatChanged() {
        String file = new String(Uploads.example("comtrade.csv"), java.nio.charset.StandardCharsets.UTF_8);
        Uploads.upload("comtrade", file.getBytes(java.nio.charset.StandardCharsets.UTF_8), Uploads.source("test-comtrade-rev"), 200);
        String revised = file.replace(",999999.00,,999999.00,", ",999000.00,,999000.00,");
        JsonPath report = Uploads.upload("comtrade", revised.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Uploads.source("test-comtrade-rev"), 200);
        assertThat(report.getLong("written.tradeVolumesUpdated")).isEqualTo(1);
        assertThat(report.getLong("written.tradeVolumesInserted")).isZero();
        assertThat(report.getLong("rows.unchanged")).isEqualTo(3);
        assertThat(volumes("test-comtrade-rev")).anyMatch(v -> v.startsWith("RU>CN IMPORT YEAR 2023-01-01..2023-12-31 8407 999000.00"));
    }

    @Test
    void baciRowsBecomeEstimatedExportsInUsdAndKilograms() {
        JsonPath report = Uploads.upload("baci", Uploads.example("baci.csv"), Uploads.source("test-baci"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(report.getLong("rows.loaded")).isEqualTo(3);
        assertThat(report.getList("skipped.reason", String.class))
                .containsExactly("importer: numeric code 490 is not an ISO 3166 country (an area or group)");
        assertThat(volumes("test-baci")).containsExactly(
                "CN>RU EXPORT YEAR 2022-01-01..2022-12-31 010121 2250.00 USD ESTIMATED kg=400.000 q=- eur-ok",
                "CN>RU EXPORT YEAR 2022-01-01..2022-12-31 840710 1234567.00 USD ESTIMATED kg=12500.000 q=- eur-ok",
                "US>RU EXPORT YEAR 2022-01-01..2022-12-31 854231 10500.00 USD ESTIMATED kg=- q=- eur-ok");
    }

    @Test
    void baciAndComtradeDefaultToTheirOwnSources() {
        JsonPath report = Uploads.upload("baci", "t,i,j,k,v,q\n2021,156,643,840710,1.5,NA\n".getBytes(), Map.of(), 200);
        assertThat(report.getString("source")).isEqualTo("cepii-baci");
        assertThat(jdbc.count("select count(*) from source where key = 'cepii-baci' and licence like 'Etalab%'", List.of()))
                .isEqualTo(1);
    }

    @Test
    void exchangeRatesLoadAndAreUsedForConversion() {
        JsonPath report = Uploads.upload("exchange-rates", Uploads.example("exchange-rates.csv"), Uploads.source("test-rates"), 200);
        assertThat(report.getString("status")).isIn("LOADED", "ALREADY_LOADED");
        assertThat(jdbc.list("select currency || ' ' || period_kind || ' ' || period_start || ' ' || units_per_eur "
                + "from exchange_rate where currency in ('RUB', 'KZT') and period_start >= date '2023-01-01' order by 1", List.of(), rs -> rs.getString(1)))
                .containsExactly("KZT MONTH 2023-03-01 490.12000000", "RUB YEAR 2023-01-01 92.40000000");

        String bad = "currency,period,units_per_eur\nEUR,2023,1\nXYZ,2023,2\nUSD,2023-13,1.1\nUSD,2023,-1\nUSD,2099,1.1\n";
        JsonPath refused = Uploads.upload("exchange-rates", bad.getBytes(), Uploads.source("test-rates-bad"), 422);
        assertThat(refused.getList("rejections.line", Integer.class)).containsExactly(2, 3, 4, 5, 6);
    }
}
