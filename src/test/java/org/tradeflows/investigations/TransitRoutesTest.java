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

/** transitRoutes against independent SQL (one correlated subquery per figure) over InvestigationData's figures. */
@QuarkusTest
class TransitRoutesTest {

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        InvestigationData.load(jdbc);
    }

    private static final String LEG = "(select sum(value_eur) from trade_volume t where t.source_id = (select id from source "
            + "where key = 'test-invest') and t.flow = 'EXPORT' and t.period_kind = 'YEAR' and length(t.product_code) = 2 "
            + "and t.product_code like '85%%' and t.period_start = make_date(%s, 1, 1) and %s)";

    /** via/ov before/ov after/growth/vd before/vd after/growth/share before/share after, independently. */
    static List<String> expected(Jdbc jdbc, String viaCondition) {
        String ovB = LEG.formatted(2021, "t.reporter = 'MN' and t.partner = v.via");
        String ovA = LEG.formatted(2023, "t.reporter = 'MN' and t.partner = v.via");
        String vdB = LEG.formatted(2021, "t.reporter = v.via and t.partner = 'BT'");
        String vdA = LEG.formatted(2023, "t.reporter = v.via and t.partner = 'BT'");
        String totB = LEG.formatted(2021, "t.partner = 'BT'");
        String totA = LEG.formatted(2023, "t.partner = 'BT'");
        return jdbc.list(("""
                select via || '/' || coalesce(ovb::text, '-') || '/' || coalesce(ova::text, '-') || '/'
                       || coalesce(round((ova - ovb) / ovb * 100, 2)::text, '-') || '/' || coalesce(vdb::text, '-') || '/'
                       || coalesce(vda::text, '-') || '/' || coalesce(round((vda - vdb) / vdb * 100, 2)::text, '-') || '/'
                       || coalesce(round(vdb / totb, 6)::text, '-') || '/' || coalesce(round(vda / tota, 6)::text, '-')
                  from (select v.via, %s ovb, %s ova, %s vdb, %s vda, %s totb, %s tota
                          from (select code as via from country where code not in ('MN', 'BT')) v) x
                 where %s
                 order by coalesce(vda, 0) desc, via""").formatted(ovB, ovA, vdB, vdA, totB, totA, viaCondition),
                List.of(), rs -> rs.getString(1));
    }

    private static String text(Object v, int scale) {
        return v == null ? "-" : new BigDecimal(String.valueOf(v)).setScale(scale).toPlainString();
    }

    private List<String> served(Map<String, Object> filter) {
        List<String> got = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = new HashMap<>();
            vars.put("filter", filter);
            vars.put("first", 1);
            vars.put("after", after);
            JsonPath r = GraphQL.data(GraphQL.exampleQuery("transit-routes"), vars);
            for (Map<String, Object> n : r.<Map<String, Object>>getList("data.transitRoutes.edges.node")) {
                assertThat(((Map<?, ?>) n.get("source")).get("key")).isEqualTo("test-invest");
                got.add(((Map<?, ?>) n.get("via")).get("code") + "/" + text(n.get("originToViaBeforeEur"), 2) + "/"
                        + text(n.get("originToViaAfterEur"), 2) + "/" + text(n.get("originToViaGrowthPercent"), 2) + "/"
                        + text(n.get("viaToDestinationBeforeEur"), 2) + "/" + text(n.get("viaToDestinationAfterEur"), 2) + "/"
                        + text(n.get("viaToDestinationGrowthPercent"), 2) + "/" + text(n.get("shareBefore"), 6) + "/"
                        + text(n.get("shareAfter"), 6));
            }
            after = r.getBoolean("data.transitRoutes.pageInfo.hasNextPage") ? r.getString("data.transitRoutes.pageInfo.endCursor") : null;
        } while (after != null);
        return got;
    }

    @Test
    void candidatesWithBothLegsMatchIndependentSql() {
        List<String> expected = expected(jdbc, "(ovb is not null or ova is not null) and (vdb is not null or vda is not null)");
        assertThat(expected).hasSize(2); // Nepal and Bangladesh; India has one leg, Laos none from MN
        assertThat(served(Map.of("origin", "MN", "destination", "BT", "hsCodes", List.of("85"), "yearBefore", 2021,
                "yearAfter", 2023, "source", "test-invest"))).containsExactlyElementsOf(expected);
    }

    @Test
    void aNamedTransitCountryIsShownWithItsMissingLegEmpty() {
        assertThat(served(Map.of("origin", "MNG", "destination", "BT", "via", List.of("IN", "NP"), "hsCodes", List.of("85"),
                "yearBefore", 2021, "yearAfter", 2023, "source", "test-invest")))
                .containsExactlyElementsOf(expected(jdbc, "via in ('IN', 'NP')"));
    }

    @Test
    void theExportHasTheSameRows() throws Exception {
        String body = given().queryParam("filter", "{\"origin\":\"MN\",\"destination\":\"BT\",\"hsCodes\":[\"85\"],"
                + "\"yearBefore\":2021,\"yearAfter\":2023,\"source\":\"test-invest\"}")
                .when().get("/export/transit-routes.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        List<String> got = rows.stream().map(r -> r.get("via") + "/" + dash(r.get("origin_to_via_before_eur")) + "/"
                + dash(r.get("origin_to_via_after_eur")) + "/" + dash(r.get("origin_to_via_growth_percent")) + "/"
                + dash(r.get("via_to_destination_before_eur")) + "/" + dash(r.get("via_to_destination_after_eur")) + "/"
                + dash(r.get("via_to_destination_growth_percent")) + "/" + dash(r.get("share_before")) + "/"
                + dash(r.get("share_after"))).toList();
        assertThat(got).containsExactlyElementsOf(
                expected(jdbc, "(ovb is not null or ova is not null) and (vdb is not null or vda is not null)"));
    }

    private static String dash(String v) {
        return v.isEmpty() ? "-" : v;
    }

    @Test
    void mistakesAreNamed() {
        JsonPath r = GraphQL.post("{ transitRoutes(filter: {origin: \"MN\", destination: \"BT\", yearBefore: 2023, "
                + "yearAfter: 2021}) { edges { cursor } } }");
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(r.getString("errors[0].message")).contains("filter.yearBefore");
        r = GraphQL.post("{ transitRoutes(filter: {origin: \"MN\", destination: \"BT\", yearBefore: 2021, yearAfter: 2023, "
                + "source: \"no-such-source\"}) { edges { cursor } } }");
        assertThat(r.getString("errors[0].message")).contains("filter.source");
    }
}
