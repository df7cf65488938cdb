package org.tradeflows.investigations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;

/**
 * unitValueOutliers against independent SQL: median and MAD of each candidate's peers computed in correlated
 * subqueries per shipment (the service groups instead), the modified z-score and the 3.5 threshold applied here.
 */
@QuarkusTest
class UnitValueOutliersTest {

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        InvestigationData.load(jdbc);
    }

    /** ref/unit value/median/MAD/peers/z of the outliers among MN's HS 847130 shipments, farthest first. */
    static List<String> expected(Jdbc jdbc, String divisor, String unit, BigDecimal threshold) {
        String x = "(%1$s.value_eur / %1$s.%2$s)::float8";
        // the peers are read once (every outlier asked for is of HS 847130), so the check stays quick however many
        // shipments other test classes have loaded
        String peers = "from peers p where p.hs6 = s.hs6 and extract(year from p.period_start) = extract(year from "
                + "s.period_start) and " + unit.formatted("p") + " = " + unit.formatted("s");
        return jdbc.list("""
                with peers as materialized (
                  select * from shipment where hs6 = '847130' and not synthetic and value_eur is not null and %1$s > 0)
                select ref || '/' || round(x::numeric, 4) || '/' || round(med::numeric, 4) || '/' || round(mad::numeric, 4)
                       || '/' || n || '/' || round((0.6745 * (x - med) / mad)::numeric, 4)
                  from (select m.*, (select percentile_cont(0.5) within group (order by abs(%3$s - m.med)) %5$s) as mad
                          from (select s.*, s.source_record_ref as ref, %2$s as x,
                                       (select percentile_cont(0.5) within group (order by %3$s) %4$s) as med,
                                       (select count(*) %4$s) as n
                                  from peers s
                                 where s.supplier_country = 'MN') m) z
                 where mad > 0 and abs(0.6745 * (x - med) / mad) > ?
                 order by abs(0.6745 * (x - med) / mad) desc, id""".formatted(divisor, x.formatted("s", divisor),
                x.formatted("p", divisor), peers, peers.replace("= s.", "= m.").replace("from s.", "from m.")), List.of(threshold), rs -> rs.getString(1));
    }

    private static String d(Object v) {
        return new BigDecimal(String.valueOf(v)).setScale(4).toPlainString();
    }

    private List<String> served(String basis, BigDecimal threshold) {
        List<String> got = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = new HashMap<>();
            vars.put("filter", Map.of("supplierCountries", List.of("MN"), "hsCodes", List.of("847130")));
            vars.put("basis", basis);
            vars.put("threshold", threshold);
            vars.put("first", 2);
            vars.put("after", after);
            JsonPath r = GraphQL.data(GraphQL.exampleQuery("unit-value-outliers"), vars);
            for (Map<String, Object> n : r.<Map<String, Object>>getList("data.unitValueOutliers.edges.node")) {
                got.add(((Map<?, ?>) n.get("shipment")).get("sourceRecordRef") + "/" + d(n.get("unitValueEur")) + "/"
                        + d(n.get("medianEur")) + "/" + d(n.get("madEur")) + "/" + n.get("peerCount") + "/" + d(n.get("modifiedZ")));
            }
            after = r.getBoolean("data.unitValueOutliers.pageInfo.hasNextPage")
                    ? r.getString("data.unitValueOutliers.pageInfo.endCursor") : null;
        } while (after != null);
        return got;
    }

    @Test
    void outliersPerKilogramMatchIndependentSql() {
        List<String> expected = expected(jdbc, "net_weight_kg", "'kg'", new BigDecimal("3.5"));
        assertThat(expected).anyMatch(e -> e.startsWith("uv-7-high/")).anyMatch(e -> e.startsWith("uv-8-low/"))
                .noneMatch(e -> e.startsWith("uv-9-zero-weight/")).noneMatch(e -> e.startsWith("uv-12-alone/"));
        assertThat(served("PER_KG", null)).containsExactlyElementsOf(expected);
    }

    @Test
    void outliersPerUnitCompareOnlyTheSameUnitAndLeaveZeroQuantitiesOut() {
        List<String> expected = expected(jdbc, "quantity", "%s.quantity_unit", new BigDecimal("2"));
        assertThat(expected).noneMatch(e -> e.startsWith("uv-10-zero-quantity/"))
                .noneMatch(e -> e.startsWith("uv-11-other-unit/"));
        assertThat(served("PER_UNIT", new BigDecimal("2"))).containsExactlyElementsOf(expected);
    }

    @Test
    void theExportHasTheSameRows() throws Exception {
        String body = given().queryParam("filter", "{\"supplierCountries\":[\"MN\"],\"hsCodes\":[\"847130\"]}")
                .when().get("/export/unit-value-outliers.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        assertThat(rows.stream().map(r -> r.get("source_record_ref") + "/" + r.get("unit_value_eur") + "/"
                + r.get("median_eur") + "/" + r.get("mad_eur") + "/" + r.get("peer_count") + "/" + r.get("modified_z")).toList())
                .containsExactlyElementsOf(expected(jdbc, "net_weight_kg", "'kg'", new BigDecimal("3.5")));
        given().queryParam("basis", "PER_LITRE").when().get("/export/unit-value-outliers.csv").then().statusCode(400);
    }

    @Test
    void aBadThresholdIsNamed() {
        JsonPath r = GraphQL.post("{ unitValueOutliers(threshold: 0) { edges { cursor } } }");
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(r.getString("errors[0].message")).contains("threshold");
    }
}
