package org.tradeflows.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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

    /** The columns the README's export table lists for the export whose path starts so, in their documented order. */
    static List<String> documentedColumns(String path) throws java.io.IOException {
        String row = java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md")).stream()
                .filter(l -> l.startsWith("| `" + path)).findFirst().orElseThrow();
        String columns = row.split("\\|")[3];
        List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([a-z0-9_]+)`").matcher(columns);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void shipmentsCsvHasTheDocumentedHeaderEveryRowAndItsRelease() throws Exception {
        Response r = given().queryParam("filter", FILTER).when().get("/export/shipments.csv");
        r.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("filename=\"tradeflows-shipments-"))
                .header("X-Tradeflows-Release", equalTo(jdbc.one("select key from data_release where not synthetic order by id desc limit 1",
                        List.of(), rs -> rs.getString(1)).orElseThrow()));
        String body = r.asString();
        assertThat(body.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", documentedColumns("/export/shipments.")));
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
        assertThat(first.keySet()).containsExactlyElementsOf(documentedColumns("/export/shipments."));
        assertThat(first.get("value")).isInstanceOf(Number.class);
        assertThat(first.get("synthetic")).isEqualTo(true);
        assertThat((String) first.get("hs_code")).startsWith("84");
    }

    @Test
    void flowsExportEqualsTheGraphqlGroups() throws Exception {
        List<CSVRecord> rows = csv(given().queryParam("groupBy", "HS2,YEAR").queryParam("filter", FILTER)
                .when().get("/export/flows.csv").then().statusCode(200).extract().asString());
        String filter = FILTER.replace("\"sources\"", "sources").replace("\"includeSynthetic\"", "includeSynthetic");
        JsonPath graphql = GraphQL.data("{ flows(groupBy: [HS2, YEAR], filter: " + filter + ", first: 100) { totalCount edges { node { "
                + "hs2 { code } year valueEur valueUsd valueQualifier shipmentCount shipmentsWithoutEur netWeightKg firstDate lastDate "
                + "shareOfTotal distinctSuppliers distinctRecipients } } } }");
        assertThat(rows).hasSize(graphql.getInt("data.flows.totalCount"));
        // the documented columns: the dimensions in groupBy order, then the measures listed after them in the README
        List<String> measures = documentedColumns("/export/flows.");
        measures = measures.subList(measures.indexOf("value_eur"), measures.size());
        List<String> header = new java.util.ArrayList<>(List.of("hs2", "year"));
        header.addAll(measures);
        assertThat(rows.get(0).toMap().keySet()).containsExactlyElementsOf(header);
        // row by row, in the same order, every value as GraphQL gives it (its first page of 100)
        List<Map<String, Object>> nodes = graphql.getList("data.flows.edges.node");
        assertThat(nodes).hasSize(Math.min(100, rows.size()));
        for (int i = 0; i < nodes.size(); i++) {
            CSVRecord row = rows.get(i);
            Map<String, Object> node = nodes.get(i);
            String at = "row " + (i + 1);
            assertThat(row.get("hs2")).as(at).isEqualTo(((Map<?, ?>) node.get("hs2")).get("code"));
            assertThat(row.get("year")).as(at).isEqualTo(String.valueOf(node.get("year")));
            for (String[] pair : new String[][] {{"value_eur", "valueEur"}, {"value_usd", "valueUsd"}, {"shipment_count", "shipmentCount"},
                    {"shipments_without_eur", "shipmentsWithoutEur"}, {"net_weight_kg", "netWeightKg"}, {"share_of_total", "shareOfTotal"},
                    {"distinct_suppliers", "distinctSuppliers"}, {"distinct_recipients", "distinctRecipients"}}) {
                Object want = node.get(pair[1]);
                String have = row.get(pair[0]);
                if (want == null) {
                    assertThat(have).as("%s %s", at, pair[0]).isEmpty();
                } else {
                    assertThat(new BigDecimal(have)).as("%s %s", at, pair[0]).isEqualByComparingTo(new BigDecimal(want.toString()));
                }
            }
            assertThat(row.get("value_qualifier")).as(at).isEqualTo(node.get("valueQualifier"));
            assertThat(row.get("first_date")).as(at).isEqualTo(node.get("firstDate"));
            assertThat(row.get("last_date")).as(at).isEqualTo(node.get("lastDate"));
        }
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
