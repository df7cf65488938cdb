package org.tradeflows.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;
import org.tradeflows.query.FlowQuery;
import org.tradeflows.query.FlowBase;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/**
 * Rollups answer exactly as the shipments do, for every grain they serve — after the first load, after another
 * load, and after shipments are deleted or re-attributed (as a merge of companies does).
 */
@QuarkusTest
class RollupConsistencyTest {

    static final List<List<FlowDimension>> MONTH_GRAINS = List.of(List.of(), List.of(FlowDimension.SUPPLIER_COUNTRY),
            List.of(FlowDimension.RECIPIENT_COUNTRY), List.of(FlowDimension.SECTION), List.of(FlowDimension.HS2),
            List.of(FlowDimension.HS4), List.of(FlowDimension.HS6), List.of(FlowDimension.YEAR), List.of(FlowDimension.QUARTER),
            List.of(FlowDimension.MONTH), List.of(FlowDimension.SOURCE), List.of(FlowDimension.CHPL_TIER),
            List.of(FlowDimension.SUPPLIER_COUNTRY, FlowDimension.RECIPIENT_COUNTRY, FlowDimension.HS4, FlowDimension.YEAR),
            List.of(FlowDimension.SUPPLIER_COUNTRY, FlowDimension.RECIPIENT_COUNTRY, FlowDimension.HS2, FlowDimension.MONTH));
    static final List<List<FlowDimension>> COMPANY_GRAINS = List.of(List.of(FlowDimension.SUPPLIER),
            List.of(FlowDimension.SUPPLIER, FlowDimension.YEAR), List.of(FlowDimension.RECIPIENT, FlowDimension.YEAR),
            List.of(FlowDimension.RECIPIENT, FlowDimension.SOURCE));

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;
    @Inject
    FlowStore flows;

    private ShipmentScope scope(String... sources) {
        List<Long> ids = java.util.Arrays.stream(sources).map(k -> jdbc.one("select id from source where key = ?", List.of(k),
                rs -> rs.getLong(1)).orElseThrow()).toList();
        return new ShipmentScope(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                null, List.of(), null, List.of(), List.of(), ids, null, true);
    }

    private static String text(FlowStore.Row r) {
        var g = r.group();
        var m = g.measures();
        return String.join("|", String.valueOf(r.partitionKey()), String.valueOf(g.year()), String.valueOf(g.quarter()),
                String.valueOf(g.month()), String.valueOf(g.chplTier()), String.valueOf(g.supplierId()),
                String.valueOf(g.recipientId()), String.valueOf(g.supplierCountryCode()), String.valueOf(g.recipientCountryCode()),
                String.valueOf(g.sectionCode()), String.valueOf(g.hs2Code()), String.valueOf(g.hs4Code()),
                String.valueOf(g.hs6Code()), String.valueOf(g.sourceId()),
                m.valueEur() == null ? "-" : m.valueEur().stripTrailingZeros().toPlainString(),
                m.valueUsd() == null ? "-" : m.valueUsd().stripTrailingZeros().toPlainString(),
                String.valueOf(m.shipmentCount()), String.valueOf(m.shipmentsWithoutEur()),
                m.netWeightKg() == null ? "-" : m.netWeightKg().stripTrailingZeros().toPlainString(),
                String.valueOf(m.firstDate()), String.valueOf(m.lastDate()), String.valueOf(m.valueQualifier()),
                m.shareOfTotal() == null ? "-" : m.shareOfTotal().stripTrailingZeros().toPlainString());
    }

    /** The store chosen is one of the expected rollups, and it, and every other rollup named, answer as the shipments. */
    private void assertSame(FlowQuery q, FlowBase... rollups) {
        assertThat(FlowBase.choose(q, false, true)).as("store chosen for %s", q.groupBy()).isIn((Object[]) rollups);
        List<String> fromShipments = flows.groups(q, FlowBase.SHIPMENTS).stream().map(RollupConsistencyTest::text).toList();
        for (FlowBase rollup : rollups) {
            List<String> fromRollup = flows.groups(q, rollup).stream().map(RollupConsistencyTest::text).toList();
            assertThat(fromRollup).as("%s from %s", q.groupBy(), rollup).isEqualTo(fromShipments);
        }
        assertThat(fromShipments).isNotEmpty();
    }

