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
 * mirrorGaps against independent SQL over InvestigationData's official figures: the test pairs the two sides with a
 * union of keys and correlated subqueries (not the service's full join), and applies the band itself.
 */
@QuarkusTest
class MirrorGapsTest {

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        InvestigationData.load(jdbc);
    }

    /** period/code/export/import/gap%/flag for MN→BT at one code length (null: all goods), from independent SQL. */
    private List<String> expected(Integer length, BigDecimal low, BigDecimal high) {
        return expected(length, low, high, 1900);
    }

    private List<String> expected(Integer length, BigDecimal low, BigDecimal high, int yearFrom) {
        String level = (length == null ? "product_code is null" : "length(product_code) = " + length)
                + " and period_start >= make_date(" + yearFrom + ", 1, 1)";
        String side = "(select sum(value_eur) from trade_volume t where t.source_id = (select id from source where key = 'test-invest') "
                + "and t.reporter = '%s' and t.partner = '%s' and t.flow = '%s' and t.period_start = k.p "
                + "and coalesce(t.product_code, '') = k.c)";
        String ex = side.formatted("MN", "BT", "EXPORT");
        String im = side.formatted("BT", "MN", "IMPORT");
        return jdbc.list("""
                select k.p || '/' || k.c || '/' || coalesce(e::text, '-') || '/' || coalesce(i::text, '-') || '/'
                       || coalesce(round((i - e) / nullif(e, 0) * 100, 2)::text, '-') || '/'
                       || case when e is null then 'EXPORT_MISSING' when i is null then 'IMPORT_MISSING'
                               when e = 0 then 'NOT_COMPARABLE'
                               when (i - e) / e * 100 >= ? and (i - e) / e * 100 <= ? then 'INSIDE_BAND'
                               else 'OUTSIDE_BAND' end
                  from (select k.*, %s as e, %s as i
                          from (select distinct period_start as p, coalesce(product_code, '') as c from trade_volume
                                 where source_id = (select id from source where key = 'test-invest') and %s
                                   and ((reporter = 'MN' and partner = 'BT' and flow = 'EXPORT')
                                     or (reporter = 'BT' and partner = 'MN' and flow = 'IMPORT'))) k) k
                 order by k.p, k.c""".formatted(ex, im, level), List.of(low, high), rs -> rs.getString(1));
    }

    private static String text(Object v) {
        return v == null ? "-" : new BigDecimal(String.valueOf(v)).setScale(2).toPlainString();
    }

    private List<String> served(Map<String, Object> filter, int pageSize) {
        List<String> got = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = new HashMap<>();
            vars.put("filter", filter);
            vars.put("first", pageSize);
            vars.put("after", after);
            JsonPath r = GraphQL.data(GraphQL.exampleQuery("mirror-gaps"), vars);
            for (Map<String, Object> n : r.<Map<String, Object>>getList("data.mirrorGaps.edges.node")) {
                Map<?, ?> e = (Map<?, ?>) n.get("exported");
                Map<?, ?> i = (Map<?, ?>) n.get("imported");
                got.add(((Map<?, ?>) n.get("period")).get("start") + "/" + (n.get("productCode") == null ? "" : n.get("productCode"))
                        + "/" + text(e == null ? null : e.get("valueEur")) + "/" + text(i == null ? null : i.get("valueEur"))
                        + "/" + text(n.get("gapPercent")) + "/" + n.get("flag"));
                for (Map<?, ?> side : new Map<?, ?>[] {e, i}) {
                    if (side != null) {
                        assertThat(((Map<?, ?>) side.get("source")).get("key")).isEqualTo("test-invest");
                        assertThat(((Map<?, ?>) side.get("release")).get("key")).isEqualTo("test-invest");
                    }
                }
            }
            after = r.getBoolean("data.mirrorGaps.pageInfo.hasNextPage") ? r.getString("data.mirrorGaps.pageInfo.endCursor") : null;
        } while (after != null);
        return got;
    }

    @Test
    void eachChapterAndYearMatchesIndependentSqlWithMissingSidesEmpty() {
        Map<String, Object> filter = Map.of("exporter", "MN", "importer", "BTN", "level", "CHAPTER", "yearFrom", 2022,
                "yearTo", 2023);
        List<String> expected = expected(2, new BigDecimal("-5"), new BigDecimal("15"), 2022);
        assertThat(expected).anyMatch(e -> e.endsWith("EXPORT_MISSING")).anyMatch(e -> e.endsWith("IMPORT_MISSING"))
                .anyMatch(e -> e.endsWith("INSIDE_BAND")).anyMatch(e -> e.endsWith("OUTSIDE_BAND"))
                .anyMatch(e -> e.endsWith("NOT_COMPARABLE"));
        assertThat(served(filter, 2)).containsExactlyElementsOf(expected);
    }

    @Test
    void theBandIsTheCallersAndTheAllGoodsTotalsCompareToo() {
        Map<String, Object> narrow = Map.of("exporter", "MN", "importer", "BT", "level", "CHAPTER",
                "bandLowPercent", 0, "bandHighPercent", 5);
        assertThat(served(narrow, 100)).containsExactlyElementsOf(expected(2, BigDecimal.ZERO, new BigDecimal("5")));
        Map<String, Object> totals = Map.of("exporter", "MN", "importer", "BT");
        assertThat(served(totals, 100)).containsExactlyElementsOf(expected(null, new BigDecimal("-5"), new BigDecimal("15")));
        Map<String, Object> headings = Map.of("exporter", "MN", "importer", "BT", "level", "HEADING", "hsCodes", List.of("85"));
        assertThat(served(headings, 100)).containsExactlyElementsOf(expected(4, new BigDecimal("-5"), new BigDecimal("15")));
    }

    @Test
    void theExportHasTheSameRows() throws Exception {
        String body = given().queryParam("filter", "{\"exporter\":\"MN\",\"importer\":\"BT\",\"level\":\"CHAPTER\"}")
                .when().get("/export/mirror-gaps.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        List<String> got = rows.stream().map(r -> r.get("period_start") + "/" + r.get("product_code") + "/"
                + (r.get("export_value_eur").isEmpty() ? "-" : r.get("export_value_eur")) + "/"
                + (r.get("import_value_eur").isEmpty() ? "-" : r.get("import_value_eur")) + "/"
                + (r.get("gap_percent").isEmpty() ? "-" : r.get("gap_percent")) + "/" + r.get("flag")).toList();
        assertThat(got).containsExactlyElementsOf(expected(2, new BigDecimal("-5"), new BigDecimal("15")));
    }

    @Test
    void mistakesAreNamed() {
        JsonPath r = GraphQL.post("{ mirrorGaps(filter: {exporter: \"MN\", importer: \"MN\"}) { edges { cursor } } }");
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(r.getString("errors[0].message")).contains("filter.importer");
        r = GraphQL.post("{ mirrorGaps(filter: {exporter: \"MN\", importer: \"BT\", level: SECTION}) { edges { cursor } } }");
        assertThat(r.getString("errors[0].message")).contains("filter.level");
        r = GraphQL.post("{ mirrorGaps(filter: {exporter: \"MN\", importer: \"BT\", bandLowPercent: 20, bandHighPercent: 10}) "
                + "{ edges { cursor } } }");
        assertThat(r.getString("errors[0].message")).contains("filter.bandLowPercent");
    }
}
