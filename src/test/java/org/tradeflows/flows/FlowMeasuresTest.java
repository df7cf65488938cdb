package org.tradeflows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.GraphQL;

/**
 * Every measure of a flow group against plain SQL, through the API, on both stores: the rollups (no distinct
 * counts asked) and the shipments (distinct counts force them). Some shipments carry no EUR or USD value and no
 * weight, and one group has no EUR value at all: its value must be null, never 0.
 */
@QuarkusTest
class FlowMeasuresTest {

    private static final String SOURCE = "test-flow-measures";
    private static final String ROLLUP_FIELDS = "hs4 { code } year valueEur valueUsd shipmentCount shipmentsWithoutEur "
            + "netWeightKg firstDate lastDate valueQualifier";
    private static final String QUERY = "query($f: FlowFilter) { flows(groupBy: [HS4, YEAR], filter: $f, first: 100) { servedFrom "
            + "edges { node { %s } } } }";

    @Inject
    AgroalDataSource ds;

    private Fixtures db;
    private long source;

    /** Shipments of the test's own source, made once per database (the key is fixed; the rows never change). */
    @BeforeEach
    void shipments() {
        db = new Fixtures(ds);
        List<Long> existing = db.sql("select id from source where key = ?", SOURCE);
        if (!existing.isEmpty()) {
            source = existing.get(0);
            return;
        }
        source = db.sql("insert into source (key, title, kind, citation) values (?, 'Flow measures test (fictional data)', 'CUSTOMS_RECORDS', 'Flow measures test') returning id",
                SOURCE).get(0);
        long release = db.sql("select max(id) from data_release where kind = 'STORY'").get(0);
        long a = db.company("Flowmeasures Supplier A", "CN");
        long b = db.company("Flowmeasures Supplier B", "CN");
        long r1 = db.company("Flowmeasures Recipient One", "RU");
        long r2 = db.company("Flowmeasures Recipient Two", "RU");
        String insert = """
                insert into shipment (release_id, source_id, source_record_ref, supplier_id, recipient_id, supplier_country,
                    recipient_country, period_start, period_end, hs_code, product_code, value, currency, value_eur, value_usd,
                    net_weight_kg, value_qualifier)
                values (?, ?, ?, ?, ?, 'CN', 'RU', ?::date, ?::date, ?, left(?, 6), ?, 'CNY', ?, ?, ?, ?) returning id""";
        Object[][] rows = {
            // hs, from, to, supplier, recipient, value, eur, usd, weight, qualifier
            {"84071000", "2022-03-04", "2022-03-04", a, r1, "1000.00", "130.50", "140.25", "12.5", "EXACT"},
            {"84071000", "2022-07-09", "2022-07-09", b, r1, "2000.00", null, "281.00", null, "AT_LEAST"},
            {"84072100", "2022-11-30", "2022-11-30", a, r2, "3000.00", "390.75", null, "30.0", "ESTIMATED"},
            {"84071000", "2023-01-15", "2023-03-31", b, r2, "4000.00", "520.00", "560.10", "40.25", "EXACT"},
            {"85423100", "2023-05-05", "2023-05-05", a, r1, "500.00", null, null, null, "EXACT"},
            {"85423100", "2023-06-06", "2023-06-06", b, r1, "600.00", null, "84.00", "1.5", "APPROXIMATE"},
            {"85423100", "2022-02-02", "2022-02-02", a, r2, "700.00", "91.00", "98.00", "2.0", "MORE_THAN"},
            // in the CHPL's Tier 2 only, and in no topic: a tier filter that ignored the tier would keep it
            {"85176200", "2023-08-08", "2023-08-08", b, r2, "800.00", "104.00", "112.00", "3.0", "EXACT"},
        };
        for (int i = 0; i < rows.length; i++) {
            Object[] r = rows[i];
            db.sql(insert, release, source, "flow-measures-" + i, r[3], r[4], r[1], r[2], r[0], r[0], new BigDecimal((String) r[5]),
                    r[6] == null ? null : new BigDecimal((String) r[6]), r[7] == null ? null : new BigDecimal((String) r[7]),
                    r[8] == null ? null : new BigDecimal((String) r[8]), r[9]);
        }
    }

