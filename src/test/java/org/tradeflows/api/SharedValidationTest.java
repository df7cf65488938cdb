package org.tradeflows.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.GraphQL;

/**
 * GraphQL and the exports take the same inputs and refuse the same ones with the same words: a bad date, a NUL
 * character, a number beyond any stored value, too many grouping dimensions, a malformed product code. Every refusal
 * is BAD_USER_INPUT, names the field, and never names a Java type.
 */
@QuarkusTest
class SharedValidationTest {

    /** The message GraphQL gives for flows(filter: …), and the one the export gives for the same filter as JSON. */
    private static String[] both(String graphqlFilter, String jsonFilter, String export) {
        JsonPath g = GraphQL.post("{ flows(filter: " + graphqlFilter + ") { edges { cursor } } }");
        assertThat(g.getString("errors[0].extensions.code")).as(graphqlFilter).isEqualTo("BAD_USER_INPUT");
        Response e = given().queryParam("filter", jsonFilter).when().get(export);
        assertThat(e.statusCode()).as(jsonFilter).isEqualTo(400);
        assertThat(e.contentType()).startsWith("application/json");
        assertThat(e.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        String[] messages = {g.getString("errors[0].message"), e.jsonPath().getString("errors[0].message")};
        for (String m : messages) {
            assertThat(m).doesNotContainPattern("java\\.|org\\.tradeflows|class |Exception|LocalDate|BigDecimal");
        }
        return messages;
    }

    @Test
    void aBadDateIsNamedTheSameWayInBoth() {
        String[] m = both("{periodFrom: \"2023-13-45\"}", "{\"periodFrom\":\"2023-13-45\"}", "/export/shipments.csv");
        assertThat(m[0]).contains("periodFrom").contains("\"2023-13-45\" is not a date (YYYY-MM-DD)");
        assertThat(m[1]).isEqualTo("filter.periodFrom: \"2023-13-45\" is not a date (YYYY-MM-DD)");
    }

    @Test
    void aBadDateInAVariableIsNamedToo() {
        JsonPath g = GraphQL.post("query($f: FlowFilter) { flows(filter: $f) { edges { cursor } } }",
                Map.of("f", Map.of("periodTo", "yesterday")));
        assertThat(g.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(g.getString("errors[0].message")).contains("periodTo").contains("is not a date (YYYY-MM-DD)")
                .doesNotContain("LocalDate").doesNotContain("java.");
    }

    @Test
    void aNulCharacterIsRefusedInBothWithTheSameMessage() {
        String[] m = both("{topic: \"drone\\u0000\"}", "{\"topic\":\"drone\\u0000\"}", "/export/shipments.ndjson");
        assertThat(m[0]).isEqualTo("filter.topic: contains a NUL character (U+0000), which no value in Tradeflows holds; remove it");
        assertThat(m[1]).isEqualTo(m[0]);
        JsonPath companies = GraphQL.post("{ companies(filter: {search: \"Ural\\u0000\"}) { totalCount } }");
        assertThat(companies.getString("errors[0].message")).startsWith("filter.search: contains a NUL character");
        Response export = given().queryParam("filter", "{\"search\":\"Ural\\u0000\"}").when().get("/export/companies.csv");
        assertThat(export.statusCode()).isEqualTo(400);
        assertThat(export.jsonPath().getString("errors[0].message")).isEqualTo(companies.getString("errors[0].message"));
    }

    @Test
    void aNumberBeyondAnyStoredValueIsRefusedNotReadAsZero() {
        String[] m = both("{minValueEur: \"1e999999999\"}", "{\"minValueEur\":1e999999999}", "/export/shipments.csv");
        assertThat(m[0]).startsWith("filter.minValueEur: ").contains("larger than any stored value");
        assertThat(m[1]).isEqualTo(m[0]);
        String[] numeric = both("{minValueEur: 1e999999999}", "{\"minValueEur\":1e999999999}", "/export/flows.csv");
        assertThat(numeric[0]).startsWith("filter.minValueEur: ");
    }

    @Test
    void theExportsRefuseWhatGraphQLRefuses() {
        String dims = "SUPPLIER_COUNTRY,RECIPIENT_COUNTRY,HS2,HS4,HS6,YEAR,MONTH";
        JsonPath g = GraphQL.post("{ flows(groupBy: [" + dims + "]) { edges { cursor } } }");
        Response e = given().queryParam("groupBy", dims).when().get("/export/flows.csv");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.jsonPath().getString("errors[0].message")).isEqualTo(g.getString("errors[0].message"))
                .isEqualTo("groupBy: at most 6 dimensions, got 7");

        JsonPath code = GraphQL.post("{ findings(filter: {productCode: \"' OR 1=1--\"}) { totalCount } }");
        Response codeExport = given().queryParam("filter", "{\"productCode\":\"' OR 1=1--\"}").when().get("/export/findings.csv");
        assertThat(codeExport.statusCode()).isEqualTo(400);
        assertThat(codeExport.jsonPath().getString("errors[0].message")).isEqualTo(code.getString("errors[0].message"))
                .startsWith("filter.productCode: ");

        JsonPath volume = GraphQL.post("{ tradeVolumes(filter: {productCode: \"' OR 1=1--\"}) { totalCount } }");
        Response volumeExport = given().queryParam("filter", "{\"productCode\":\"' OR 1=1--\"}")
                .when().get("/export/trade-volumes.ndjson");
        assertThat(volumeExport.statusCode()).isEqualTo(400);
        assertThat(volumeExport.jsonPath().getString("errors[0].message")).isEqualTo(volume.getString("errors[0].message"));

        JsonPath country = GraphQL.post("{ companies(filter: {countries: [\"XX\"]}) { totalCount } }");
        Response countryExport = given().queryParam("filter", "{\"countries\":[\"XX\"]}").when().get("/export/companies.csv");
        assertThat(countryExport.jsonPath().getString("errors[0].message")).isEqualTo(country.getString("errors[0].message"));
    }

    @Test
    void aNumberIsNeitherADateNorTrueOrFalseInEither() {
        String[] date = both("{periodFrom: 5}", "{\"periodFrom\":5}", "/export/shipments.csv");
        assertThat(date[0]).isEqualTo("filter.periodFrom: not a valid Date (write it as a string, YYYY-MM-DD)");
        assertThat(date[1]).isEqualTo("filter.periodFrom: expected a date as a string (YYYY-MM-DD)");
        String[] flag = both("{recipientSanctioned: 1}", "{\"recipientSanctioned\":1}", "/export/flows.csv");
        assertThat(flag[0]).startsWith("filter.recipientSanctioned: ");
        assertThat(flag[1]).isEqualTo("filter.recipientSanctioned: \"1\" is not true or false");
        Response text = given().queryParam("filter", "{\"includeSynthetic\":\"true\"}").when().get("/export/shipments.csv");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.jsonPath().getString("errors[0].message")).startsWith("filter.includeSynthetic: ")
                .endsWith(" is not true or false");
        JsonPath variable = GraphQL.post("query($f: FlowFilter) { flows(filter: $f) { edges { cursor } } }",
                Map.of("f", Map.of("periodFrom", 5)));
        assertThat(variable.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(variable.getString("errors[0].message")).contains("a number").doesNotContain("BigDecimal");
    }

    @Test
    void aRepeatedDimensionCountsOnceInBoth() {
        JsonPath g = GraphQL.post("{ flows(groupBy: [YEAR, YEAR]) { edges { node { year } } } }");
        assertThat(g.getList("errors")).isNull();
        Response e = given().queryParam("groupBy", "YEAR,YEAR").when().get("/export/flows.csv");
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.asString().lines().findFirst().orElseThrow()).startsWith("year,value_eur");
    }

