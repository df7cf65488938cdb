package org.tradeflows.investigations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;

/**
 * sanctionsExposure and sanctionsExposureRanking against independent SQL over InvestigationData: the test writes the
 * sanction rule out by hand (confirmed, dated, listed on or before the shipment, not ended by then) instead of calling
 * the SQL function the service uses, so a change to either shows here.
 */
@QuarkusTest
class SanctionsExposureTest {

    /** Listing x in force at shipment s's date, written out independently of sanction_in_force. */
    static final String IN_FORCE = """
            x.company_id = s.recipient_id and x.confirmed and x.listed_on is not null and x.listed_on <= s.period_start
            and (x.ended_on is null or x.ended_on > s.period_start)""";
    static final String REAL_LISTING = "(select kind from source where id = x.source_id) <> 'SYNTHETIC'";

    @Inject
    Jdbc jdbc;

    long s1;
    long s2;

    @BeforeEach
    void data() {
        InvestigationData.load(jdbc);
        s1 = InvestigationData.companyId(jdbc, "test-invest-s1");
        s2 = InvestigationData.companyId(jdbc, "test-invest-s2");
    }

    private static String id(long company) {
        return GlobalId.of("Company", company);
    }

    private BigDecimal decimal(String sql, Object... params) {
        return jdbc.one(sql, List.of(params), rs -> rs.getBigDecimal(1)).orElse(null);
    }

    private long number(String sql, Object... params) {
        return jdbc.count(sql, List.of(params));
    }

