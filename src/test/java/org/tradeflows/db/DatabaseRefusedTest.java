package org.tradeflows.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.DatabaseTestResource;

/**
 * The test's own database refuses new connections (ALLOW_CONNECTIONS false) and its open ones are terminated: GraphQL,
 * the exports and the uploads answer SERVICE_UNAVAILABLE (503 with Retry-After where HTTP carries it), readiness
 * says the database is unreachable without quoting PostgreSQL; afterwards the service answers again by itself.
 */
@QuarkusTest
@TestProfile(DatabaseRefusedTest.OwnInstance.class)
class DatabaseRefusedTest {

    /** A separate service instance, so that no other test class shares the pool this test empties. */
    public static class OwnInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeflows.limits.rate-limit.enabled", "false");
        }
    }

    private static final String DATABASE = DatabaseTestResource.URL.replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
    private static final String SERVER = DatabaseTestResource.URL.replaceFirst("/[^/]*$", "/postgres");

    private static void allowConnections(boolean allow) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
                Statement s = c.createStatement()) {
            s.execute("alter database \"" + DATABASE.replace("\"", "\"\"") + "\" allow_connections " + allow);
            if (!allow) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                        + DATABASE.replace("'", "''") + "' and pid <> pg_backend_pid()");
            }
        }
    }

    @AfterEach
    void connectionsAreAllowedAgain() throws Exception {
        allowConnections(true);
    }

    @Test
    void aDatabaseThatRefusesConnectionsIsServiceUnavailableEverywhere() throws Exception {
        assertThat(graphql().jsonPath().getLong("data.companies.totalCount")).isPositive();
        allowConnections(false);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "SERVICE_UNAVAILABLE".equals(graphql().jsonPath().getString("errors[0].extensions.code")));
        Response query = graphql();
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(query.jsonPath().getString("errors[0].message")).isEqualTo(
                "The database is busy or unavailable; retry in a few seconds");

        Response byGet = given().queryParam("query", "{ companies { totalCount } }").when().get("/graphql");
        assertThat(byGet.jsonPath().getString("errors[0].extensions.code")).isEqualTo("SERVICE_UNAVAILABLE");
        // by GET the data version is read before GraphQL runs: its failure is an HTTP answer
        assertThat(byGet.statusCode()).isEqualTo(503);
        assertThat(byGet.header("Retry-After")).isNotBlank();
        assertThat(byGet.header("Cache-Control")).as("a transient error is never stored").isEqualTo("no-store");

        for (String export : new String[] {"/export/companies.csv", "/export/flows.ndjson", "/export/shipments.csv"}) {
            Response r = given().when().get(export);
            assertThat(r.statusCode()).as(export).isEqualTo(503);
            assertThat(r.header("Retry-After")).as(export).isNotBlank();
            assertThat(r.header("Cache-Control")).as(export).isEqualTo("no-store");
            assertThat(r.jsonPath().getString("errors[0].extensions.code")).as(export).isEqualTo("SERVICE_UNAVAILABLE");
        }

        Response upload = given().header("Authorization", "Bearer test-admin-key").contentType("text/csv")
                .body("x".getBytes()).queryParam("source", "refused").queryParam("sourceTitle", "Refused")
                .when().post("/ingest/exchange-rates");
        assertThat(upload.statusCode()).isEqualTo(503);
        assertThat(upload.jsonPath().getString("errors[0].extensions.code")).isEqualTo("SERVICE_UNAVAILABLE");

        Response ready = given().when().get("/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.jsonPath().getString("errors[0].extensions.code")).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(ready.jsonPath().getString("errors[0].message")).contains("the database is unreachable");
        assertThat(ready.asString()).doesNotContain("FATAL").doesNotContain(DATABASE).doesNotContainIgnoringCase("postgres")
                .doesNotContain("Exception");

        allowConnections(true);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        assertThat(graphql().jsonPath().getLong("data.companies.totalCount")).isPositive();
    }

    private static Response graphql() {
        return given().contentType(ContentType.JSON).body(Map.of("query", "{ companies { totalCount } }")).when().post("/graphql");
    }
}