    /** Plain SQL per HS4 and year: sums stay null where no shipment has a value. */
    private Map<String, Map<String, Object>> expected() {
        return expected("true");
    }

    /** The same, of the shipments that also meet {@code where} (plain SQL over shipment {@code s}). */
    private Map<String, Map<String, Object>> expected(String where) {
        String sql = """
                select string_agg(concat(g, '|', eur, '|', usd, '|', n, '|', without, '|', kg, '|', first, '|', last, '|', sup,
                                         '|', rec, '|', q), E'\\n' order by g)
                from (select left(hs_code, 4) || '/' || extract(year from period_start)::int as g,
                             sum(value_eur)::text as eur, sum(value_usd)::text as usd, count(*)::text as n,
                             count(*) filter (where value_eur is null)::text as without, sum(net_weight_kg)::text as kg,
                             min(period_start)::text as first, max(period_end)::text as last,
                             count(distinct supplier_id)::text as sup, count(distinct recipient_id)::text as rec,
                             case when bool_or(value_qualifier = 'MORE_THAN') then 'MORE_THAN'
                                  when bool_or(value_qualifier = 'AT_LEAST') then 'AT_LEAST'
                                  when bool_or(value_qualifier = 'ESTIMATED') then 'ESTIMATED'
                                  when bool_or(value_qualifier = 'APPROXIMATE') then 'APPROXIMATE' else 'EXACT' end as q
                      from shipment s where source_id = ? and (%s) group by 1) t""".formatted(where);
        String[] names = {"valueEur", "valueUsd", "shipmentCount", "shipmentsWithoutEur", "netWeightKg", "firstDate", "lastDate",
            "distinctSuppliers", "distinctRecipients", "valueQualifier"};
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String line : db.text(sql, source).split("\n")) {
            String[] v = line.split("\\|", -1);
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                m.put(names[i], v[i + 1].isEmpty() ? null : v[i + 1]);
            }
            out.put(v[0], m);
        }
        return out;
    }

    private static String number(Object o) {
        return o == null ? null : new BigDecimal(o.toString()).stripTrailingZeros().toPlainString();
    }

    private Map<String, Map<String, Object>> answered(String fields, boolean expectShipments) {
        return answered(fields, expectShipments, Map.of());
    }

    private Map<String, Map<String, Object>> answered(String fields, boolean expectShipments, Map<String, Object> more) {
        Map<String, Object> filter = new LinkedHashMap<>(more);
        filter.put("sources", List.of(SOURCE));
        JsonPath r = GraphQL.data(QUERY.formatted(fields), Map.of("f", filter));
        if (expectShipments) {
            assertThat(r.getString("data.flows.servedFrom")).as("store of %s", filter).isEqualTo("SHIPMENTS");
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> node : r.<Map<String, Object>>getList("data.flows.edges.node")) {
            @SuppressWarnings("unchecked")
            String hs4 = (String) ((Map<String, Object>) node.get("hs4")).get("code");
            Map<String, Object> m = new LinkedHashMap<>(node);
            m.remove("hs4");
            m.remove("year");
            out.put(hs4 + "/" + node.get("year"), m);
        }
        return out;
    }

    private static void assertSameMeasures(Map<String, Map<String, Object>> api, Map<String, Map<String, Object>> sql, String store) {
        assertThat(api.keySet()).as("groups from %s", store).containsExactlyInAnyOrderElementsOf(sql.keySet());
        for (var e : sql.entrySet()) {
            Map<String, Object> got = api.get(e.getKey());
            for (var m : e.getValue().entrySet()) {
                if (!got.containsKey(m.getKey())) {
                    continue;
                }
                Object want = m.getValue();
                Object have = got.get(m.getKey());
                boolean numeric = !List.of("firstDate", "lastDate", "valueQualifier").contains(m.getKey());
                assertThat(numeric ? number(have) : have).as("%s of %s from %s", m.getKey(), e.getKey(), store)
                        .isEqualTo(numeric ? number(want) : want);
            }
        }
    }

    @Test
    void everyMeasureMatchesPlainSqlOnTheRollupsAndOnTheShipments() {
        Map<String, Map<String, Object>> sql = expected();
        assertThat(sql.get("8542/2023").get("valueEur")).as("a group without any EUR value").isNull();
        assertSameMeasures(answered(ROLLUP_FIELDS, false), sql, "the store it chose");
        assertSameMeasures(answered(ROLLUP_FIELDS + " distinctSuppliers distinctRecipients", true), sql, "the shipments");
    }

    /**
     * The story's fact box filters by topic, the explorer by CHPL tier: without distinct counts the monthly rollup is
     * eligible (FlowCosts picks the shipments when the planner finds them cheaper, as it does for these few rows), with
     * them the shipments; each keeps exactly the shipments plain SQL keeps (84072100 is in neither, 840710 only in the
     * topic, 854231 in both, 851762 in Tier 2 only).
     */
    @Test
    void topicAndChplTierFiltersKeepWhatPlainSqlKeepsOnTheRollupsAndOnTheShipments() {
        Map<String, Map<String, Object>> all = expected();
        record Case(Map<String, Object> filter, String where) {
        }
        for (Case c : List.of(
                new Case(Map.of("topic", "drone-components"), """
                        exists (select 1 from topic_product tp join topic t on t.id = tp.topic_id
                                 where t.key = 'drone-components' and starts_with(s.hs_code, tp.product_code))"""),
                new Case(Map.of("chplTiers", List.of("TIER_1")), "left(s.hs_code, 6) in (select hs6 from chpl_entry where tier = 'TIER_1')"))) {
            Map<String, Map<String, Object>> sql = expected(c.where());
            long kept = sql.values().stream().mapToLong(m -> Long.parseLong(m.get("shipmentCount").toString())).sum();
            assertThat(kept).as("shipments kept by %s", c.filter()).isPositive()
                    .isLessThan(all.values().stream().mapToLong(m -> Long.parseLong(m.get("shipmentCount").toString())).sum());
            assertSameMeasures(answered(ROLLUP_FIELDS, false, c.filter()), sql, "the store it chose, " + c.filter());
            assertSameMeasures(answered(ROLLUP_FIELDS + " distinctSuppliers distinctRecipients", true, c.filter()), sql,
                    "the shipments, " + c.filter());
        }
    }

    @Test
    void sharesAreOfTheEurTotalOfAllGroupsNotOfCountsOrOfThePage() {
        Map<String, Map<String, Object>> sql = expected();
        BigDecimal total = sql.values().stream().map(m -> m.get("valueEur")).filter(v -> v != null).map(v -> new BigDecimal(v.toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        for (String fields : List.of("hs4 { code } year shareOfTotal", "hs4 { code } year shareOfTotal distinctSuppliers")) {
            // a page of two: shares still of all groups
            JsonPath r = GraphQL.data("query($f: FlowFilter) { flows(groupBy: [HS4, YEAR], filter: $f, first: 2, orderBy: "
                    + "[{field: VALUE_EUR, direction: DESC}]) { edges { node { " + fields + " } } } }",
                    Map.of("f", Map.of("sources", List.of(SOURCE))));
            List<Map<String, Object>> nodes = r.getList("data.flows.edges.node");
            assertThat(nodes).hasSize(2);
            for (Map<String, Object> node : nodes) {
                @SuppressWarnings("unchecked")
                String key = ((Map<String, Object>) node.get("hs4")).get("code") + "/" + node.get("year");
                BigDecimal eur = new BigDecimal(sql.get(key).get("valueEur").toString());
                assertThat(new BigDecimal(node.get("shareOfTotal").toString()).setScale(6, RoundingMode.HALF_EVEN))
                        .as("share of %s (%s)", key, fields).isEqualByComparingTo(eur.divide(total, 6, RoundingMode.HALF_EVEN));
            }
        }
    }
}
