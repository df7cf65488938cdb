package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;
import org.tradeflows.support.Statements;

/**
 * Answers the server keeps, by POST: a repeated query is not run again until the data changes, its answer is what
 * SmallRye's handler would send, mutations always run, and no caller ever gets an answer older than a change it saw
 * committed, however many requests share one read of the data version.
 */
@QuarkusTest
class KeptAnswersTest {

    private static final String QUERY = "query($id: ID!) { company(id: $id) { name city } }";

    @Inject
    AgroalDataSource ds;

    private static Response post(String accept, String key, String query, Map<String, Object> variables) {
        var r = given().contentType(ContentType.JSON).body(variables == null ? Map.of("query", query)
                : Map.of("query", query, "variables", variables));
        if (accept != null) {
            r = r.header("Accept", accept);
        }
        if (key != null) {
            r = r.header("Authorization", "Bearer " + key);
        }
        return r.when().post("/graphql");
    }

    @Test
    void aRepeatedQueryByPostIsAnsweredWithoutRunningItUntilTheDataChanges() {
        long company = new Fixtures(ds).company("Kept Answer Optics", "CN");
        String id = GlobalId.of("Company", company);
        Map<String, Object> vars = Map.of("id", id);
        Response first = post(null, null, QUERY, vars);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("Content-Type")).startsWith("application/json"); // GraphQL over HTTP: the type for Accept */* or none
        assertThat(first.jsonPath().getString("data.company.name")).isEqualTo("Kept Answer Optics");
        assertThat(first.header("ETag")).as("a POST answer carries no ETag").isNull();

        double before = Statements.soFar();
        Response again = post(null, null, QUERY, vars);
        assertThat(Statements.soFar() - before).as("statements for a repeated POST: the data version only").isEqualTo(1.0);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));

        // the type asked for is the type answered, as SmallRye's handler does, and part of the key
        Response json = post("application/json", null, QUERY, vars);
        assertThat(json.header("Content-Type")).isEqualTo("application/json");
        assertThat(json.jsonPath().getString("data.company.name")).isEqualTo("Kept Answer Optics");
        assertThat(post("application/json", null, QUERY, vars).header("Content-Type")).isEqualTo("application/json");

        // a correction is seen by the next POST
        GraphQL.dataAs(Keys.create("CURATOR", "kept-answers"), "mutation($i: CompanyUpdate!) { updateCompany(input: $i) { id } }",
                Map.of("i", Map.of("id", id, "city", "Shenzhen")));
        assertThat(post(null, null, QUERY, vars).jsonPath().getString("data.company.city")).isEqualTo("Shenzhen");

        // an answer with an error is run again every time
        Map<String, Object> missing = Map.of("id", GlobalId.of("Company", company + 100000));
        post(null, null, QUERY, missing);
        double beforeMissing = Statements.soFar();
        assertThat(post(null, null, QUERY, missing).jsonPath().getList("errors")).isNotEmpty();
        assertThat(Statements.soFar() - beforeMissing).as("statements for a repeated answer with an error").isGreaterThan(1.0);
    }

    @Test
    void mutationsByPostAlwaysRunAndWhatTheyChangeIsSeenAtOnce() {
        String list = "{ apiKeys(first: 100) { totalCount } }";
        int keys = GraphQL.dataAs(Keys.ADMIN, list, null).getInt("data.apiKeys.totalCount");
        String create = "mutation($i: ApiKeyInput!) { createApiKey(input: $i) { key } }";
        Map<String, Object> input = Map.of("i", Map.of("name", "kept answers twice " + System.nanoTime(), "role", "READER"));
        String one = GraphQL.dataAs(Keys.ADMIN, create, input).getString("data.createApiKey.key");
        String two = GraphQL.dataAs(Keys.ADMIN, create, input).getString("data.createApiKey.key");
        assertThat(two).as("the same mutation sent twice runs twice").isNotEqualTo(one);
        // a new key is a change of the data: the kept list of keys is not served again
        assertThat(GraphQL.dataAs(Keys.ADMIN, list, null).getInt("data.apiKeys.totalCount")).isEqualTo(keys + 2);
    }

    @Test
    void answersByPostAreKeptPerCaller() {
        String viewer = "{ viewer { authenticated roles } }";
        assertThat(post(null, null, viewer, null).jsonPath().getBoolean("data.viewer.authenticated")).isFalse();
        Response keyed = post(null, Keys.ADMIN, viewer, null);
        assertThat(keyed.jsonPath().getBoolean("data.viewer.authenticated")).isTrue();
        assertThat(keyed.jsonPath().getList("data.viewer.roles")).contains("admin");
        assertThat(post(null, null, viewer, null).jsonPath().getBoolean("data.viewer.authenticated")).isFalse();
    }

    /**
     * Writers commit a change straight to the database and then ask by GET and by POST while other clients keep the
     * service busy: every answer must show the writer's own change, whether or not its request shared a read of the
     * data version with others.
     */
    @Test
    void noAnswerIsOlderThanAChangeCommittedBeforeTheRequest() throws Exception {
        Fixtures fixtures = new Fixtures(ds);
        int writers = 3;
        List<String> ids = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            ids.add(GlobalId.of("Company", fixtures.company("Linearizable Optics " + w, "CN")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers + 4);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                readers.add(pool.submit(() -> {
                    int n = 0;
                    for (; n < 150; n++) {
                        post(null, null, QUERY, Map.of("id", ids.get(n % ids.size())));
                    }
                    return n;
                }));
            }
            List<Future<Integer>> checks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String id = ids.get(w);
                long company = GlobalId.dbId(id);
                Callable<Integer> writer = () -> {
                    int checked = 0;
                    for (int round = 0; round < 40; round++) {
                        String city = "City " + company + "-" + round;
                        fixtures.sql("update company set city = ? where id = ? returning id", city, company);
                        Response byPost = post(null, null, QUERY, Map.of("id", id));
                        assertThat(byPost.jsonPath().getString("data.company.city")).as("POST after commit").isEqualTo(city);
                        Response byGet = given().queryParam("query", QUERY).queryParam("variables", "{\"id\": \"" + id + "\"}")
                                .when().get("/graphql");
                        assertThat(byGet.jsonPath().getString("data.company.city")).as("GET after commit").isEqualTo(city);
                        checked += 2;
                    }
                    return checked;
                };
                checks.add(pool.submit(writer));
            }
            int checked = 0;
            for (Future<Integer> f : checks) {
                checked += f.get();
            }
            for (Future<Integer> f : readers) {
                assertThat(f.get()).isEqualTo(150);
            }
            assertThat(checked).isEqualTo(writers * 40 * 2);
        } finally {
            pool.shutdownNow();
        }
    }
}