    private static void same(Object actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(new BigDecimal(String.valueOf(actual))).isEqualByComparingTo(expected);
        }
    }

    private JsonPath exposure(Map<String, Object> filter) {
        return GraphQL.data(GraphQL.exampleQuery("sanctions-exposure"), Map.of("filter", filter));
    }

    @Test
    void aCompanysExposureMatchesIndependentSql() {
        for (boolean synthetic : List.of(false, true)) {
            JsonPath r = exposure(Map.of("suppliers", List.of(id(s1)), "includeSynthetic", synthetic));
            String scope = "s.supplier_id = " + s1 + (synthetic ? "" : " and not s.synthetic");
            String exposed = scope + " and exists (select 1 from sanction x where " + IN_FORCE
                    + (synthetic ? "" : " and " + REAL_LISTING) + ")";
            Map<String, Object> e = r.getMap("data.sanctionsExposure");
            same(e.get("valueEur"), decimal("select sum(value_eur) from shipment s where " + scope));
            assertThat(((Number) e.get("shipmentCount")).longValue()).isEqualTo(number("select count(*) from shipment s where " + scope));
            same(e.get("exposedValueEur"), decimal("select sum(value_eur) from shipment s where " + exposed));
            assertThat(((Number) e.get("exposedShipmentCount")).longValue())
                    .isEqualTo(number("select count(*) from shipment s where " + exposed));
            assertThat(((Number) e.get("exposedShipmentsWithoutEur")).longValue())
                    .isEqualTo(number("select count(*) from shipment s where value_eur is null and " + exposed));
            assertThat(e.get("firstExposedDate")).isEqualTo(jdbc.one("select min(period_start)::text from shipment s where "
                    + exposed, List.of(), rs -> rs.getString(1)).orElseThrow());
            assertThat(e.get("lastExposedDate")).isEqualTo(jdbc.one("select max(period_start)::text from shipment s where "
                    + exposed, List.of(), rs -> rs.getString(1)).orElseThrow());
            same(e.get("share"), decimal("select round((select sum(value_eur) from shipment s where " + exposed
                    + ") / (select sum(value_eur) from shipment s where " + scope + "), 6)"));

            // by authority and year: a shipment counts under each authority whose listing was in force
            List<Map<String, Object>> years = r.getList("data.sanctionsExposure.byAuthorityYear.edges.node");
            List<String> expected = jdbc.list("""
                    select x.authority || '/' || extract(year from s.period_start)::int || '/' || coalesce(sum(s.value_eur)::text, '')
                           || '/' || count(*)
                      from shipment s join lateral (select distinct x.authority from sanction x where %s %s) x on true
                     where %s group by x.authority, extract(year from s.period_start) order by 1""".formatted(IN_FORCE,
                    synthetic ? "" : " and " + REAL_LISTING, scope), List.of(), rs -> rs.getString(1));
            assertThat(years.stream().map(y -> y.get("authority") + "/" + y.get("year") + "/"
                    + (y.get("valueEur") == null ? "" : new BigDecimal(String.valueOf(y.get("valueEur"))).setScale(2))
                    + "/" + y.get("shipmentCount")).toList()).containsExactlyElementsOf(expected);

            // by listing: first and last shipment while in force
            List<Map<String, Object>> listings = r.getList("data.sanctionsExposure.listings.edges.node");
            List<String> expectedListings = jdbc.list("""
                    select x.authority || '/' || x.listed_on || '/' || min(s.period_start) || '/' || max(s.period_start)
                           || '/' || count(*) || '/' || (min(s.period_start) - x.listed_on)
                      from shipment s join sanction x on %s %s
                     where %s group by x.id order by 1""".formatted(IN_FORCE, synthetic ? "" : " and " + REAL_LISTING, scope),
                    List.of(), rs -> rs.getString(1));
            assertThat(listings.stream().map(l -> l.get("authority") + "/" + l.get("listedOn") + "/"
                    + l.get("firstShipmentDate") + "/" + l.get("lastShipmentDate") + "/" + l.get("shipmentCount") + "/"
                    + l.get("daysAfterListing")).sorted().toList()).containsExactlyElementsOf(expectedListings);
        }
    }

    @Test
    void theEdgeCasesAreWhereTheRuleSays() {
        JsonPath r = exposure(Map.of("suppliers", List.of(id(s1))));
        List<Map<String, Object>> listings = r.getList("data.sanctionsExposure.listings.edges.node");
        List<String> recipients = listings.stream().map(l -> (String) ((Map<?, ?>) l.get("recipient")).get("name")).toList();
        // a listing that ended before the shipment, an undated one, an unconfirmed one and a synthetic one count nothing
        assertThat(recipients).doesNotContain("Invest Recipient Undated", "Invest Recipient Unconfirmed",
                "Invest Recipient Synthetic Listing");
        Map<String, Object> delisted = listings.stream()
                .filter(l -> "Invest Recipient Delisted".equals(((Map<?, ?>) l.get("recipient")).get("name"))).findFirst().orElseThrow();
        assertThat(delisted.get("lastShipmentDate")).isEqualTo("2022-06-01"); // the 2023-05-01 shipment came after the end
        // the shipment on the listing day (zero quantity) is covered, the one the day before is not
        Map<String, Object> eu = listings.stream().filter(l -> "EU".equals(l.get("authority"))
                && "Invest Recipient Listed Twice".equals(((Map<?, ?>) l.get("recipient")).get("name"))).findFirst().orElseThrow();
        assertThat(eu.get("firstShipmentDate")).isEqualTo("2023-03-01");
        assertThat(((Number) eu.get("daysAfterListing")).intValue()).isZero();
        // with synthetic rows asked for, the synthetic listing and the synthetic shipment count
        JsonPath all = exposure(Map.of("suppliers", List.of(id(s1)), "includeSynthetic", true));
        assertThat(all.getList("data.sanctionsExposure.listings.edges.node.recipient.name", String.class))
                .contains("Invest Recipient Synthetic Listing");
        assertThat(new BigDecimal(all.getString("data.sanctionsExposure.exposedValueEur")))
                .isGreaterThan(new BigDecimal(r.getString("data.sanctionsExposure.exposedValueEur")));
    }

    @Test
    void theRankingOfACountrysSuppliersMatchesIndependentSqlPageByPage() {
        String exposed = "s.supplier_country = 'MN' and not s.synthetic and s.supplier_id is not null and exists "
                + "(select 1 from sanction x where " + IN_FORCE + " and " + REAL_LISTING + ")";
        List<String> expected = jdbc.list("""
                select e.supplier_id || '/' || e.v || '/' || e.n || '/' || round(e.v / t.v, 6)
                  from (select supplier_id, sum(value_eur) v, count(*) n from shipment s where %s group by 1) e
                  join (select supplier_id, sum(value_eur) v from shipment s where s.supplier_country = 'MN'
                           and not s.synthetic group by 1) t using (supplier_id)
                 order by e.v desc, e.supplier_id""".formatted(exposed), List.of(), rs -> rs.getString(1));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        List<String> got = new ArrayList<>();
        String after = null;
        String query = """
                query($filter: FlowFilter, $after: String) { sanctionsExposureRanking(filter: $filter, first: 1, after: $after) {
                  edges { node { supplier { id } exposedValueEur exposedShipmentCount share } }
                  pageInfo { hasNextPage endCursor } } }""";
        do {
            Map<String, Object> vars = new java.util.HashMap<>(Map.of("filter", Map.of("supplierCountries", List.of("MN"))));
            vars.put("after", after);
            JsonPath r = GraphQL.data(query, vars);
            for (Map<String, Object> n : r.<Map<String, Object>>getList("data.sanctionsExposureRanking.edges.node")) {
                got.add(GlobalId.dbId((String) ((Map<?, ?>) n.get("supplier")).get("id")) + "/"
                        + new BigDecimal(String.valueOf(n.get("exposedValueEur"))).setScale(2) + "/"
                        + n.get("exposedShipmentCount") + "/" + new BigDecimal(String.valueOf(n.get("share"))).setScale(6));
            }
            after = r.getBoolean("data.sanctionsExposureRanking.pageInfo.hasNextPage")
                    ? r.getString("data.sanctionsExposureRanking.pageInfo.endCursor") : null;
        } while (after != null);
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void theExportsCarryTheSameFigures() throws Exception {
        String filter = "{\"supplierCountries\":[\"MN\"]}";
        List<CSVRecord> rows = csv(given().queryParam("filter", filter).when().get("/export/sanctions-exposure.csv")
                .then().statusCode(200).extract().asString());
        String exposedPairs = """
                select count(*) from (select distinct s.supplier_id, x.id from shipment s join sanction x on %s and %s
                 where s.supplier_country = 'MN' and not s.synthetic) p""".formatted(IN_FORCE, REAL_LISTING);
        assertThat((long) rows.size()).isEqualTo(number(exposedPairs));
        BigDecimal sum = rows.stream().map(r -> r.get("value_eur")).filter(v -> !v.isEmpty()).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(decimal("""
                select sum(s.value_eur) from shipment s join sanction x on %s and %s
                 where s.supplier_country = 'MN' and not s.synthetic""".formatted(IN_FORCE, REAL_LISTING)));
        List<CSVRecord> suppliers = csv(given().queryParam("filter", filter)
                .when().get("/export/sanctions-exposure-suppliers.csv")
                .then().statusCode(200).extract().asString());
        JsonPath ranking = GraphQL.data("""
                { sanctionsExposureRanking(filter: {supplierCountries: ["MN"]}, first: 100) {
                    edges { node { supplier { id } exposedValueEur } } } }""");
        assertThat(suppliers.stream().map(r -> r.get("supplier_id")).toList())
                .containsExactlyElementsOf(ranking.getList("data.sanctionsExposureRanking.edges.node.supplier.id", String.class));
        given().queryParam("filter", "{\"supplierCountries\":[\"XX\"]}").when().get("/export/sanctions-exposure.csv")
                .then().statusCode(400);
    }

    @Test
    void aBadFilterIsNamed() {
        JsonPath r = GraphQL.post("{ sanctionsExposure(filter: {supplierCountries: [\"XX\"]}) { valueEur } }");
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(r.getString("errors[0].message")).contains("filter.supplierCountries");
    }

    private static List<CSVRecord> csv(String body) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
    }
}
