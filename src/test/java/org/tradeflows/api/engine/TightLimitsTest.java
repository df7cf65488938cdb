package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.AdjustableRateLimitClock;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.Keys;

/** Limits reached on purpose: the rate limit answers 429 and recovers, slow statements time out, a full pool fails fast. */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class TightLimitsTest {

    private static final Map<String, Object> VIEWER = Map.of("query", "{ viewer { authenticated } }");

    @Inject
    AdjustableRateLimitClock clock;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void freshWindow() {
        clock.advance(Duration.ofMinutes(1));
    }

    private static Response post(String key, Map<String, Object> body) {
        var r = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            r = r.header("Authorization", "Bearer " + key);
        }
        return r.when().post("/graphql");
    }

    @Test
    void anonymousCallersAreLimitedPerAddressAndRecoverWhenTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            Response ok = post(null, VIEWER);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
        }
        Response limited = post(null, VIEWER);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.jsonPath().getString("errors[0].extensions.code")).isEqualTo("RATE_LIMITED");
        assertThat(limited.jsonPath().getString("errors[0].message")).contains("3 requests per 60 s");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        // GET is counted the same way, and so are wrong keys sent from the address
        assertThat(given().queryParam("query", "{ viewer { name } }").when().get("/graphql").statusCode()).isEqualTo(429);
        assertThat(post("tf_" + "x".repeat(43), VIEWER).statusCode()).isEqualTo(429);

        // a key has its own, higher limit
        String reader = Keys.create("READER", "limits");
        for (int i = 0; i < 5; i++) {
            assertThat(post(reader, VIEWER).statusCode()).isEqualTo(200);
        }
        assertThat(post(reader, VIEWER).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(post(null, VIEWER).statusCode()).isEqualTo(200);
        assertThat(post(reader, VIEWER).statusCode()).isEqualTo(200);
    }

    @Test
    void aStatementOverTheTimeLimitIsCancelledAndAnsweredTimeout() throws Exception {
        try (Connection locker = DriverManager.getConnection(DatabaseTestResource.URL, "postgres", null)) {
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("lock table company in access exclusive mode");
            }
            long started = System.nanoTime();
            Response r = post(Keys.ADMIN, Map.of("query", notAnsweredBefore("{ companies { totalCount } }")));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.jsonPath().getString("errors[0].extensions.code")).isEqualTo("TIMEOUT");
            assertThat(r.jsonPath().getString("errors[0].message")).contains("time limit");
            assertThat(millis).isLessThan(10_000);

            // by GET, a transient error is never stored by a cache on the way, nor kept by the service
            String byGet = notAnsweredBefore("{ companies { totalCount } }");
            Response timedOut = given().header("Authorization", "Bearer " + Keys.ADMIN).queryParam("query", byGet)
                    .when().get("/graphql");
            assertThat(timedOut.jsonPath().getString("errors[0].extensions.code")).isEqualTo("TIMEOUT");
            assertThat(timedOut.header("Cache-Control")).isEqualTo("no-store");
            assertThat(timedOut.header("ETag")).isNull();
            locker.rollback();
            Response again = given().header("Authorization", "Bearer " + Keys.ADMIN).queryParam("query", byGet)
                    .when().get("/graphql");
            assertThat(again.jsonPath().getList("errors")).as("the error was not kept").isNull();
            assertThat(again.jsonPath().getLong("data.companies.totalCount")).isPositive();
            assertThat(again.header("Cache-Control")).isNotEqualTo("no-store");
        }
        assertThat(post(Keys.ADMIN, Map.of("query", "{ companies { totalCount } }")).jsonPath().getLong("data.companies.totalCount"))
                .isPositive();
    }

    @Test
    void whenThePoolIsExhaustedRequestsWaitBrieflyThenFailWithACode() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(ds.getConnection());
            }
            long started = System.nanoTime();
            Response r = post(Keys.ADMIN, Map.of("query", notAnsweredBefore("{ companies { totalCount } }")));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.jsonPath().getString("errors[0].extensions.code")).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(millis).isBetween(900L, 10_000L);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(post(Keys.ADMIN, Map.of("query", "{ companies { totalCount } }")).jsonPath().getLong("data.companies.totalCount"))
                .isPositive();
    }

    /** The query as a text never sent before (a comment makes it new), so no answer the server kept can serve it. */
    private static String notAnsweredBefore(String query) {
        return "# " + System.nanoTime() + "\n" + query;
    }
}
