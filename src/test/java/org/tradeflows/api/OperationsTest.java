package org.tradeflows.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and users reach besides GraphQL: health with the database, metrics, GraphiQL, the examples. */
@QuarkusTest
class OperationsTest {

    @Test
    void healthIncludesTheDatabase() {
        given().when().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(equalTo("database")))
                .body("checks.find { it.name == 'database' }.data.database", equalTo("reachable"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE"))
                .body(containsString("agroal"));
    }

    @Test
    void graphiqlIsServed() {
        given().when().get("/q/graphql-ui/").then().statusCode(200).body(containsString("graphiql"));
    }

    @Test
    void examplesArePublishedWithOneClickLinksIntoGraphiql() {
        given().when().get("/examples").then().statusCode(200)
                .body(containsString("story-2-sanctioned-supplies"))
                .body(containsString("/q/graphql-ui/?query="));
        given().when().get("/examples/story-1-national-total.graphql").then().statusCode(200)
                .body(containsString("tradeVolumes"));
        given().when().get("/examples/story-1-national-total.json").then().statusCode(200)
                .body("year", equalTo(2024));
        given().when().get("/examples/..%2Fschema.graphql").then().statusCode(404);
    }
}
