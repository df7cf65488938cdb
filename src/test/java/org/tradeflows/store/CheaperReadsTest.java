package org.tradeflows.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;
import org.tradeflows.model.CompanyRecord;
import org.tradeflows.model.GlobalId;
import org.tradeflows.query.FlowBase;
import org.tradeflows.query.FlowQuery;
import org.tradeflows.query.FlowSql;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.sql.Sql;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/**
 * The cheap paths of cold queries (issue 16) answer as the expensive ones did: companies never merged are read by their
 * key alone while merged ones still resolve to their survivors, and an aggregate reads the rollup or the shipments,
 * whichever PostgreSQL estimates cheaper, with the same figures as the shipments.
 */
@QuarkusTest
class CheaperReadsTest {

    private static final String SOURCE = "synthetic-cheaper-reads";
    private static final Pattern TOTAL_COST = Pattern.compile("\"Total Cost\"\\s*:\\s*([0-9.eE+-]+)");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CompanyStore companies;
    @Inject
    FlowStore flows;
    @Inject
    Jdbc jdbc;

    /** The survivor of a company, followed one merge at a time (independently of the store's statements). */
    private long survivor(long id) {
        long at = id;
        for (int guard = 0; guard < 100; guard++) {
            Optional<Long> next = jdbc.one("select merged_into_id from company where id = ?", List.of(at),
                    rs -> Optional.ofNullable(Jdbc.longOrNull(rs, "merged_into_id"))).orElseThrow();
            if (next.isEmpty()) {
                return at;
            }
            at = next.get();
        }
        throw new AssertionError("merge chain of " + id + " does not end");
    }

    @Test
    void mergedCompaniesResolveToTheirSurvivorsAndTheOthersToThemselves() {
        Fixtures db = new Fixtures(dataSource);
        long survivor = db.company("Cheaper Reads Survivor Trading", "CN");
        long merged = db.company("Cheaper Reads Merged Trading", "CN");
        long mergedTwice = db.company("Cheaper Reads Merged Twice Trading", "CN");
        long alone = db.company("Cheaper Reads Never Merged Trading", "RU");
        db.sql("update company set merged_into_id = ? where id = ?", survivor, merged);
        db.sql("update company set merged_into_id = ? where id = ?", merged, mergedTwice);

        List<Long> asked = List.of(alone, mergedTwice, survivor, merged);
        Map<Long, Long> resolved = new HashMap<>();
        for (Map.Entry<Long, CompanyRecord> e : companies.byIds(asked)) {
            assertThat(resolved.put(e.getKey(), e.getValue().id())).as("%s answered once", e.getKey()).isNull();
        }
        Map<Long, Long> expected = new HashMap<>();
        asked.forEach(id -> expected.put(id, survivor(id)));
        assertThat(resolved).isEqualTo(expected);
        assertThat(expected).containsEntry(mergedTwice, survivor).containsEntry(alone, alone);

        // and through the API: the merged ids answer as their survivor, the never-merged one as itself
        for (long id : asked) {
            JsonPath r = GraphQL.data("query($id: ID!) { company(id: $id) { id name } }",
                    Map.of("id", GlobalId.of("Company", id)));
            long expectedId = survivor(id);
            assertThat(r.getString("data.company.id")).isEqualTo(GlobalId.of("Company", expectedId));
            assertThat(r.getString("data.company.name")).isEqualTo(jdbc.one("select name from company where id = ?",
                    List.of(expectedId), rs -> rs.getString(1)).orElseThrow());
        }
    }