    @Test
    void misspelledNamesComeWithTheNearestValidOne() {
        Response field = given().queryParam("filter", "{\"perodFrom\":\"2024-01-01\"}").when().get("/export/shipments.csv");
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(field.jsonPath().getString("errors[0].message"))
                .isEqualTo("filter: 'perodFrom' is not a field of FlowFilter; did you mean periodFrom?");
        Response dim = given().queryParam("groupBy", "YEAR,SUPLIER_COUNTRY").when().get("/export/flows.csv");
        assertThat(dim.jsonPath().getString("errors[0].message"))
                .startsWith("groupBy[1]: 'SUPLIER_COUNTRY' is not a FlowDimension").endsWith("did you mean SUPPLIER_COUNTRY?");

        JsonPath typo = GraphQL.post("{ companies { edges { node { nmae } } } }");
        assertThat(typo.getString("errors[0].extensions.code")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        String message = typo.getString("errors[0].message");
        assertThat(message).contains("nmae").contains("did you mean name?");
        assertThat(message.indexOf("Validation error")).isEqualTo(message.lastIndexOf("Validation error"));
        assertThat(message).doesNotContain("FieldUndefined");

        JsonPath input = GraphQL.post("{ flows(filter: {perodFrom: \"2024-01-01\"}) { edges { cursor } } }");
        assertThat(input.getString("errors[0].message")).contains("perodFrom").contains("did you mean periodFrom?");
        JsonPath argument = GraphQL.post("{ flows(fitler: {}) { edges { cursor } } }");
        assertThat(argument.getString("errors[0].message")).contains("fitler").contains("did you mean filter?");
    }
}
