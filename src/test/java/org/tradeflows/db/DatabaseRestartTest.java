package org.tradeflows.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.tradeflows.support.OwnPostgresCluster;

/**
 * Stops and starts PostgreSQL under the running service: meanwhile the service answers quickly with a coded error
 * and reports unready; afterwards it recovers by itself. The server it stops is a cluster of the test's own
 * (support/OwnPostgresCluster), never the shared one other suites on the machine are using.
 */
@QuarkusTest
@TestProfile(DatabaseRestartTest.OwnInstance.class)
// postgresql-common exists only on Linux: skipped on other developers' machines, never on CI (Linux), where a
// missing pg_createcluster fails the test with a clear message
@EnabledOnOs(OS.LINUX)
class DatabaseRestartTest {

    /** A separate service instance on a PostgreSQL cluster of its own, instead of the shared test database. */
    public static class OwnInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeflows.limits.rate-limit.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnPostgresCluster.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** How long a request may take to say the database is unavailable (see the test for why this figure). */
    static final long DOWN_ANSWER_MILLIS = 4_900;

    private static final Map<String, Object> QUERY = Map.of("query", "{ companies { totalCount } }");

    private static String setting(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    private static void pgCtl(String action) {
        OwnPostgresCluster.run("pg_ctlcluster", "--skip-systemctl-redirect", setting(OwnPostgresCluster.VERSION_KEY),
                setting(OwnPostgresCluster.NAME_KEY), action, "-m", "fast");
    }

    private static boolean postgresAccepts() {
        try {
            Process p = new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-p", setting(OwnPostgresCluster.PORT_KEY),
                    "-q").start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theServiceReportsUnreadyWhilePostgresIsDownAndRecoversByItself() throws Exception {
        // the server stopped below must be the one the service uses, and not the shared one
        assertThat(setting("quarkus.datasource.jdbc.url"))
                .startsWith("jdbc:postgresql://127.0.0.1:" + setting(OwnPostgresCluster.PORT_KEY) + "/");
        assertThat(postgresAccepts()).isTrue();
        given().when().get("/q/health/ready").then().statusCode(200);
        assertThat(query().jsonPath().getLong("data.companies.totalCount")).isPositive();

        pgCtl("stop");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 503);
        // "At once" would be milliseconds (a refused connection fails at once), but every request while PostgreSQL was
        // down took 4.1-4.2 s when this bound was set (src/test/MUTATIONS.md, row 26): an open finding against the
        // README. Until it is fixed the bound sits just under the pool's 5 s acquisition timeout, so that a request
        // that waits for that timeout, or retries on top of today's wait, fails here (the old 10 s bound let both
        // pass); five requests, so that the pool may not learn to wait longer after its first failures.
        List<Long> answered = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            Response down = query();
            long millis = (System.nanoTime() - started) / 1_000_000;
            answered.add(millis);
            assertThat(down.statusCode()).isEqualTo(200);
            assertThat(down.jsonPath().getString("errors[0].extensions.code")).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(millis).as("request %d while PostgreSQL is down answered in (ms), all: %s", i + 1, answered)
                    .isLessThan(DOWN_ANSWER_MILLIS);
        }
        System.out.println("DatabaseRestartTest: requests while PostgreSQL was down answered in " + answered + " ms");

        pgCtl("start");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(DatabaseRestartTest::postgresAccepts);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        // every pooled connection died with the server: none of them may fail a request now
        for (int i = 0; i < 20; i++) {
            assertThat(query().jsonPath().getLong("data.companies.totalCount")).isPositive();
        }
    }

    private static Response query() {
        return given().contentType(ContentType.JSON).body(QUERY).when().post("/graphql");
    }
}
