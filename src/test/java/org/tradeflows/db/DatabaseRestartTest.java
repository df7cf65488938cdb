package org.tradeflows.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Stops and starts the local PostgreSQL cluster under the running service: meanwhile the service answers quickly with
 * a coded error and reports unready; afterwards it recovers by itself. Runs in a profile of its own (after the
 * others) and always leaves PostgreSQL running, waiting for it by polling.
 */
@QuarkusTest
@TestProfile(DatabaseRestartTest.OwnInstance.class)
class DatabaseRestartTest {

    /** A separate service instance, so that no other test class shares the pool this test disturbs. */
    public static class OwnInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeflows.limits.rate-limit.enabled", "false");
        }
    }

    private static final Map<String, Object> QUERY = Map.of("query", "{ companies { totalCount } }");

    private static String cluster() {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElse("15");
        } catch (IOException e) {
            return "15";
        }
    }

    private static int pgCtl(String action) throws Exception {
        Process p = new ProcessBuilder(List.of("pg_ctlcluster", "--skip-systemctl-redirect", cluster(), "main", action, "-m", "fast"))
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static boolean postgresAccepts() {
        try {
            Process p = new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q").start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @AfterEach
    void postgresIsRunningAgain() throws Exception {
        if (!postgresAccepts()) {
            pgCtl("start");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(DatabaseRestartTest::postgresAccepts);
    }

    @Test
    void theServiceReportsUnreadyWhilePostgresIsDownAndRecoversByItself() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")) && postgresAccepts(),
                "needs the local PostgreSQL cluster and pg_ctlcluster");
        given().when().get("/q/health/ready").then().statusCode(200);
        assertThat(query().jsonPath().getLong("data.companies.totalCount")).isPositive();

        assertThat(pgCtl("stop")).isZero();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 503);
        long started = System.nanoTime();
        Response down = query();
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.jsonPath().getString("errors[0].extensions.code")).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);

        assertThat(pgCtl("start")).isZero();
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
