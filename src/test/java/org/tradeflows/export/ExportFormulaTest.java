package org.tradeflows.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.Uploads;

/**
 * Shipments whose names, references and descriptions start like spreadsheet formulas: the CSV export prefixes those
 * text cells with a quote (OWASP), numbers stay numbers, and NDJSON gives every value as it was loaded.
 */
@QuarkusTest
class ExportFormulaTest {

    static final String SOURCE = "test-formulas";
    static final String FILTER = "{\"sources\":[\"" + SOURCE + "\"]}";
    static final String FILE = """
            source_ref,supplier_name,supplier_country,recipient_name,recipient_country,date,hs_code,description,value,currency
            =REF-1,=Fictional Formula Supplier,CN,@Fictional At Recipient,RU,2023-02-01,84071000,=1+2 fictional goods,100.5,EUR
            -REF-2,+Fictional Plus Supplier,CN,-Fictional Minus Recipient,RU,2023-02-02,84071000,@SUM(A1) fictional goods,200,EUR
            """;

    @BeforeEach
    void load() {
        if (given().queryParam("filter", FILTER).when().get("/export/shipments.ndjson").asString().lines().count() <= 1) {
            Uploads.upload("shipments", FILE.getBytes(StandardCharsets.UTF_8), Uploads.source(SOURCE), 200);
        }
    }

    private static boolean formulaLeading(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
    }

    @Test
    void csvCellsNeverStartLikeAFormula() throws Exception {
        String body = given().queryParam("filter", FILTER).when().get("/export/shipments.csv").then().statusCode(200)
                .extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        assertThat(rows).hasSize(2);
        List<String> cells = new ArrayList<>();
        rows.forEach(r -> r.forEach(cells::add));
        assertThat(cells).noneMatch(ExportFormulaTest::formulaLeading);
        assertThat(rows).extracting(r -> r.get("source_record_ref")).containsExactlyInAnyOrder("'=REF-1", "'-REF-2");
        assertThat(rows).extracting(r -> r.get("description"))
                .containsExactlyInAnyOrder("'=1+2 fictional goods", "'@SUM(A1) fictional goods");
        assertThat(rows).extracting(r -> r.get("supplier_declared_name"))
                .containsExactlyInAnyOrder("'=Fictional Formula Supplier", "'+Fictional Plus Supplier");
        assertThat(rows).extracting(r -> r.get("value")).containsExactlyInAnyOrder("100.50", "200.00");
    }

    @Test
    void ndjsonKeepsTheValuesAsLoaded() throws Exception {
        String body = given().queryParam("filter", FILTER).when().get("/export/shipments.ndjson").then().statusCode(200)
                .extract().asString();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : body.lines().toList()) {
            JsonNode node = json.readTree(line);
            if (!node.has(ExportStreamer.NDJSON_TRAILER_FIELD)) {
                rows.add(node);
            }
        }
        assertThat(rows).extracting(r -> r.get("source_record_ref").asText()).containsExactlyInAnyOrder("=REF-1", "-REF-2");
        assertThat(rows).extracting(r -> r.get("description").asText())
                .containsExactlyInAnyOrder("=1+2 fictional goods", "@SUM(A1) fictional goods");
        assertThat(rows).extracting(r -> r.get("recipient_declared_name").asText())
                .containsExactlyInAnyOrder("@Fictional At Recipient", "-Fictional Minus Recipient");
    }
}
