package org.tradeflows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tradeflows.api.Page;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/**
 * flows over generated shipments, checked against the same figures computed independently with plain SQL here:
 * every dimension alone, several combinations, filters, ordering and paging.
 */
@QuarkusTest
class FlowAggregationTest {

    static final String SOURCE = "synthetic-flow-aggregation";

    /** Each dimension's key, written again here (not taken from the service) so that the check is independent. */
    static final Map<String, String> KEY_SQL = Map.ofEntries(
            Map.entry("SUPPLIER", "s.supplier_id::text"),
            Map.entry("RECIPIENT", "s.recipient_id::text"),
            Map.entry("SUPPLIER_COUNTRY", "s.supplier_country"),
            Map.entry("RECIPIENT_COUNTRY", "s.recipient_country"),
            Map.entry("SECTION", "(select section_code from product_category where code = left(s.hs_code, 2))"),
            Map.entry("HS2", "left(s.hs_code, 2)"),
            Map.entry("HS4", "case when length(s.hs_code) >= 4 then left(s.hs_code, 4) end"),
            Map.entry("HS6", "case when length(s.hs_code) >= 6 then left(s.hs_code, 6) end"),
            Map.entry("YEAR", "to_char(s.period_start, 'YYYY')"),
            Map.entry("QUARTER", "to_char(s.period_start, 'YYYY-\"Q\"Q')"),
            Map.entry("MONTH", "to_char(s.period_start, 'YYYY-MM')"),
            Map.entry("SOURCE", "(select key from source where id = s.source_id)"),
            Map.entry("CHPL_TIER", "(select tier from chpl_entry where hs6 = left(s.hs_code, 6) and length(s.hs_code) >= 6)"),
            Map.entry("RECIPIENT_SANCTIONED", """
                    (exists (select 1 from sanction x where x.company_id = s.recipient_id and x.confirmed
                     and x.listed_on <= s.period_start and (x.ended_on is null or x.ended_on > s.period_start)))::text"""));

