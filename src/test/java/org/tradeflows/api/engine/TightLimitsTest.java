package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    /**
     * Each test starts at the first millisecond of a fresh 60 s window (windows are fixed and aligned to the clock), so
     * that no window ends halfway through a test: moving on by a minute alone left the boundary anywhere in the test,
     * and a GET counted after it came back 200 instead of 429 (seen once in a whole-suite run).
     */
    @BeforeEach
    void freshWindow() {
        long window = Duration.ofSeconds(60).toMillis();
        clock.advance(Duration.ofMillis(window - Math.floorMod(clock.millis(), window)));
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
            // a 1 s statement timeout: answered within a few seconds, not at some later limit (a 6 s timeout fails here)
            assertThat(millis).isBetween(900L, 4_500L);

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

    private static Response export(String key, String origin) {
        var r = given();
        if (key != null) {
            r = r.header("Authorization", "Bearer " + key);
        }
        if (origin != null) {
            r = r.header("Origin", origin);
        }
        return r.when().get("/export/findings.csv");
    }

    /** A GET of an export sent from another loopback address (127.0.0.2): a second anonymous client. */
    private static String exportFromAnotherAddress() throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /export/findings.csv HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void exportsCountAgainstTheSameLimitPerAddressNotForEveryone() throws Exception {
        assertThat(export(null, null).statusCode()).isEqualTo(200);
        assertThat(post(null, VIEWER).statusCode()).isEqualTo(200);
        Response third = export(null, null);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.header("X-RateLimit-Remaining")).as("GraphQL and exports share the address's count").isEqualTo("0");
        Response limited = export(null, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.jsonPath().getString("errors[0].extensions.code")).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);

        // another address has a window of its own: the limit is per address, not one for all anonymous callers
        String other = exportFromAnotherAddress();
        assertThat(other).startsWith("HTTP/1.1 200").containsIgnoringCase("X-RateLimit-Remaining: 2");
        assertThat(export(null, null).statusCode()).as("this address is still over its limit").isEqualTo(429);
    }

    @Test
    void eachKeyCountsOnItsOwnAtItsRolesLimitOnExportsToo() {
        String curator = Keys.create("CURATOR", "limits curator");
        String otherCurator = Keys.create("CURATOR", "limits curator 2");
        String admin = Keys.create("ADMIN", "limits admin");
        for (int i = 0; i < 4; i++) {
            Response ok = i % 2 == 0 ? export(curator, null) : post(curator, VIEWER);
            assertThat(ok.statusCode()).as("curator request %d", i).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("4");
        }
        Response limited = export(curator, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.jsonPath().getString("errors[0].message")).contains("4 requests per 60 s for keys of role curator");
        assertThat(post(curator, VIEWER).statusCode()).isEqualTo(429);
        // another key of the same role, an admin key and anonymous callers are not held back by it
        assertThat(export(otherCurator, null).statusCode()).isEqualTo(200);
        assertThat(post(null, VIEWER).statusCode()).isEqualTo(200);
        for (int i = 0; i < 8; i++) {
            Response ok = i % 2 == 0 ? export(admin, null) : post(admin, VIEWER);
            assertThat(ok.statusCode()).as("admin request %d", i).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("8");
        }
        Response adminLimited = export(admin, null);
        assertThat(adminLimited.statusCode()).isEqualTo(429);
        assertThat(adminLimited.jsonPath().getString("errors[0].message")).contains("for keys of role admin");
    }

    @Test
    void aBrowserOnAnotherOriginCanReadRetryAfterAndTheLimitHeaders() {
        String origin = "https://news.example";
        for (int i = 0; i < 3; i++) {
            Response ok = given().header("Origin", origin).queryParam("query", "{ viewer { authenticated } }").when().get("/graphql");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(origin);
            assertThat(exposed(ok)).contains("retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");
        }
        // over the limit, the 429 itself must be readable by the page, Retry-After included
        for (Response limited : List.of(
                given().header("Origin", origin).queryParam("query", "{ viewer { authenticated } }").when().get("/graphql"),
                given().header("Origin", origin).contentType(ContentType.JSON).body(VIEWER).when().post("/graphql"),
                export(null, origin))) {
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.header("Access-Control-Allow-Origin")).isEqualTo(origin);
            assertThat(exposed(limited)).contains("retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");
            assertThat(limited.header("Retry-After")).isNotBlank();
        }
        // a preflight is never counted nor refused, even over the limit
        given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization").when().options("/graphql")
                .then().statusCode(200).header("Access-Control-Allow-Origin", origin);
    }

    private static List<String> exposed(Response r) {
        String header = r.header("Access-Control-Expose-Headers");
        assertThat(header).as("Access-Control-Expose-Headers").isNotNull();
        return java.util.Arrays.stream(header.split(",")).map(h -> h.trim().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** The query as a text never sent before (a comment makes it new), so no answer the server kept can serve it. */
    private static String notAnsweredBefore(String query) {
        return "# " + System.nanoTime() + "\n" + query;
    }
}
