package org.tradeflows.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The answers no endpoint writes itself are coded JSON too: unknown paths and export formats (404, with the nearest
 * path), a method a path does not take (405), bodies, URLs and headers over their limits (413, 414, 431), and the
 * health endpoints. None is empty, HTML, or names an internal.
 */
@QuarkusTest
class HttpErrorAnswersTest {

    /** Traces of internals: Java packages, class and exception names, SQL, the driver. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(org\\.tradeflows|io\\.(smallrye|quarkus|vertx)|java\\.|jakarta\\.|Exception|class |PSQL|FATAL|\\bselect\\b)");

    private static void coded(Response r, int status, String code) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.jsonPath().getString("errors[0].extensions.code")).isEqualTo(code);
        assertThat(r.jsonPath().getString("errors[0].message")).isNotBlank()
                .doesNotContainPattern(LEAK.pattern());
    }

    @Test
    void unknownPathsAre404WithTheNearestPath() {
        Response export = given().when().get("/export/shipment.csv");
        coded(export, 404, "NOT_FOUND");
        assertThat(export.jsonPath().getString("errors[0].message")).contains("did you mean /export/shipments.csv?");
        coded(given().when().get("/nothing/here"), 404, "NOT_FOUND");
        Response format = given().when().get("/export/flows.cvs");
        coded(format, 404, "NOT_FOUND");
        assertThat(format.jsonPath().getString("errors[0].message")).isEqualTo(
                "format: 'cvs' is not an export format; use csv, ndjson, parquet or arrow; did you mean csv?");
    }

    @Test
    void aMethodAPathDoesNotTakeIs405() {
        Response r = given().when().delete("/export/shipments.csv");
        coded(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.jsonPath().getString("errors[0].message")).startsWith("DELETE is not allowed on this path");
        coded(given().body("{}").when().put("/graphql"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void requestsOverTheLimitsAreCoded() {
        byte[] big = new byte[300 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        coded(given().contentType("application/json").body(big).when().post("/graphql"), 413, "REQUEST_TOO_LARGE");
        Response uri = given().queryParam("filter", "x".repeat(5000)).when().get("/export/shipments.csv");
        coded(uri, 414, "REQUEST_TOO_LARGE");
        Response headers = given().header("X-Padding", "y".repeat(25_000)).when().get("/export/shipments.csv");
        coded(headers, 431, "REQUEST_TOO_LARGE");
        // the limits stand between the decoder's and the answers: a request just under them still runs
        given().queryParam("filter", "{\"periodFrom\":\"2023-01-01\"" + " ".repeat(50) + "}").when()
                .get("/export/shipments.csv").then().statusCode(200);
    }

    @Test
    void healthAnswersInJson() {
        Response ready = given().when().get("/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.jsonPath().getString("checks.find { it.name == 'database' }.data.database")).isEqualTo("reachable");
        assertThat(given().when().get("/q/health/live").statusCode()).isEqualTo(200);
    }
}