    static final java.util.Set<FlowDimension> YEAR_GRAIN = java.util.EnumSet.of(FlowDimension.SUPPLIER_COUNTRY,
            FlowDimension.RECIPIENT_COUNTRY, FlowDimension.SECTION, FlowDimension.HS2, FlowDimension.HS4, FlowDimension.YEAR,
            FlowDimension.SOURCE);

    private FlowQuery query(List<FlowDimension> dims, ShipmentScope scope, FlowQuery.Partition partition) {
        return new FlowQuery(dims, scope, List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), 100_000, null,
                partition, false);
    }

    private void assertEveryGrain(String... sources) {
        ShipmentScope scope = scope(sources);
        for (List<FlowDimension> dims : MONTH_GRAINS) {
            if (YEAR_GRAIN.containsAll(dims)) {
                assertSame(query(dims, scope, null), FlowBase.FLOW_ROLLUP_YEAR, FlowBase.FLOW_ROLLUP_MONTH);
            } else {
                assertSame(query(dims, scope, null), FlowBase.FLOW_ROLLUP_MONTH);
            }
        }
        ShipmentScope years = scope.withPeriod(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31))
                .withCountries(List.of("CN", "TR"), List.of("RU", "BY")).withHs(List.of("84", "8542"), List.of("XVI"));
        assertSame(query(List.of(FlowDimension.SUPPLIER_COUNTRY, FlowDimension.HS4, FlowDimension.YEAR), years, null),
                FlowBase.FLOW_ROLLUP_YEAR, FlowBase.FLOW_ROLLUP_MONTH);
        assertSame(query(List.of(FlowDimension.HS4), scope,
                new FlowQuery.Partition(FlowQuery.PartitionKind.PRODUCT, List.of("84", "85"))),
                FlowBase.FLOW_ROLLUP_YEAR, FlowBase.FLOW_ROLLUP_MONTH);
        ShipmentScope filtered = scope.withPeriod(LocalDate.of(2022, 2, 1), LocalDate.of(2023, 11, 30))
                .withCountries(List.of("CN", "HK"), List.of("RU")).withHs(List.of("84", "8542", "9013"), List.of("XI"));
        assertSame(query(List.of(FlowDimension.HS6, FlowDimension.MONTH), filtered, null), FlowBase.FLOW_ROLLUP_MONTH);
        assertSame(query(List.of(FlowDimension.MONTH), scope,
                new FlowQuery.Partition(FlowQuery.PartitionKind.PRODUCT, List.of("84", "XVI", "854231"))), FlowBase.FLOW_ROLLUP_MONTH);
        for (List<FlowDimension> dims : COMPANY_GRAINS) {
            assertSame(query(dims, scope, null), FlowBase.COMPANY_ROLLUP_YEAR);
        }
        List<Long> companies = jdbc.list("select id from company where key like 'syn-rollup-%' order by id limit 12", List.of(),
                rs -> rs.getLong(1));
        assertSame(query(List.of(FlowDimension.YEAR), scope.withPeriod(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31)),
                new FlowQuery.Partition(FlowQuery.PartitionKind.COMPANY, companies)), FlowBase.COMPANY_ROLLUP_YEAR);
    }

    @Test
    void rollupsEqualShipmentsAfterLoadsDeletesAndUpdates() {
        SyntheticData.load(dataSource, "rollup-a", 21, 40, 3000);
        assertEveryGrain("synthetic-rollup-a");

        SyntheticData.load(dataSource, "rollup-b", 22, 40, 2000);
        assertEveryGrain("synthetic-rollup-a", "synthetic-rollup-b");

        jdbc.update("""
                delete from shipment where id in (select s.id from shipment s join source x on x.id = s.source_id
                                                   where x.key = 'synthetic-rollup-a' and s.id % 7 = 0)""", List.of());
        long survivor = jdbc.one("select id from company where key = 'syn-rollup-a-0'", List.of(), rs -> rs.getLong(1)).orElseThrow();
        jdbc.update("""
                update shipment set supplier_id = ? where supplier_id in (select id from company where key in
                  ('syn-rollup-a-2', 'syn-rollup-a-4')) and source_id = (select id from source where key = 'synthetic-rollup-a')""",
                List.of(survivor));
        jdbc.update("update shipment set recipient_country = 'KZ', hs_code = '8542310000', product_code = '854231' "
                + "where source_id = (select id from source where key = 'synthetic-rollup-b') and id % 11 = 0", List.of());
        // one heading loses every EUR and USD value: its groups must read null from the rollups, never 0
        jdbc.update("""
                update shipment set value_eur = null, value_usd = null
                 where source_id in (select id from source where key in ('synthetic-rollup-a', 'synthetic-rollup-b'))
                   and left(hs_code, 4) = (select left(s.hs_code, 4) from shipment s join source x on x.id = s.source_id
                                            where x.key = 'synthetic-rollup-a' order by s.id limit 1)""", List.of());
        assertEveryGrain("synthetic-rollup-a", "synthetic-rollup-b");
    }

    @Test
    void theApiSaysWhereItReadAndGoesToShipmentsForWhatRollupsCannotAnswer() {
        SyntheticData.load(dataSource, "rollup-a", 21, 40, 3000);
        String f = "{sources: [\"synthetic-rollup-a\"], includeSynthetic: true}";
        // where a rollup answers exactly, the store reads it or the shipments, whichever PostgreSQL estimates cheaper
        // (CheaperReadsTest checks the choice against the estimates)
        assertThat(GraphQL.data("{ flows(groupBy: [SUPPLIER_COUNTRY, HS4, YEAR], filter: " + f + ") { servedFrom } }")
                .getString("data.flows.servedFrom")).isIn("FLOW_ROLLUP_YEAR", "SHIPMENTS");
        assertThat(GraphQL.data("{ flows(groupBy: [HS6, MONTH], filter: " + f + ") { servedFrom } }")
                .getString("data.flows.servedFrom")).isIn("FLOW_ROLLUP_MONTH", "SHIPMENTS");
        assertThat(GraphQL.data("{ flows(groupBy: [HS4], filter: " + f + ") { servedFrom edges { node { distinctSuppliers } } } }")
                .getString("data.flows.servedFrom")).isEqualTo("SHIPMENTS");
        String sanctioned = f.replace("}", ", recipientSanctioned: true}");
        assertThat(GraphQL.data("{ flows(groupBy: [HS4], filter: " + sanctioned + ") { servedFrom } }")
                .getString("data.flows.servedFrom")).isEqualTo("SHIPMENTS");
        assertThat(GraphQL.data("{ flows(groupBy: [SUPPLIER, YEAR], filter: " + f + ") { servedFrom } }")
                .getString("data.flows.servedFrom")).isIn("COMPANY_ROLLUP_YEAR", "SHIPMENTS");
        Map<String, Long> perSource = jdbc.list("select source_id, sum(shipments) from flow_rollup_month group by 1", List.of(),
                rs -> Map.entry(String.valueOf(rs.getLong(1)), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> perSourceYear = jdbc.list("select source_id, sum(shipments) from flow_rollup_year group by 1", List.of(),
                rs -> Map.entry(String.valueOf(rs.getLong(1)), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> base = jdbc.list("select source_id, count(*) from shipment group by 1", List.of(),
                rs -> Map.entry(String.valueOf(rs.getLong(1)), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(perSource).isEqualTo(base);
        assertThat(perSourceYear).isEqualTo(base);
    }
}
