package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.Statements;

/**
 * tradeflows.response-cache.max-size bounds the bytes kept (16 KB in this profile): a small answer is kept and sent
 * again after the data version read alone; an answer bigger than the whole cache is never kept, so it runs every time.
 */
@QuarkusTest
@TestProfile(SmallResponseCacheProfile.class)
class ResponseCacheSizeTest {

    private static final String SMALL = "{ countries(first: 3) { edges { node { code } } } }";
    private static final String LARGE = "{ countries(first: 100) { edges { cursor node { id code name alpha3 numericCode "
            + "officialName nameRu nameZh } } } }";

    private static Response get(String query) {
        return given().queryParam("query", query).when().get("/graphql");
    }

    /** Statements the service ran for one more GET of the query. */
    private static double statementsFor(String query) {
        double before = Statements.soFar();
        assertThat(get(query).statusCode()).isEqualTo(200);
        return Statements.soFar() - before;
    }

    @Test
    void anAnswerLargerThanTheCacheIsNeverKeptASmallOneIs() {
        Response large = get(LARGE);
        assertThat(large.statusCode()).isEqualTo(200);
        assertThat(large.asByteArray().length).as("the large answer is bigger than the whole cache").isGreaterThan(16 * 1024);
        get(SMALL);
        assertThat(statementsFor(SMALL)).as("a small repeated answer: the data version only").isEqualTo(1.0);
        // Caffeine enforces the bound just after a write, so the large answer may serve once more before it goes
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> statementsFor(LARGE) > 1.0);
    }
}