    private double cost(Sql statement) {
        String plan = jdbc.one("explain (format json) " + statement.text(), statement.values(), rs -> rs.getString(1))
                .orElseThrow();
        Matcher m = TOTAL_COST.matcher(plan);
        assertThat(m.find()).as("a total cost in %s", plan).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aggregatesReadTheCheaperOfRollupAndShipmentsAndAnswerAsTheShipments() {
        SyntheticData.load(dataSource, "cheaper-reads", 41, 40, 4000);
        jdbc.update("analyze shipment", List.of());
        jdbc.update("analyze flow_rollup_month", List.of());
        jdbc.update("analyze flow_rollup_year", List.of());
        long sourceId = jdbc.one("select id from source where key = ?", List.of(SOURCE), rs -> rs.getLong(1)).orElseThrow();
        List<String> busiest = jdbc.one("""
                select supplier_country, recipient_country, hs2 from shipment where source_id = ?
                 group by 1, 2, 3 order by count(*) desc, 1, 2, 3 limit 1""", List.of(sourceId),
                rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).orElseThrow();
        String from = busiest.get(0), to = busiest.get(1), chapter = busiest.get(2);

        // a whole year (the yearly rollup can answer), a quarter (the monthly one can), and four years
        List<LocalDate[]> windows = List.of(new LocalDate[] {LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)},
                new LocalDate[] {LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30)},
                new LocalDate[] {LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31)});
        for (LocalDate[] w : windows) {
            ShipmentScope scope = new ShipmentScope(null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), null, null, List.of(), null, List.of(), List.of(), List.of(sourceId), null, true)
                    .withPeriod(w[0], w[1]).withCountries(List.of(from), List.of(to)).withHs(List.of(chapter), List.of());
            FlowQuery q = new FlowQuery(List.of(FlowDimension.HS4, FlowDimension.YEAR), scope,
                    List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), 101, null, null, false);
            FlowBase eligible = FlowBase.choose(q, false, true);
            assertThat(eligible).as("a rollup answers %s..%s exactly", w[0], w[1]).isNotEqualTo(FlowBase.SHIPMENTS);

            FlowBase chosen = flows.base(q);
            double onRollup = cost(FlowSql.groups(q, eligible).sql());
            double onShipments = cost(FlowSql.groups(q, FlowBase.SHIPMENTS).sql());
            assertThat(chosen).as("estimates: %s %s, shipments %s", eligible, onRollup, onShipments)
                    .isEqualTo(onRollup <= onShipments ? eligible : FlowBase.SHIPMENTS);

            assertThat(throughApi(from, to, chapter, w[0], w[1])).as("%s..%s", w[0], w[1])
                    .isEqualTo(independently(sourceId, from, to, chapter, w[0], w[1])).isNotEmpty();
        }
    }

    /** HS4|year|EUR|shipments of every group, through HTTP. */
    private List<String> throughApi(String from, String to, String chapter, LocalDate start, LocalDate end) {
        JsonPath r = GraphQL.data("""
                query($f: FlowFilter) { flows(groupBy: [HS4, YEAR], filter: $f, first: 100) {
                  edges { node { hs4 { code } year valueEur shipmentCount } } pageInfo { hasNextPage } } }""",
                Map.of("f", Map.of("sources", List.of(SOURCE), "includeSynthetic", true, "supplierCountries", List.of(from),
                        "recipientCountries", List.of(to), "hsCodes", List.of(chapter), "periodFrom", start.toString(),
                        "periodTo", end.toString())));
        assertThat(r.getBoolean("data.flows.pageInfo.hasNextPage")).isFalse();
        List<String> out = new ArrayList<>();
        for (Map<String, Object> n : r.<Map<String, Object>>getList("data.flows.edges.node")) {
            out.add(((Map<?, ?>) n.get("hs4")).get("code") + "|" + n.get("year") + "|"
                    + new BigDecimal(String.valueOf(n.get("valueEur"))).stripTrailingZeros().toPlainString() + "|"
                    + n.get("shipmentCount"));
        }
        return out.stream().sorted().toList();
    }

    /** The same groups summed straight from the shipment table. */
    private List<String> independently(long sourceId, String from, String to, String chapter, LocalDate start,
            LocalDate end) {
        return jdbc.list("""
                select left(hs_code, 4) as hs4, extract(year from period_start)::int as year, sum(value_eur) as eur,
                       count(*) as n
                  from shipment
                 where source_id = ? and supplier_country = ? and recipient_country = ? and hs_code like ? || '%'
                   and period_start between ? and ?
                 group by 1, 2""", List.of(sourceId, from, to, chapter, start, end),
                rs -> rs.getString("hs4") + "|" + rs.getInt("year") + "|"
                        + rs.getBigDecimal("eur").stripTrailingZeros().toPlainString() + "|" + rs.getLong("n"))
                .stream().sorted().toList();
    }
}
