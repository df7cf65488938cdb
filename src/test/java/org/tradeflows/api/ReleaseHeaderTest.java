package org.tradeflows.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Uploads;

/** Every query answer names the data release it was read from, and the name moves with the next load. */
@QuarkusTest
class ReleaseHeaderTest {

    @Inject
    Jdbc jdbc;

    private String newestRelease() {
        return jdbc.one("select key from data_release where not synthetic order by id desc limit 1", List.of(),
                rs -> rs.getString(1)).orElse("none");
    }

    private String answeredFrom(String query) {
        return given().contentType("application/json").body("{\"query\":\"" + query + "\"}")
                .when().post("/graphql").then().statusCode(200).extract().header("X-Tradeflows-Release");
    }

    @Test
    void aQueryAnswerCarriesTheReleaseItWasReadFromByPostAndGet() {
        assertThat(answeredFrom("{ currentRelease { key } }")).isEqualTo(newestRelease());
        String byGet = given().queryParam("query", "{ currentRelease { key } }").when().get("/graphql").then()
                .statusCode(200).extract().header("X-Tradeflows-Release");
        assertThat(byGet).isEqualTo(newestRelease());
    }

    @Test
    void theReleaseMovesWithTheNextLoad() {
        String before = answeredFrom("{ __typename }");
        // a BACI row with a value of its own, so that the file is new and makes a release
        String file = "t,i,j,k,v,q\n2019,156,643,840710," + (1000 + System.nanoTime() % 100_000) + ".125,1.5\n";
        Uploads.upload("baci", file.getBytes(StandardCharsets.UTF_8), Uploads.source("test-release-header"), 200);
        String after = answeredFrom("{ __typename }");
        assertThat(after).isEqualTo(newestRelease()).isNotEqualTo(before);
    }
}
