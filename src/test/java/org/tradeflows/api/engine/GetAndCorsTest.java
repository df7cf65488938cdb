package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;
import org.tradeflows.support.Statements;

/** Browser front-ends: queries by GET with ETag and 304, never a mutation by GET, and CORS from any origin. */
@QuarkusTest
class GetAndCorsTest {

    private static final String QUERY = "query($id: ID!) { company(id: $id) { name city } }";

    @Inject
    AgroalDataSource ds;

    private Response get(String query, String variables, String ifNoneMatch) {
        var r = given().queryParam("query", query);
        if (variables != null) {
            r = r.queryParam("variables", variables);
        }
        if (ifNoneMatch != null) {
            r = r.header("If-None-Match", ifNoneMatch);
        }
        return r.when().get("/graphql");
    }

    @Test
    void getAnswersCarryAnETagThatA304HonoursUntilTheDataChanges() {
        long company = new Fixtures(ds).company("ETag Test Optics", "CN");
        String id = GlobalId.of("Company", company);
        String vars = "{\"id\": \"" + id + "\"}";

        Response first = get(QUERY, vars, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.jsonPath().getString("data.company.name")).isEqualTo("ETag Test Optics");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");

        Response again = get(QUERY, vars, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(again.asString()).isEmpty();

        // another query, or other variables, is another answer
        assertThat(get(QUERY, "{\"id\": \"" + GlobalId.of("Company", company + 1) + "\"}", etag).statusCode()).isEqualTo(200);
        assertThat(get("{ viewer { authenticated } }", null, etag).statusCode()).isEqualTo(200);

        // a correction changes the data: the old ETag no longer matches and the new answer shows it
        GraphQL.dataAs(Keys.create("CURATOR", "etag"), "mutation($i: CompanyUpdate!) { updateCompany(input: $i) { id } }",
                Map.of("i", Map.of("id", id, "city", "Ningbo")));
        Response changed = get(QUERY, vars, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.jsonPath().getString("data.company.city")).isEqualTo("Ningbo");
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(get(QUERY, vars, "\"other\", " + changed.header("ETag")).statusCode()).isEqualTo(304);
    }


    @Test
    void aRepeatedGetIsAnsweredAgainWithoutRunningTheQueryUntilTheDataChanges() {
        long company = new Fixtures(ds).company("Server Cache Optics", "CN");
        String id = GlobalId.of("Company", company);
        String vars = "{\"id\": \"" + id + "\"}";
        Response first = get(QUERY, vars, null);
        assertThat(first.jsonPath().getString("data.company.name")).isEqualTo("Server Cache Optics");

        double before = Statements.soFar();
        Response again = get(QUERY, vars, null);
        assertThat(Statements.soFar() - before).as("statements for a repeated GET: the data version only").isEqualTo(1.0);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));

        // the response type asked for is part of the key
        Response typed = given().queryParam("query", QUERY).queryParam("variables", vars)
                .header("Accept", "application/graphql-response+json").when().get("/graphql");
        assertThat(typed.header("Content-Type")).startsWith("application/graphql-response+json");
        assertThat(typed.jsonPath().getString("data.company.name")).isEqualTo("Server Cache Optics");

        // any change to the data is seen by the next GET
        GraphQL.dataAs(Keys.create("CURATOR", "server-cache"), "mutation($i: CompanyUpdate!) { updateCompany(input: $i) { id } }",
                Map.of("i", Map.of("id", id, "city", "Wuxi")));
        assertThat(get(QUERY, vars, null).jsonPath().getString("data.company.city")).isEqualTo("Wuxi");

