package org.tradeflows.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.Keys;
import org.tradeflows.support.Uploads;

/**
 * Uploading is for curators: no key is 401, an unknown key 401, a key without the curator role 403, each answered with
 * a coded JSON body.
 */
@QuarkusTest
class IngestAccessTest {

    private static final byte[] RATES = Uploads.example("exchange-rates.csv");

    @Test
    void withoutAKeyTheEndpointRefuses() {
        given().contentType("text/csv").body(RATES).when().post("/ingest/exchange-rates").then().statusCode(401)
                .contentType(startsWith("application/json")).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", startsWith("Authorization: "));
    }

    @Test
    void anUnknownKeyIsRefused() {
        given().header("Authorization", "Bearer not-a-key").contentType("text/csv").body(RATES)
                .when().post("/ingest/exchange-rates").then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", containsString("uploads need the key of a curator"))
                .body("errors[0].message", containsString("TRADEFLOWS_ADMIN_KEY"))
                .body("errors[0].message", not(containsString("anonymously")));
    }

    @Test
    void anUnknownKeyOnAReadKeepsTheReadersAdvice() {
        given().header("Authorization", "Bearer not-a-key").contentType("application/json")
                .body("{\"query\":\"{ __typename }\"}").when().post("/graphql").then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", containsString("send no Authorization header to read anonymously"));
    }

    @Test
    void aReaderKeyIsForbiddenACuratorKeyMayUpload() {
        // real keys, made by createApiKey as the README says, not a test identity
        String reader = Keys.create("READER", "ingest access reader");
        given().header("Authorization", "Bearer " + reader).contentType("text/csv").body(RATES)
                .queryParam("source", "test-access").queryParam("sourceTitle", "Access test").queryParam("dryRun", true)
                .when().post("/ingest/exchange-rates").then().statusCode(403)
                .contentType(startsWith("application/json")).body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", containsString("curator"));
        String curator = Keys.create("CURATOR", "ingest access curator");
        given().header("Authorization", "Bearer " + curator).contentType("text/csv").body(RATES)
                .queryParam("source", "test-access").queryParam("sourceTitle", "Access test").queryParam("dryRun", true)
                .when().post("/ingest/exchange-rates").then().statusCode(200).body("status", equalTo("DRY_RUN"));
    }

    @Test
    void theAdminKeyCarriesTheCuratorRole() {
        given().header("Authorization", "Bearer " + Uploads.ADMIN_KEY).contentType("text/csv").body(RATES)
                .queryParam("source", "test-access").queryParam("sourceTitle", "Access test").queryParam("dryRun", true)
                .when().post("/ingest/exchange-rates").then().statusCode(200).body("status", equalTo("DRY_RUN"));
    }
}
