package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.Statements;

/** With tradeflows.response-cache.enabled=false every repeated query runs again, by GET and by POST. */
@QuarkusTest
@TestProfile(ResponseCacheOffProfile.class)
class ResponseCacheOffTest {

    private static final String QUERY = "{ countries(first: 5) { edges { node { code name } } } }";

    @Test
    void withKeptAnswersOffEveryRequestRunsItsQuery() {
        Response first = given().queryParam("query", QUERY).when().get("/graphql");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.jsonPath().getList("data.countries.edges")).hasSize(5);
        for (int i = 0; i < 3; i++) {
            double before = Statements.soFar();
            Response again = given().queryParam("query", QUERY).when().get("/graphql");
            assertThat(again.asString()).isEqualTo(first.asString());
            assertThat(Statements.soFar() - before).as("statements for repeated GET %d", i).isGreaterThan(1.0);
            // the ETag still lets a browser revalidate: a 304 runs nothing but the data version read
            before = Statements.soFar();
            assertThat(given().queryParam("query", QUERY).header("If-None-Match", first.header("ETag")).when().get("/graphql")
                    .statusCode()).isEqualTo(304);
            assertThat(Statements.soFar() - before).isLessThanOrEqualTo(1.0);
        }
        given().contentType("application/json").body(Map.of("query", QUERY)).when().post("/graphql").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            double before = Statements.soFar();
            Response again = given().contentType("application/json").body(Map.of("query", QUERY)).when().post("/graphql");
            assertThat(again.jsonPath().getList("data.countries.edges")).hasSize(5);
            assertThat(Statements.soFar() - before).as("statements for repeated POST %d", i).isGreaterThan(1.0);
        }
    }
}
