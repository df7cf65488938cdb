package org.tradeflows.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/**
 * Issue 21, item 4: after the generator has written into the service's database, its companies, sanctions and
 * sources stay out of every answer, count and export unless includeSynthetic is asked — as shipments already do.
 * Expected counts come from independent SQL over the source kinds.
 */
@QuarkusTest
class SyntheticStaysOutTest {

    private static final String REAL_COMPANY = "c.merged_into_id is null and not exists (select 1 from source so "
            + "where so.id = c.source_id and so.kind = 'SYNTHETIC')";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void generated() {
        SyntheticData.load(dataSource, "stays-out", 21, 40, 400);
    }

    private long count(String sql) {
        return jdbc.count(sql, List.of());
    }

    @Test
    void theLandingPageCountsOnlyRealCompaniesSanctionsAndSources() {
        long synthetic = count("select count(*) from company c join source so on so.id = c.source_id where so.kind = 'SYNTHETIC'");
        assertThat(synthetic).as("the generator wrote companies").isGreaterThanOrEqualTo(40);
        JsonPath p = GraphQL.post("{ companies { totalCount } sanctions { totalCount } sources { totalCount } "
                + "all: companies(filter: {includeSynthetic: true}) { totalCount } "
                + "allSanctions: sanctions(filter: {includeSynthetic: true}) { totalCount } }");
        assertThat(p.getList("errors")).isNullOrEmpty();
        assertThat(p.getLong("data.companies.totalCount")).isEqualTo(count("select count(*) from company c where " + REAL_COMPANY));
        assertThat(p.getLong("data.all.totalCount")).isEqualTo(count("select count(*) from company c where c.merged_into_id is null"));
        assertThat(p.getLong("data.sanctions.totalCount")).isEqualTo(count("select count(*) from sanction s join source so "
                + "on so.id = s.source_id where so.kind <> 'SYNTHETIC'"));
        assertThat(p.getLong("data.allSanctions.totalCount")).isEqualTo(count("select count(*) from sanction"));
        assertThat(p.getLong("data.allSanctions.totalCount")).isGreaterThan(p.getLong("data.sanctions.totalCount"));
        assertThat(p.getLong("data.sources.totalCount")).isEqualTo(count("select count(*) from source where kind <> 'SYNTHETIC'"));
    }

    @Test
    void sanctionedCompaniesAndSearchListNoGeneratedCompany() {
        JsonPath p = GraphQL.post("{ sanctioned: companies(filter: {sanctioned: true}, first: 100) { totalCount edges { node { name } } } "
                + "search: companies(filter: {search: \"Synthetic Recipient\"}) { totalCount } "
                + "asked: companies(filter: {search: \"Synthetic Recipient\", includeSynthetic: true}) { totalCount } }");
        assertThat(p.getList("errors")).isNullOrEmpty();
        assertThat(p.getList("data.sanctioned.edges.node.name", String.class)).noneMatch(n -> n.startsWith("Synthetic "));
        assertThat(p.getLong("data.search.totalCount")).isZero();
        // the generator's names (a real company may have the word in its name: "Invest Recipient Synthetic Listing")
        assertThat(p.getLong("data.asked.totalCount")).isEqualTo(count("select count(*) from company c where "
                + "c.merged_into_id is null and c.name like 'Synthetic Recipient %'"));
        assertThat(p.getLong("data.asked.totalCount")).isPositive();
    }

    @Test
    void aGeneratedCompanyOrSanctionIsNotFoundById() {
        long company = jdbc.list("select c.id from company c where c.key like 'syn-stays-out-%' order by c.id limit 1",
                List.of(), rs -> rs.getLong(1)).get(0);
        long sanction = jdbc.list("select s.id from sanction s join source so on so.id = s.source_id "
                + "where so.key = 'synthetic-stays-out' order by s.id limit 1", List.of(), rs -> rs.getLong(1)).get(0);
        String companyId = GlobalId.of("Company", company);
        JsonPath node = GraphQL.post("query($c: ID!, $s: ID!) { c: node(id: $c) { id } s: node(id: $s) { id } }",
                Map.of("c", companyId, "s", GlobalId.of("Sanction", sanction)));
        assertThat(node.getString("data.c")).isNull();
        assertThat(node.getString("data.s")).isNull();
        JsonPath byId = GraphQL.post("query($c: ID!) { company(id: $c) { name } }", Map.of("c", companyId));
        assertThat(byId.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void theCompaniesExportLeavesThemOutUnlessAsked() {
        String csv = given().when().get("/export/companies.csv").then().statusCode(200).extract().asString();
        assertThat(csv).doesNotContain("Synthetic Recipient ").doesNotContain("Synthetic Supplier ");
        String asked = given().queryParam("filter", "{\"includeSynthetic\":true}").when().get("/export/companies.csv")
                .then().statusCode(200).extract().asString();
        assertThat(asked).contains("Synthetic Recipient stays-out");
    }
}
