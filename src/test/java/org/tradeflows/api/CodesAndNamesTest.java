package org.tradeflows.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Uploads;

/**
 * Issue 21, items 2 and 3: a country is taken by any of its ISO codes and an HS code with dots or spaces, wherever
 * one is asked for (GraphQL and exports alike); an unknown topic or source is an error that names the closest known
 * one, never an empty answer. Expected counts come from independent SQL on the open dataset loaded at start.
 */
@QuarkusTest
class CodesAndNamesTest {

    @Inject
    Jdbc jdbc;

    /** The fictional example shipments (CN to RU, HS 8407.10.00 and others); a second upload changes nothing. */
    @BeforeEach
    void shipments() {
        Uploads.post("shipments", Uploads.example("shipments.csv"), Uploads.source("test-codes-and-names"))
                .then().statusCode(200);
    }

    private long sqlCount(String where, List<Object> params) {
        return jdbc.count("select count(*) from shipment s where not s.synthetic and " + where, params);
    }

    private static long shipments(String filter) {
        JsonPath p = GraphQL.post("{ shipments(filter: " + filter + ") { totalCount } }");
        assertThat(p.getList("errors")).as(filter).isNullOrEmpty();
        return p.getLong("data.shipments.totalCount");
    }

    @Test
    void aCountryIsTakenByAlpha2Alpha3OrNumericCodeInAnyCase() {
        long expected = sqlCount("s.supplier_country = ? and s.recipient_country = ?", List.of("CN", "RU"));
        assertThat(expected).as("the open dataset holds China-Russia shipments").isPositive();
        assertThat(shipments("{supplierCountries: [\"CN\"], recipientCountries: [\"RU\"]}")).isEqualTo(expected);
        assertThat(shipments("{supplierCountries: [\"CHN\"], recipientCountries: [\"RUS\"]}")).isEqualTo(expected);
        assertThat(shipments("{supplierCountries: [\"chn\"], recipientCountries: [\"643\"]}")).isEqualTo(expected);
        assertThat(shipments("{supplierCountries: [\"156\"], recipientCountries: [\" ru \"]}")).isEqualTo(expected);

        JsonPath country = GraphQL.post("{ a: country(code: \"CHN\") { code } b: country(code: \"156\") { code } }");
        assertThat(country.getString("data.a.code")).isEqualTo("CN");
        assertThat(country.getString("data.b.code")).isEqualTo("CN");
        JsonPath coverage = GraphQL.post("{ coverage(exporter: \"CHN\", importer: \"RUS\", yearFrom: 2023, yearTo: 2024) "
                + "{ exporter { code } importer { code } } }");
        assertThat(coverage.getList("errors")).isNullOrEmpty();
        assertThat(coverage.getString("data.coverage.exporter.code")).isEqualTo("CN");
        assertThat(coverage.getString("data.coverage.importer.code")).isEqualTo("RU");
    }

