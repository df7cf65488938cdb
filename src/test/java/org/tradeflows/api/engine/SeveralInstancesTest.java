package org.tradeflows.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.Keys;
import org.tradeflows.support.OwnRedis;
import org.tradeflows.support.ServiceProcess;

/**
 * Two service instances on one database and one Redis — A is the instance under test, B the built jar as a child
 * process — answer as one: a write through A is read through B, an answer A ran is served by B from Redis, a reader's
 * rate limit holds across both under a burst, and when Redis stops both keep answering (limits per instance, said
 * once in the log and in /q/health) and share again when it is back.
 */
@QuarkusTest
@TestProfile(SeveralInstancesProfile.class)
class SeveralInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServiceProcess b;

    @TestHTTPResource("/")
    URI a;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        b = ServiceProcess.start("several-instances-b", SeveralInstancesProfile.SHARED);
    }

    @AfterAll
    static void stopSecondInstance() throws Exception {
        if (b != null) {
            b.close();
        }
        OwnRedis.startServer(); // as the test resource left it, whatever a failed test did
    }

    private URI bUri() {
        return b.uri("/");
    }

    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static Answer post(URI base, String key, String query, Map<String, Object> variables) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve("/graphql")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        variables == null ? Map.of("query", query) : Map.of("query", query, "variables", variables))));
        if (key != null) {
            r.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    private static JsonNode health(URI base) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/q/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode check : JSON.readTree(r.body()).get("checks")) {
            if (check.get("name").asText().equals("redis")) {
                return check;
            }
        }
        throw new AssertionError("no redis check in " + r.body());
    }

    /** A counter of the instance's /q/metrics, 0 when it has not been counted yet. */
    private static double metric(URI base, String name, String labels) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(base.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static final String ALIASES = "query($id: ID!) { company(id: $id) { aliases { name } } }";

    @Test
    void aWriteThroughAIsReadThroughBAndAnAnswerRunByAIsServedByBFromRedis() throws Exception {
        long company = new Fixtures(dataSource).company("Two Instances Trading " + System.nanoTime(), "CN");
        Map<String, Object> vars = Map.of("id", GlobalId.of("Company", company));

        Answer byA = post(a, null, ALIASES, vars);
        assertThat(byA.status()).as(byA.body()).isEqualTo(200);
        long version = jdbc.count("select version from data_version", List.of());
        assertThat(OwnRedis.cli("--scan", "--pattern", "tradeflows:answer:" + version + ":*"))
                .as("A kept its answer in Redis under the data version").isNotBlank();
        double fromRedis = metric(bUri(), "tradeflows_kept_answers_total", "from=\"redis\"");
        Answer byB = post(bUri(), null, ALIASES, vars);
        assertThat(byB.body()).isEqualTo(byA.body());
        assertThat(metric(bUri(), "tradeflows_kept_answers_total", "from=\"redis\"")).as("B answered from Redis")
                .isEqualTo(fromRedis + 1);

        Answer write = post(a, Keys.ADMIN, "mutation($i: AliasInput!) { addCompanyAlias(input: $i) { id } }",
                Map.of("i", Map.of("companyId", vars.get("id"), "name", "Written through A")));
        assertThat(write.body()).doesNotContain("\"errors\"");
        Answer after = post(bUri(), null, ALIASES, vars);
        assertThat(after.json().at("/data/company/aliases").toString()).contains("Written through A");
        assertThat(jdbc.count("select count(*) from company_alias where company_id = ? and alias = 'Written through A'",
                List.of(company))).isEqualTo(1);
        // the instance that saw the data version move dropped the older versions' answers from Redis
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> OwnRedis.cli("--scan", "--pattern", "tradeflows:answer:" + version + ":*").isBlank());
        assertThat(post(a, null, ALIASES, vars).body()).isEqualTo(after.body());
    }

    @Test
    void aReadersRateLimitHoldsAcrossBothInstancesUnderABurst() throws Exception {
        String reader = Keys.create("READER", "burst over two instances");
        // a window of an hour: if it is about to turn, wait for the next one so that the burst falls in one window
        Answer first = post(a, reader, "{ __typename }", null);
        long reset = Long.parseLong(first.response().headers().firstValue("X-RateLimit-Reset").orElseThrow());
        if (reset < 120) {
            await().atMost(Duration.ofSeconds(reset + 30)).pollInterval(Duration.ofSeconds(1)).until(() -> Long.parseLong(
                    post(a, null, "{ __typename }", null).response().headers().firstValue("X-RateLimit-Reset")
                            .orElseThrow()) > 120);
            reader = Keys.create("READER", "burst over two instances");
            first = post(a, reader, "{ __typename }", null);
        }
        assertThat(first.status()).isEqualTo(200);
        String key = reader;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> burst = new ArrayList<>();
            for (int i = 0; i < 99; i++) {
                URI to = i % 2 == 0 ? a : bUri();
                burst.add(() -> post(to, key, "{ __typename }", null).status());
            }
            int admitted = 1;
            int refused = 0;
            for (Future<Integer> f : pool.invokeAll(burst)) {
                int status = f.get();
                assertThat(status).isIn(200, 429);
                if (status == 200) {
                    admitted++;
                } else {
                    refused++;
                }
            }
            assertThat(admitted).as("requests admitted by A and B together").isEqualTo(40);
            assertThat(refused).isEqualTo(60);
        } finally {
            pool.shutdownNow();
        }
        Answer overA = post(a, key, "{ __typename }", null);
        Answer overB = post(bUri(), key, "{ __typename }", null);
        assertThat(overA.status()).isEqualTo(429);
        assertThat(overB.status()).isEqualTo(429);
        assertThat(overB.json().at("/errors/0/extensions/code").asText()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void whenRedisStopsBothInstancesKeepAnsweringAndShareAgainWhenItIsBack() throws Exception {
        String query = "{ country(code: \"CN\") { name } }";
        assertThat(health(a).at("/data/state").asText()).isEqualTo("connected");
        OwnRedis.stopServer();
        try {
            for (int i = 0; i < 20; i++) {
                for (URI to : List.of(a, bUri())) {
                    Answer answer = post(to, null, query, null);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    assertThat(answer.json().at("/data/country/name").asText()).isNotEmpty();
                }
            }
            for (URI to : List.of(a, bUri())) {
                JsonNode check = health(to);
                assertThat(check.get("status").asText()).isEqualTo("UP");
                assertThat(check.at("/data/state").asText()).isEqualTo("unreachable");
                assertThat(check.at("/data/rateLimits").asText()).isEqualTo("per instance until Redis answers again");
            }
            String reader = Keys.create("READER", "while Redis is away");
            double countedHere = metric(bUri(), "tradeflows_rate_limit_counted_total", "where=\"instance\"");
            Answer limited = post(bUri(), reader, "{ __typename }", null);
            assertThat(limited.status()).isEqualTo(200);
            assertThat(limited.response().headers().firstValue("X-RateLimit-Remaining")).hasValue("39");
            assertThat(metric(bUri(), "tradeflows_rate_limit_counted_total", "where=\"instance\""))
                    .as("counted in B's memory, as the metric says").isGreaterThan(countedHere);
            assertThat(b.log().split("is unreachable", -1).length - 1).as("the outage is logged once").isEqualTo(1);
        } finally {
            OwnRedis.startServer();
        }
        for (URI to : List.of(a, bUri())) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> health(to).at("/data/state").asText().equals("connected"));
        }
        assertThat(b.log()).contains("answers again");
        String reader = Keys.create("READER", "after Redis came back");
        double countedInRedis = metric(bUri(), "tradeflows_rate_limit_counted_total", "where=\"redis\"");
        post(a, reader, "{ __typename }", null);
        Answer second = post(bUri(), reader, "{ __typename }", null);
        assertThat(second.response().headers().firstValue("X-RateLimit-Remaining")).as("counted across both again")
                .hasValue("38");
        assertThat(metric(bUri(), "tradeflows_rate_limit_counted_total", "where=\"redis\"")).isGreaterThan(countedInRedis);
        assertThat(OwnRedis.cli("--scan", "--pattern", "tradeflows:rate:*")).isNotBlank();
    }
}