    /** The same key read from the API's group, as text. */
    static final Map<String, String> KEY_FIELD = Map.ofEntries(
            Map.entry("SUPPLIER", "supplier { id }"), Map.entry("RECIPIENT", "recipient { id }"),
            Map.entry("SUPPLIER_COUNTRY", "supplierCountry { code }"), Map.entry("RECIPIENT_COUNTRY", "recipientCountry { code }"),
            Map.entry("SECTION", "section { code }"), Map.entry("HS2", "hs2 { code }"), Map.entry("HS4", "hs4 { code }"),
            Map.entry("HS6", "hs6 { code }"), Map.entry("YEAR", "year"), Map.entry("QUARTER", "quarter"), Map.entry("MONTH", "month"),
            Map.entry("SOURCE", "source { key }"), Map.entry("CHPL_TIER", "chplTier"),
            Map.entry("RECIPIENT_SANCTIONED", "recipientSanctioned"));

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "flow-aggregation", 42, 60, 4000);
    }

    /** Expected groups by independent SQL: key text -> [value_eur, count, distinct suppliers]. */
    private Map<List<String>, List<Object>> expected(List<String> dims, String extraWhere, List<Object> params) {
        String keys = String.join(", ", dims.stream().map(KEY_SQL::get).toList());
        String sql = "select " + (keys.isEmpty() ? "" : keys + ", ")
                + "sum(s.value_eur) as eur, count(*) as n, count(distinct s.supplier_id) as suppliers "
                + "from shipment s join source src on src.id = s.source_id where src.key = ? " + extraWhere
                + (keys.isEmpty() ? "" : " group by " + keys);
        List<Object> all = new ArrayList<>();
        all.add(SOURCE);
        all.addAll(params);
        Map<List<String>, List<Object>> out = new HashMap<>();
        jdbc.list(sql, all, rs -> {
            List<String> key = new ArrayList<>();
            for (int i = 1; i <= dims.size(); i++) {
                key.add(rs.getString(i));
            }
            out.put(key, List.of(rs.getBigDecimal("eur") == null ? BigDecimal.ZERO : rs.getBigDecimal("eur"),
                    rs.getLong("n"), rs.getLong("suppliers")));
            return null;
        });
        return out;
    }

    private static String keyText(Map<String, Object> node, String dim) {
        Object v = switch (dim) {
            case "SUPPLIER" -> node.get("supplier") == null ? null : dbId(((Map<?, ?>) node.get("supplier")).get("id"));
            case "RECIPIENT" -> node.get("recipient") == null ? null : dbId(((Map<?, ?>) node.get("recipient")).get("id"));
            case "SUPPLIER_COUNTRY" -> code(node.get("supplierCountry"));
            case "RECIPIENT_COUNTRY" -> code(node.get("recipientCountry"));
            case "SECTION" -> code(node.get("section"));
            case "HS2" -> code(node.get("hs2"));
            case "HS4" -> code(node.get("hs4"));
            case "HS6" -> code(node.get("hs6"));
            case "SOURCE" -> node.get("source") == null ? null : ((Map<?, ?>) node.get("source")).get("key");
            case "YEAR" -> node.get("year");
            case "QUARTER" -> node.get("quarter");
            case "MONTH" -> node.get("month");
            case "CHPL_TIER" -> node.get("chplTier") == null ? null
                    : "TIER_" + String.valueOf(node.get("chplTier")).replace("TIER_", "");
            case "RECIPIENT_SANCTIONED" -> node.get("recipientSanctioned");
            default -> throw new IllegalArgumentException(dim);
        };
        return v == null ? null : String.valueOf(v);
    }

    private static String dbId(Object globalId) {
        return GlobalId.parse(String.valueOf(globalId)).key();
    }

    private static Object code(Object o) {
        return o == null ? null : ((Map<?, ?>) o).get("code");
    }

    /** All groups through the API, page by page. */
    private List<Map<String, Object>> allGroups(List<String> dims, String filterExtra, String orderBy, int pageSize) {
        String fields = String.join(" ", dims.stream().map(KEY_FIELD::get).toList());
        String query = "query($after: String) { flows(groupBy: [" + String.join(", ", dims) + "], "
                + "filter: {sources: [\"" + SOURCE + "\"], includeSynthetic: true" + filterExtra + "}"
                + (orderBy == null ? "" : ", orderBy: " + orderBy) + ", first: " + pageSize + ", after: $after) {"
                + " totalCount edges { cursor node { " + fields + " valueEur shipmentCount distinctSuppliers valueQualifier shareOfTotal } }"
                + " pageInfo { hasNextPage endCursor } } }";
        List<Map<String, Object>> out = new ArrayList<>();
        String after = null;
        long total = -1;
        for (int guard = 0; guard < 5000; guard++) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("after", after);
            JsonPath r = GraphQL.data(query, vars);
            total = r.getLong("data.flows.totalCount");
            out.addAll(r.getList("data.flows.edges.node"));
            if (!r.getBoolean("data.flows.pageInfo.hasNextPage")) {
                break;
            }
            after = r.getString("data.flows.pageInfo.endCursor");
        }
        assertThat(out).hasSize((int) total);
        return out;
    }

    private void assertMatches(List<String> dims, String filterExtra, String sqlWhere, List<Object> params) {
        Map<List<String>, List<Object>> expected = expected(dims, sqlWhere, params);
        List<Map<String, Object>> groups = allGroups(dims, filterExtra, null, 50);
        Map<List<String>, List<Object>> actual = new HashMap<>();
        for (Map<String, Object> g : groups) {
            List<String> key = new ArrayList<>();
            for (String d : dims) {
                key.add(keyText(g, d));
            }
            BigDecimal eur = g.get("valueEur") == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(g.get("valueEur")));
            assertThat(actual.put(key, List.of(eur, ((Number) g.get("shipmentCount")).longValue(),
                    ((Number) g.get("distinctSuppliers")).longValue()))).as("group %s appears once", key).isNull();
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (var e : expected.entrySet()) {
            List<Object> a = actual.get(e.getKey());
            assertThat((BigDecimal) a.get(0)).as("EUR of %s", e.getKey()).isEqualByComparingTo((BigDecimal) e.getValue().get(0));
            assertThat(a.subList(1, 3)).as("count and suppliers of %s", e.getKey()).isEqualTo(e.getValue().subList(1, 3));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SUPPLIER", "RECIPIENT", "SUPPLIER_COUNTRY", "RECIPIENT_COUNTRY", "SECTION", "HS2", "HS4", "HS6", "YEAR",
            "QUARTER", "MONTH", "SOURCE", "CHPL_TIER", "RECIPIENT_SANCTIONED"})
    void everyDimensionAloneMatchesPlainSql(String dimension) {
        assertMatches(List.of(dimension), "", "", List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SUPPLIER_COUNTRY;RECIPIENT_COUNTRY;YEAR", "HS2;MONTH", "RECIPIENT;HS4", "CHPL_TIER;RECIPIENT_SANCTIONED",
            "SECTION;QUARTER;SUPPLIER"})
    void combinationsMatchPlainSql(String dims) {
        assertMatches(List.of(dims.split(";")), "", "", List.of());
    }

    @Test
    void noGroupingIsTheGrandTotal() {
        assertMatches(List.of(), "", "", List.of());
        JsonPath r = GraphQL.data("{ flows(filter: {sources: [\"" + SOURCE + "\"], includeSynthetic: true}) { totalCount "
                + "edges { node { valueEur shipmentCount } } total { valueEur shipmentCount } } }");
        assertThat(r.getInt("data.flows.totalCount")).isEqualTo(1);
        assertThat(r.getLong("data.flows.total.shipmentCount")).isEqualTo(4000);
        assertThat(new BigDecimal(r.getString("data.flows.total.valueEur")))
                .isEqualByComparingTo(new BigDecimal(r.getString("data.flows.edges[0].node.valueEur")));
    }

    @Test
    void filtersMatchPlainSql() {
        assertMatches(List.of("HS2"), ", periodFrom: \"2022-03-01\", periodTo: \"2023-06-30\"",
                "and s.period_start between ? and ?", List.of(java.time.LocalDate.of(2022, 3, 1), java.time.LocalDate.of(2023, 6, 30)));
        assertMatches(List.of("HS4"), ", hsCodes: [\"84\", \"8542\", \"XVIII\"]",
                "and (s.hs_code like '84%' or s.hs_code like '8542%' or left(s.hs_code, 2) in "
                        + "(select code from product_category where section_code = 'XVIII'))", List.of());
        assertMatches(List.of("RECIPIENT"), ", recipientSanctioned: true",
                "and " + KEY_SQL.get("RECIPIENT_SANCTIONED").replace("::text", ""), List.of());
        assertMatches(List.of("YEAR"), ", throughIntermediary: true",
                "and exists (select 1 from shipment_intermediary i where i.shipment_id = s.id)", List.of());
        assertMatches(List.of("SUPPLIER_COUNTRY"), ", minValueEur: 50000", "and s.value_eur >= 50000", List.of());
        assertMatches(List.of("RECIPIENT_COUNTRY"), ", intermediaryCountries: [\"HK\", \"AE\"]",
                "and exists (select 1 from shipment_intermediary i where i.shipment_id = s.id and i.country_code in ('HK', 'AE'))",
                List.of());
        assertMatches(List.of("HS6"), ", chplTiers: [TIER_1, TIER_3B]",
                "and left(s.hs_code, 6) in (select hs6 from chpl_entry where tier in ('TIER_1', 'TIER_3B')) and length(s.hs_code) >= 6",
                List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'[{field: VALUE_EUR, direction: DESC}]', valueEur, true",
            "'[{field: SHIPMENT_COUNT}]', shipmentCount, true",
            "'[{field: HS2, direction: ASC}]', hs2, false",
            "'[{field: SHARE, direction: ASC}]', shareOfTotal, false"})
    void orderedPagesNeverSkipOrRepeat(String orderBy, String field, boolean descending) {
        List<Map<String, Object>> small = allGroups(List.of("HS2", "YEAR"), "", orderBy, 7);
        List<Map<String, Object>> large = allGroups(List.of("HS2", "YEAR"), "", orderBy, 100);
        assertThat(small).isEqualTo(large);
        assertThat(new HashSet<>(small.stream().map(g -> List.of(String.valueOf(g.get("hs2")), String.valueOf(g.get("year")))).toList()))
                .hasSize(small.size());
        List<Comparable<Object>> values = new ArrayList<>();
        for (Map<String, Object> g : small) {
            Object v = "hs2".equals(field) ? code(g.get("hs2")) : g.get(field);
            values.add(v == null ? null : comparable(v));
        }
        List<Comparable<Object>> nonNull = values.stream().filter(Objects::nonNull).toList();
        List<Comparable<Object>> sorted = new ArrayList<>(nonNull);
        sorted.sort(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
        assertThat(nonNull).isEqualTo(sorted);
        assertThat(values.subList(nonNull.size(), values.size())).as("empty values last").allMatch(Objects::isNull);
    }

    /** A value of one column as a Comparable: numbers as BigDecimal, strings and dates as they are. */
    @SuppressWarnings("unchecked") // the values of one column share one type, so they compare with each other
    private static Comparable<Object> comparable(Object v) {
        return (Comparable<Object>) (v instanceof Number n ? new BigDecimal(n.toString()) : v);
    }

    @Test
    void qualifiersSurviveAggregation() {
        Map<String, String> expected = new HashMap<>();
        jdbc.list("""
                select left(s.hs_code, 2) as hs2, case when bool_or(value_qualifier = 'MORE_THAN') then 'MORE_THAN'
                  when bool_or(value_qualifier = 'AT_LEAST') then 'AT_LEAST' when bool_or(value_qualifier = 'ESTIMATED') then 'ESTIMATED'
                  when bool_or(value_qualifier = 'APPROXIMATE') then 'APPROXIMATE' else 'EXACT' end as q
                from shipment s join source src on src.id = s.source_id where src.key = ? group by 1""",
                List.of(SOURCE), rs -> expected.put(rs.getString(1), rs.getString(2)));
        List<Map<String, Object>> groups = allGroups(List.of("HS2"), "", null, 100);
        for (Map<String, Object> g : groups) {
            assertThat(g.get("valueQualifier")).isEqualTo(expected.get(String.valueOf(code(g.get("hs2")))));
        }
        assertThat(expected.values()).contains("MORE_THAN");
        JsonPath exactOnly = GraphQL.data("{ flows(filter: {sources: [\"" + SOURCE + "\"], includeSynthetic: true, hsCodes: [\"01\"]}) "
                + "{ edges { node { valueQualifier value { qualifier text } } } } }");
        assertThat(exactOnly.getString("data.flows.edges[0].node.value.qualifier"))
                .isEqualTo(exactOnly.getString("data.flows.edges[0].node.valueQualifier"));
    }

    @Test
    void sharesOfAllGroupsAddUpToOne() {
        List<Map<String, Object>> groups = allGroups(List.of("SUPPLIER_COUNTRY"), "", null, 100);
        BigDecimal sum = groups.stream().map(g -> g.get("shareOfTotal") == null ? BigDecimal.ZERO
                : new BigDecimal(String.valueOf(g.get("shareOfTotal")))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void syntheticDataStaysOutUnlessAskedFor() {
        JsonPath r = GraphQL.data("{ flows(filter: {sources: [\"" + SOURCE + "\"]}) { edges { node { shipmentCount } } } }");
        assertThat(r.getLong("data.flows.edges[0].node.shipmentCount")).isZero();
    }

    @Test
    void badArgumentsAreCodedErrors() {
        JsonPath notGrouped = GraphQL.post("{ flows(groupBy: [HS2], orderBy: [{field: HS4}]) { totalCount } }");
        assertThat(notGrouped.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(notGrouped.getString("errors[0].message")).startsWith("orderBy[0].field");
        JsonPath badCode = GraphQL.post("{ flows(filter: {hsCodes: [\"84x\"]}) { totalCount } }");
        assertThat(badCode.getString("errors[0].message")).startsWith("filter.hsCodes[0]");
        JsonPath forged = GraphQL.post("{ flows(groupBy: [HS2], after: \"" + Page.cursor("abc", "84") + "\") { totalCount } }");
        assertThat(forged.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        JsonPath wrongShape = GraphQL.post("{ flows(groupBy: [HS2, YEAR], after: \"" + Page.cursor("1", "84") + "\") { totalCount } }");
        assertThat(wrongShape.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
    }
}