    @Test
    void theExportTakesAlpha3AsGraphQLDoes() {
        long expected = sqlCount("s.supplier_country = ? and s.recipient_country = ?", List.of("CN", "RU"));
        Response e = given().queryParam("filter", "{\"supplierCountries\":[\"CHN\"],\"recipientCountries\":[\"RUS\"]}")
                .when().get("/export/shipments.ndjson");
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.asString().lines().filter(l -> !l.isBlank() && !l.contains("\"_trailer\"")).count())
                .isEqualTo(expected);
    }

    @Test
    void anUnknownCountrySaysExactlyWhatIsAccepted() {
        JsonPath p = GraphQL.post("{ shipments(filter: {supplierCountries: [\"CHX\"]}) { totalCount } }");
        assertThat(p.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(p.getString("errors[0].message")).isEqualTo("filter.supplierCountries[0]: 'CHX' is not a country "
                + "Tradeflows knows; give an ISO 3166-1 code: alpha-2 (CN), alpha-3 (CHN) or numeric (156), any case");
        JsonPath byName = GraphQL.post("{ companies(filter: {countries: [\"China\"]}) { totalCount } }");
        assertThat(byName.getString("errors[0].message")).startsWith("filter.countries[0]: 'China' is not a country")
                .endsWith("; did you mean CN (China)?");
        Response e = given().queryParam("filter", "{\"countries\":[\"China\"]}").when().get("/export/companies.csv");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.jsonPath().getString("errors[0].message")).isEqualTo(byName.getString("errors[0].message"));
    }

    @Test
    void anHsCodeIsTakenWithDotsAndSpaces() {
        String code = jdbc.list("select s.hs6 from shipment s where not s.synthetic and s.hs6 is not null "
                + "group by s.hs6 order by count(*) desc, s.hs6 limit 1", List.of(), rs -> rs.getString(1)).get(0);
        long expected = sqlCount("s.hs6 = ?", List.of(code));
        String dotted = code.substring(0, 4) + "." + code.substring(4);
        String spaced = code.substring(0, 4) + " " + code.substring(4);
        assertThat(shipments("{hsCodes: [\"" + code + "\"]}")).isEqualTo(expected);
        assertThat(shipments("{hsCodes: [\"" + dotted + "\"]}")).isEqualTo(expected);
        assertThat(shipments("{hsCodes: [\"" + spaced + "\"]}")).isEqualTo(expected);
        JsonPath category = GraphQL.post("{ productCategory(code: \"" + spaced + "\") { code } }");
        assertThat(category.getString("data.productCategory.code")).isEqualTo(code);
        JsonPath bad = GraphQL.post("{ shipments(filter: {hsCodes: [\"84-71\"]}) { totalCount } }");
        assertThat(bad.getString("errors[0].message")).isEqualTo("filter.hsCodes[0]: '84-71' is not an HS code of 2 to "
                + "10 digits, dots and spaces allowed (88, 8806, 8471.30, 8471 30), or an HS section as a Roman numeral (XVII)");
    }

    @Test
    void anUnknownTopicIsAnErrorWithTheClosestKnownTopicInGraphQLAndExports() {
        String message = "filter.topic: unknown topic \"drones\"; did you mean \"drone-components\"?";
        JsonPath g = GraphQL.post("{ shipments(filter: {topic: \"drones\"}) { totalCount } }");
        assertThat(g.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(g.getString("errors[0].message")).isEqualTo(message);
        JsonPath categories = GraphQL.post("{ productCategories(filter: {topic: \"drones\"}) { totalCount } }");
        assertThat(categories.getString("errors[0].message")).isEqualTo(message);
        for (String export : List.of("/export/shipments.csv", "/export/flows.csv")) {
            Response e = given().queryParam("filter", "{\"topic\":\"drones\"}").when().get(export);
            assertThat(e.statusCode()).as(export).isEqualTo(400);
            assertThat(e.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
            assertThat(e.jsonPath().getString("errors[0].message")).isEqualTo(message);
        }
        JsonPath topic = GraphQL.post("{ topic(key: \"drones\") { key } }");
        assertThat(topic.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        assertThat(topic.getString("errors[0].message")).isEqualTo("key: unknown topic \"drones\"; did you mean \"drone-components\"?");
        long known = sqlCount("exists (select 1 from topic_product tp join topic t on t.id = tp.topic_id "
                + "where t.key = 'drone-components' and s.hs_code like tp.product_code || '%')", List.of());
        assertThat(shipments("{topic: \"drone-components\"}")).isEqualTo(known);
    }

    @Test
    void anUnknownSourceIsAnErrorWithTheClosestKnownSourceEverywhere() {
        String key = jdbc.list("select key from source where key like '%-%' order by key limit 1", List.of(),
                rs -> rs.getString(1)).get(0);
        String typo = key.substring(0, key.length() - 1);
        for (String query : List.of("{ shipments(filter: {sources: [\"" + typo + "\"]}) { totalCount } }",
                "{ findings(filter: {source: \"" + typo + "\"}) { totalCount } }",
                "{ tradeVolumes(filter: {source: \"" + typo + "\"}) { totalCount } }")) {
            JsonPath p = GraphQL.post(query);
            assertThat(p.getString("errors[0].extensions.code")).as(query).isEqualTo("BAD_USER_INPUT");
            assertThat(p.getString("errors[0].message")).as(query).contains("unknown source \"" + typo + "\"; did you mean \"");
        }
        Response e = given().queryParam("filter", Map.of("source", typo).entrySet().stream()
                .map(x -> "{\"source\":\"" + x.getValue() + "\"}").findFirst().get()).when().get("/export/findings.csv");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.jsonPath().getString("errors[0].message")).contains("unknown source \"" + typo + "\"");
    }
}
