package org.tradeflows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/** Coverage: documented company-level value beside each official total for the same pair, years and product. */
@QuarkusTest
class CoverageTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "coverage", 99, 30, 1500);
        jdbc.update("""
                insert into source (key, kind, title, citation) values ('test-coverage', 'SYNTHETIC', 'Test totals', 'Test totals')
                on conflict (key) do nothing""", List.of());
        // a release of its own: the open dataset's releases hold only what they loaded (OpenDatasetLoadTest deletes and
        // reloads the reference release, which rows of other tests under it would block)
        jdbc.update("""
                insert into data_release (key, version, kind, synthetic, content_sha256, changelog, source_id)
                select 'test-coverage', '1', 'INGEST', false, repeat('6', 64), 'CoverageTest', id
                  from source where key = 'test-coverage'
                on conflict (key) do nothing""", List.of());
        jdbc.update("""
                insert into trade_volume (release_id, source_id, reporter, partner, flow, period_kind, period_start, period_end,
                                          product_code, value, currency, value_eur, value_usd, value_qualifier)
                select (select id from data_release where key = 'test-coverage'), (select id from source where key = 'test-coverage'), r, p, f, 'YEAR',
                       date '2023-01-01', date '2023-12-31', '84', v, 'EUR', v, to_usd(v, 'EUR', date '2023-01-01'), 'EXACT'
                  from (values ('CN', 'RU', 'EXPORT', 900000000.00), ('RU', 'CN', 'IMPORT', 1200000000.00)) x(r, p, f, v)
                on conflict do nothing""", List.of());
    }

    @Test
    void documentedFlowsStandBesideBothMirrorTotals() {
        JsonPath r = GraphQL.data("""
                { coverage(exporter: "CN", importer: "RU", yearFrom: 2023, yearTo: 2023, hsCode: "84", includeSynthetic: true) {
                    exporter { code } importer { code } product { code } period { label }
                    documented { valueEur shipmentCount }
                    official { documentedShare figures { reporter { code } flow valueEur source { key } } } } }""");
        BigDecimal documented = jdbc.one("""
                select coalesce(sum(value_eur), 0) from shipment where supplier_country = 'CN' and recipient_country = 'RU'
                   and hs_code like '84%' and period_start between date '2023-01-01' and date '2023-12-31'""",
                List.of(), rs -> rs.getBigDecimal(1)).orElseThrow();
        assertThat(documented.signum()).isPositive();
        assertThat(new BigDecimal(r.getString("data.coverage.documented.valueEur"))).isEqualByComparingTo(documented);
        assertThat(r.getString("data.coverage.period.label")).isEqualTo("2023");
        // this class's own official totals (other classes may load figures for the same pair and year)
        List<Map<String, Object>> official = r.getList("data.coverage.official");
        List<Map<String, Object>> ours = official.stream()
                .filter(o -> "test-coverage".equals(((Map<?, ?>) figure(o).get("source")).get("key"))).toList();
        List<String> reporters = ours.stream()
                .map(o -> String.valueOf(((Map<?, ?>) figure(o).get("reporter")).get("code"))).toList();
        assertThat(reporters).containsExactly("CN", "RU");
        assertThat(new BigDecimal(String.valueOf(ours.get(0).get("documentedShare"))))
                .isEqualByComparingTo(documented.divide(new BigDecimal("900000000"), 8, RoundingMode.HALF_UP));
        assertThat(new BigDecimal(String.valueOf(ours.get(1).get("documentedShare"))))
                .isEqualByComparingTo(documented.divide(new BigDecimal("1200000000"), 8, RoundingMode.HALF_UP));
    }

    /** The official total an entry of coverage stands beside. */
    private static Map<?, ?> figure(Map<String, Object> official) {
        return (Map<?, ?>) official.get("figures");
    }

    @Test
    void theOpenDatasetNamesNoneOfChinasExportsToRussia() {
        JsonPath r = GraphQL.data("""
                { coverage(exporter: "CN", importer: "RU", yearFrom: 2024, yearTo: 2024) {
                    documented { shipmentCount valueEur } official { documentedShare figures { flow allGoods valueUsd source { key } } } } }""");
        assertThat(r.getLong("data.coverage.documented.shipmentCount")).isZero();
        assertThat(r.getList("data.coverage.official.figures.source.key", String.class)).contains("gac-2024-bne-eu");
        assertThat(r.getList("data.coverage.official.figures.flow", String.class)).containsOnly("EXPORT");
    }

    @Test
    void badArgumentsNameTheField() {
        JsonPath r = GraphQL.post("{ coverage(exporter: \"XX\", importer: \"RU\", yearFrom: 2023, yearTo: 2022) { period { label } } }");
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(r.getString("errors[0].message")).startsWith("exporter");
    }
}
