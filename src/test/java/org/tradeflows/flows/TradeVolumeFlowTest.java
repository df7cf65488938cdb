package org.tradeflows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;

/** Official figures aggregate at any grain, but mirror sides, flows, sources and all-goods totals never add up. */
@QuarkusTest
class TradeVolumeFlowTest {

    @Inject
    Jdbc jdbc;

    /** Product-level figures of a pair no other test uses (DE/FR), both sides, from a test source. */
    @BeforeEach
    void figures() {
        jdbc.update("""
                insert into source (key, kind, title, citation) values ('test-volumes', 'SYNTHETIC', 'Test figures', 'Test figures')
                on conflict (key) do nothing""", List.of());
        // a release of its own: the open dataset's releases hold only what they loaded (OpenDatasetLoadTest reloads one)
        jdbc.update("""
                insert into data_release (key, version, kind, synthetic, content_sha256, changelog, source_id)
                select 'test-volumes', '1', 'INGEST', false, repeat('5', 64), 'TradeVolumeFlowTest', id
                  from source where key = 'test-volumes'
                on conflict (key) do nothing""", List.of());
        jdbc.update("""
                insert into trade_volume (release_id, source_id, reporter, partner, flow, period_kind, period_start, period_end,
                                          product_code, value, currency, value_eur, value_usd, value_qualifier)
                select (select id from data_release where key = 'test-volumes'), (select id from source where key = 'test-volumes'), r, p, f, 'YEAR',
                       make_date(y, 1, 1), make_date(y, 12, 31), code, v, 'EUR', v, to_usd(v, 'EUR', make_date(y, 1, 1)), q
                  from (values ('DE', 'FR', 'EXPORT', 2023, '840710', 100.00, 'EXACT'),
                               ('DE', 'FR', 'EXPORT', 2023, '840790', 50.00, 'EXACT'),
                               ('DE', 'FR', 'EXPORT', 2023, '854231', 30.00, 'AT_LEAST'),
                               ('DE', 'FR', 'EXPORT', 2024, '840710', 70.00, 'EXACT'),
                               ('FR', 'DE', 'IMPORT', 2023, '840710', 95.00, 'EXACT'),
                               ('DE', 'FR', 'IMPORT', 2023, '840710', 12.00, 'EXACT')) x(r, p, f, y, code, v, q)
                on conflict do nothing""", List.of());
    }

    @Test
    void productFiguresRollUpButSidesAndFlowsStayApart() {
        JsonPath r = GraphQL.data("""
                { tradeVolumeFlows(groupBy: [HS4, YEAR], filter: {reporters: ["DE", "FR"], partners: ["DE", "FR"], source: "test-volumes"},
                                   orderBy: [{field: REPORTER}, {field: FLOW}, {field: YEAR}, {field: HS4}]) {
                    totalCount edges { node { reporter { code } flow year hs4 { code } valueEur figureCount valueQualifier allGoods } } } }""");
        List<Map<String, Object>> rows = r.getList("data.tradeVolumeFlows.edges.node");
        List<String> keys = rows.stream().map(n -> ((Map<?, ?>) n.get("reporter")).get("code") + " " + n.get("flow") + " "
                + n.get("year") + " " + ((Map<?, ?>) n.get("hs4")).get("code") + " " + new BigDecimal(String.valueOf(n.get("valueEur"))).stripTrailingZeros().toPlainString()
                + " " + n.get("valueQualifier")).toList();
        assertThat(keys).containsExactly(
                "DE EXPORT 2023 8407 150 EXACT",
                "DE EXPORT 2023 8542 30 AT_LEAST",
                "DE EXPORT 2024 8407 70 EXACT",
                "DE IMPORT 2023 8407 12 EXACT",
                "FR IMPORT 2023 8407 95 EXACT");
        assertThat(r.getInt("data.tradeVolumeFlows.totalCount")).isEqualTo(5);
    }

    @Test
    void theOpenDatasetsTotalsAreComparedNeverAdded() {
        JsonPath r = GraphQL.data("""
                { tradeVolumeFlows(groupBy: [YEAR], filter: {reporters: ["CN"], partners: ["RU"], allGoods: true, yearFrom: 2024, yearTo: 2024}) {
                    totalCount edges { node { flow figureCount value { amount currency text } valueUsd source { key } } } } }""");
        long expectedGroups = jdbc.count("""
                select count(distinct (flow, source_id)) from trade_volume
                 where reporter = 'CN' and partner = 'RU' and product_code is null and extract(year from period_start) = 2024""", List.of());
        assertThat(r.getLong("data.tradeVolumeFlows.totalCount")).isEqualTo(expectedGroups);
        assertThat(r.getList("data.tradeVolumeFlows.edges.node.figureCount", Integer.class)).containsOnly(1);
        assertThat(r.getList("data.tradeVolumeFlows.edges.node.source.key", String.class)).contains("seed-article");
    }

    @Test
    void anOrderByAnUngroupedDimensionIsRefused() {
        JsonPath r = GraphQL.post("{ tradeVolumeFlows(orderBy: [{field: HS6}]) { totalCount } }");
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
    }
}