        // an answer with an error is run again every time
        String missing = "{\"id\": \"" + GlobalId.of("Company", company + 100000) + "\"}";
        get(QUERY, missing, null);
        double beforeMissing = Statements.soFar();
        get(QUERY, missing, null);
        assertThat(Statements.soFar() - beforeMissing).as("statements for a repeated answer with an error").isGreaterThan(1.0);
    }

    @Test
    void answersForAKeyAreNotSharedWithOthers() {
        Response anonymous = get("{ viewer { authenticated } }", null, null);
        Response keyed = given().header("Authorization", "Bearer " + Keys.ADMIN).queryParam("query", "{ viewer { authenticated } }")
                .when().get("/graphql");
        assertThat(keyed.jsonPath().getBoolean("data.viewer.authenticated")).isTrue();
        assertThat(keyed.header("ETag")).isNotEqualTo(anonymous.header("ETag"));
        assertThat(keyed.header("Cache-Control")).startsWith("private");
        assertThat(keyed.header("Vary")).contains("Authorization");
    }

    @Test
    void mutationsAreNeverRunByGet() {
        String mutation = "mutation { createApiKey(input: {name: \"by get\", role: ADMIN}) { key } }";
        given().header("Authorization", "Bearer " + Keys.ADMIN).queryParam("query", mutation).when().get("/graphql")
                .then().statusCode(405).header("Allow", "POST").body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        String named = "query Q { viewer { name } } mutation M { createApiKey(input: {name: \"x\", role: ADMIN}) { key } }";
        given().header("Authorization", "Bearer " + Keys.ADMIN).queryParam("query", named).queryParam("operationName", "M")
                .when().get("/graphql").then().statusCode(405);
        given().queryParam("query", named).queryParam("operationName", "Q").when().get("/graphql").then().statusCode(200)
                .body("data.viewer.name", equalTo(null));
    }

    @Test
    void getParametersAreCheckedAndDecodedOnce() {
        // request errors: 200 with the errors in application/json, 400 in application/graphql-response+json
        given().when().get("/graphql").then().statusCode(200).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        given().accept("application/graphql-response+json").when().get("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        given().queryParam("query", "{ viewer { name } }").queryParam("variables", "{not json").when().get("/graphql")
                .then().statusCode(200).body("errors[0].message", containsString("variables"));
        given().queryParam("query", "{ viewer { ").when().get("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
        // '+' and '%' survive: the search text reaches the resolver exactly as sent
        given().queryParam("query", "query($s: String) { companies(filter: {search: $s}) { totalCount } }")
                .queryParam("variables", "{\"s\": \"a+b%zz\"}").when().get("/graphql").then().statusCode(200)
                .body("data.companies.totalCount", equalTo(0));
    }

    @Test
    void browsersOnAnyOriginMayCallTheApi() {
        given().header("Origin", "https://news.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .when().options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://news.example")
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "https://charts.example").queryParam("query", "{ viewer { authenticated } }")
                .when().get("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://charts.example")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    /** What the README lists as exposed, read from the header of a real cross-origin answer (GET and POST). */
    @Test
    void aPageOnAnotherOriginMayReadTheReleaseTheLimitsAndRetryAfter() {
        List<String> promised = List.of("etag", "retry-after", "x-tradeflows-release", "x-ratelimit-limit",
                "x-ratelimit-remaining", "x-ratelimit-reset");
        Response preflight = given().header("Origin", "https://news.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match").when().options("/graphql");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://news.example");
        assertThat(names(preflight.header("Access-Control-Allow-Methods"))).contains("get", "post", "options");
        assertThat(names(preflight.header("Access-Control-Allow-Headers")))
                .contains("content-type", "accept", "authorization", "if-none-match");
        for (Response real : List.of(
                given().header("Origin", "https://news.example").queryParam("query", "{ viewer { authenticated } }").when().get("/graphql"),
                given().header("Origin", "https://news.example").contentType("application/json")
                        .body(Map.of("query", "{ viewer { authenticated } }")).when().post("/graphql"))) {
            assertThat(real.statusCode()).isEqualTo(200);
            assertThat(real.header("Access-Control-Allow-Origin")).isEqualTo("https://news.example");
            assertThat(names(real.header("Access-Control-Expose-Headers"))).containsAll(promised);
            // and the headers exposed are really there to be read
            assertThat(real.header("X-RateLimit-Limit")).isNotBlank();
            assertThat(real.header("X-Tradeflows-Release")).isNotBlank();
        }
    }

    private static List<String> names(String header) {
        assertThat(header).isNotNull();
        return java.util.Arrays.stream(header.split(",")).map(h -> h.trim().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
