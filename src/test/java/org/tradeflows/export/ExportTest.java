package org.tradeflows.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.query.ExportSql;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/** The export endpoints: headers, column order, filters mirrored from GraphQL, both formats, coded errors. */
@QuarkusTest
class ExportTest {

    static final String SOURCE = "synthetic-export";
    static final String FILTER = "{\"sources\":[\"" + SOURCE + "\"],\"includeSynthetic\":true}";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "export", 5, 20, 800);
    }

    private static List<CSVRecord> csv(String body) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
    }

    @Test
    void shipmentsCsvHasTheDocumentedHeaderEveryRowAndItsRelease() throws Exception {
        Response r = given().queryParam("filter", FILTER).when().get("/export/shipments.csv");
        r.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("filename=\"tradeflows-shipments-"))
                .header("X-Tradeflows-Release", equalTo(jdbc.one("select key from data_release where not synthetic order by id desc limit 1",
                        List.of(), rs -> rs.getString(1)).orElseThrow()));
        String body = r.asString();
        assertThat(body.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", ExportSql.SHIPMENT_COLUMNS));
        List<CSVRecord> rows = csv(body);
        assertThat(rows).hasSize(800);
        BigDecimal eur = rows.stream().map(x -> x.get("value_eur")).filter(v -> !v.isEmpty()).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = jdbc.one("select sum(value_eur) from shipment s join source x on x.id = s.source_id where x.key = ?",
                List.of(SOURCE), rs -> rs.getBigDecimal(1)).orElseThrow();
        assertThat(eur).isEqualByComparingTo(expected);
        String someId = rows.get(0).get("id");
        assertThat(GraphQL.data("query($id: ID!) { node(id: $id) { ... on Shipment { sourceRecordRef } } }", Map.of("id", someId))
                .getString("data.node.sourceRecordRef")).isEqualTo(rows.get(0).get("source_record_ref"));
    }

    @Test
    void ndjsonCarriesTypedValues() throws Exception {
        String body = given().queryParam("filter", "{\"sources\":[\"" + SOURCE + "\"],\"includeSynthetic\":true,\"hsCodes\":[\"84\"]}")
                .when().get("/export/shipments.ndjson").then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .extract().asString();
        List<String> lines = body.lines().toList();
        long expected = jdbc.count("select count(*) from shipment s join source x on x.id = s.source_id where x.key = ? "
                + "and s.hs_code like '84%'", List.of(SOURCE));
        assertThat(lines).hasSize((int) expected + 1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"_trailer\":{\"rows\":" + expected + ",\"complete\":true}}");
        Map<String, Object> first = new ObjectMapper().readValue(lines.get(0), new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        assertThat(first.keySet()).containsExactlyElementsOf(ExportSql.SHIPMENT_COLUMNS);
        assertThat(first.get("value")).isInstanceOf(Number.class);
        assertThat(first.get("synthetic")).isEqualTo(true);
        assertThat((String) first.get("hs_code")).startsWith("84");
    }

    @Test
    void flowsExportEqualsTheGraphqlGroups() throws Exception {
        List<CSVRecord> rows = csv(given().queryParam("groupBy", "HS2,YEAR").queryParam("filter", FILTER)
                .when().get("/export/flows.csv").then().statusCode(200).extract().asString());
        long groups = GraphQL.data("{ flows(groupBy: [HS2, YEAR], filter: " + FILTER.replace("\"sources\"", "sources")
                .replace("\"includeSynthetic\"", "includeSynthetic") + ") { totalCount } }").getLong("data.flows.totalCount");
        assertThat(rows).hasSize((int) groups);
        assertThat(rows.get(0).toMap().keySet()).startsWith("hs2", "year", "value_eur");
        assertThat(new BigDecimal(rows.get(0).get("value_eur"))).isGreaterThanOrEqualTo(new BigDecimal(rows.get(1).get("value_eur")));
    }

    @Test
    void openDatasetExportsCarryTheirSources() throws Exception {
        List<CSVRecord> findings = csv(given().when().get("/export/findings.csv").then().statusCode(200).extract().asString());
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("key")).isEqualTo("direct-supplies-to-sanctioned-firms");
            assertThat(f.get("value_qualifier")).isEqualTo("AT_LEAST");
            assertThat(f.get("source")).isEqualTo("seed-article");
        });
        List<CSVRecord> companies = csv(given().queryParam("filter", "{\"search\":\"Ural\"}").when().get("/export/companies.csv")
                .then().statusCode(200).extract().asString());
        assertThat(companies).hasSize(1);
        assertThat(companies.get(0).get("sanctions")).contains("US_BIS 2023-05-19");
        List<CSVRecord> volumes = csv(given().queryParam("filter", "{\"reporters\":[\"CN\"],\"yearFrom\":2024,\"yearTo\":2024}")
                .when().get("/export/trade-volumes.csv").then().statusCode(200).extract().asString());
        assertThat(volumes).allSatisfy(v -> assertThat(v.get("source_citation")).isNotBlank());
    }

    @Test
    void badRequestsAreCodedAndNameTheField() {
        given().queryParam("filter", "{\"hsCodes\":[\"x1\"]}").when().get("/export/shipments.csv").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("filter.hsCodes[0]"));
        given().queryParam("filter", "{\"hsCodes\":").when().get("/export/shipments.csv").then().statusCode(400)
                .body("errors[0].message", startsWith("filter: not valid JSON"));
        given().queryParam("filter", "{\"hsCode\":[\"84\"]}").when().get("/export/shipments.csv").then().statusCode(400);
        given().queryParam("groupBy", "HS9").when().get("/export/flows.csv").then().statusCode(400)
                .body("errors[0].message", startsWith("groupBy"));
        given().when().get("/export/shipments.xlsx").then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheExports() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/export/shipments.{format}'.get.summary", equalTo("Shipments"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
