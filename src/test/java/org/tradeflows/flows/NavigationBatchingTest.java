package org.tradeflows.flows;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/**
 * Relations under lists are batched: the number of SQL statements a query runs does not grow with the number of
 * parents. Counted with the service's own statement counter (tradeflows_sql_statements_total at /q/metrics).
 */
@QuarkusTest
class NavigationBatchingTest {

    static final String SOURCE = "synthetic-navigation";
    static final String F = "{sources: [\\\"" + SOURCE + "\\\"], includeSynthetic: true}";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "navigation", 7, 40, 1500);
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /** The service's own statement counter (also exported as tradeflows_sql_statements_total at /q/metrics). */
    private double statementsSoFar() {
        return registry.get("tradeflows.sql.statements").counter().count();
    }

    /** Statements a query runs with nothing cached: the data version moves first, so every cached answer is stale. */
    private double statementsFor(String query) {
        jdbc.update("update data_version set version = version + 1", List.of());
        double before = statementsSoFar();
        GraphQL.data(query);
        double ran = statementsSoFar() - before;
        return ran;
    }

    private String companiesQuery(int n) {
        String f = F.replace("\\\"", "\"");
        return "{ companies(filter: {search: \"Synthetic Recipient navigation\", includeSynthetic: true}, first: " + n + ") { edges { node { name country { code } "
                + "aliases { name } identifiers { value } sanctions { authority source { key } } sanctioned findings { key } "
                + "flows(groupBy: [HS2], filter: " + f + ", first: 3) { totalCount edges { node { hs2 { code } valueEur } } } "
                + "counterparties(filter: " + f + ", first: 3) { totalCount edges { node { role company { name country { code } } totals { valueEur } } } } "
                + "shipments(filter: " + f + ", first: 2) { totalCount edges { node { hsCode supplier { name } recipient { name } product { code } "
                + "intermediaries { position country { code } company { name } } source { key } } } } } } } }";
    }

    @Test
    void companyNavigationRunsTheSameNumberOfStatementsForTwoOrTwentyCompanies() {
        double few = statementsFor(companiesQuery(5));
        double many = statementsFor(companiesQuery(20));
        assertThat(many).as("statements for 20 companies vs 5").isEqualTo(few);
        // the comparison means something only if the pages were full: 5 and 20 companies came back
        assertThat(GraphQL.data(companiesQuery(5)).getList("data.companies.edges")).hasSize(5);
        assertThat(GraphQL.data(companiesQuery(20)).getList("data.companies.edges")).hasSize(20);
        // 32: a company's shipments page reads ids, then rows (+1), and counts each company's total when asked (+1)
        assertThat(few).isLessThan(32);
    }

    @Test
    void productAndCountryNavigationIsBatchedToo() {
        String f = F.replace("\\\"", "\"");
        String q = "{ productCategories(filter: {levels: [CHAPTER]}, first: %d) { edges { node { code "
                + "flows(filter: " + f + ", groupBy: [YEAR], first: 2) { totalCount edges { node { year valueEur } } } "
                + "childTotals(filter: " + f + ") { product { code parent { code } } totals { valueEur shipmentCount } } } } }"
                + " countries(first: %d) { edges { node { code partners(filter: " + f + ", first: 3) { totalCount edges { node { direction country { code } totals { valueEur } } } } } } } }";
        // the first run also asks PostgreSQL once which store (rollup or shipments) is cheaper for each statement
        // (store/FlowCosts keeps the choice per statement text): count the runs after it
        statementsFor(q.formatted(5, 3));
        assertThat(statementsFor(q.formatted(60, 50))).isEqualTo(statementsFor(q.formatted(5, 3)));
    }

    @Test
    void navigationTotalsMatchPlainSql() {
        Map<String, Object> company = GraphQL.data("{ companies(filter: {search: \"Synthetic Supplier navigation 0\", includeSynthetic: true}, first: 1) "
                + "{ edges { node { id flows(filter: " + F.replace("\\\"", "\"") + ") { edges { node { valueEur shipmentCount } } } "
                + "counterparties(filter: " + F.replace("\\\"", "\"") + ", first: 100) { edges { node { role totals { shipmentCount } } } } } } } }")
                .getMap("data.companies.edges[0].node");
        long dbId = Long.parseLong(GlobalId.parse((String) company.get("id")).key());
        long expected = jdbc.count("select count(*) from shipment where supplier_id = ? or recipient_id = ?", List.of(dbId, dbId));
        List<Map<String, Object>> flows = nodes(company.get("flows"));
        assertThat(((Number) flows.get(0).get("shipmentCount")).longValue()).isEqualTo(expected);
        long viaCounterparties = nodes(company.get("counterparties")).stream()
                .mapToLong(c -> ((Number) ((Map<?, ?>) c.get("totals")).get("shipmentCount")).longValue()).sum();
        long withKnownCounterparty = jdbc.count("select count(*) from shipment where (supplier_id = ? and recipient_id is not null) "
                + "or (recipient_id = ? and supplier_id is not null)", List.of(dbId, dbId));
        assertThat(viaCounterparties).isEqualTo(withKnownCounterparty);

        JsonPath chapter = GraphQL.data("{ productCategory(code: \"84\") { flows(filter: " + F.replace("\\\"", "\"")
                + ") { edges { node { valueEur } } } childTotals(filter: " + F.replace("\\\"", "\"") + ") { product { code } totals { valueEur } } } }");
        BigDecimal chapterEur = jdbc.one("select coalesce(sum(s.value_eur), 0) from shipment s join source x on x.id = s.source_id "
                + "where x.key = ? and s.hs_code like '84%'", List.of(SOURCE), rs -> rs.getBigDecimal(1)).orElseThrow();
        assertThat(new BigDecimal(chapter.getString("data.productCategory.flows.edges[0].node.valueEur"))).isEqualByComparingTo(chapterEur);
        BigDecimal childrenEur = chapter.getList("data.productCategory.childTotals.totals.valueEur", BigDecimal.class).stream()
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(childrenEur).isEqualByComparingTo(chapterEur);
    }

    /** The nodes of a connection in a parsed answer. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Object connection) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) connection).get("edges")).stream()
                .map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    /**
     * A batched field asked twice under two aliases with other arguments answers each with its own arguments, as the
     * same field asked alone does: SmallRye's batch function took the first key's arguments for the whole batch, so
     * the second alias came back with the first one's page (issue 16, LazyBatchLoaders.byArguments).
     */
    @Test
    void aBatchedFieldUnderTwoAliasesAnswersEachWithItsOwnArguments() {
        String f = F.replace("\\\"", "\"");
        String companies = "{ companies(filter: {search: \"Synthetic Recipient navigation\", includeSynthetic: true}, first: 6) "
                + "{ edges { node { id %s } } } }";
        String first = "shipments(filter: " + f + ", first: 1) { totalCount edges { node { id } } }";
        String second = "shipments(filter: " + f + ", first: 3) { edges { node { id hsCode } } }";
        JsonPath both = GraphQL.data(companies.formatted("a: " + first + " b: " + second));
        JsonPath firstAlone = GraphQL.data(companies.formatted("a: " + first));
        JsonPath secondAlone = GraphQL.data(companies.formatted("b: " + second));
        List<Map<String, Object>> edges = both.getList("data.companies.edges");
        assertThat(edges).hasSize(6);
        assertThat(both.getList("data.companies.edges.node.a")).isEqualTo(firstAlone.getList("data.companies.edges.node.a"));
        assertThat(both.getList("data.companies.edges.node.b")).isEqualTo(secondAlone.getList("data.companies.edges.node.b"));
        // the pages differ in size, so the two aliases cannot both be right with one answer
        assertThat(both.getList("data.companies.edges.node.b.edges.flatten()").size())
                .isGreaterThan(both.getList("data.companies.edges.node.a.edges.flatten()").size());
    }
}
