package org.tradeflows.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;
import org.tradeflows.support.OwnPostgresCluster;
import org.tradeflows.support.OwnPrimaryAndReplica;

/**
 * A real streaming replica (pg_basebackup of a primary of the test's own): anonymous reads go to it and a key's
 * writes to the primary; an anonymous read right after a write sees it; a replica whose replay is paused
 * (pg_wal_replay_pause) is taken out once it lags beyond max-lag and put back when it catches up; a replica stopped
 * under load costs no request an error. /q/health shows its lag and state, /q/metrics the reads per datasource.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.WithReplica.class)
@EnabledOnOs(OS.LINUX)
class ReadReplicaTest {

    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeflows.limits.rate-limit.enabled", "false", "tradeflows.replicas.max-lag", "2S",
                    "tradeflows.replicas.check-interval", "200MS");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnPrimaryAndReplica.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final String ALIASES = "query($id: ID!) { company(id: $id) { aliases { name } } }";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    private static String setting(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    private static double reads(String datasource) {
        Matcher m = Pattern.compile("(?m)^tradeflows_sql_queries_total\\{datasource=\"" + datasource + "\"} (\\S+)$")
                .matcher(given().get("/q/metrics").asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String replicaState() {
        JsonPath health = given().get("/q/health").jsonPath();
        return health.getString("checks.find { it.name == 'replicas' }.data.'replica-1'");
    }

    private static void onReplica(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(setting(OwnPrimaryAndReplica.REPLICA_URL_KEY), "postgres", null);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Waits for the replica's state in /q/health. Up to two minutes: a replica restarted after an immediate stop first
     * recovers and catches up on what the primary wrote meanwhile (in a whole-suite run on a loaded machine that took
     * about a minute once).
     */
    private static void awaitState(String prefix) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> String.valueOf(replicaState()).startsWith(prefix));
    }

    private String company() {
        long company = new Fixtures(dataSource).company("Replica Trading " + System.nanoTime(), "CN");
        return GlobalId.of("Company", company);
    }

    private static void addAlias(String id, String name) {
        GraphQL.dataAs(Keys.ADMIN, "mutation($i: AliasInput!) { addCompanyAlias(input: $i) { id } }",
                Map.of("i", Map.of("companyId", id, "name", name)));
    }

    @Test
    void anonymousReadsGoToTheReplicaAndSeeTheWriteJustMade() {
        awaitState("in use");
        String id = company();
        addAlias(id, "Before");
        double onReplica = reads("replica-1");
        double onPrimary = reads("primary");
        // an anonymous read right after a write: served by the replica only once it has replayed the write
        JsonPath read = GraphQL.data(ALIASES, Map.of("id", id));
        assertThat(read.getList("data.company.aliases.name")).contains("Before");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String fresh = company(); // a new query each time, never a kept answer
            GraphQL.data(ALIASES, Map.of("id", fresh));
            return reads("replica-1") > onReplica;
        });
        // a curator's (here the admin's) reads stay on the primary
        double replicaBefore = reads("replica-1");
        GraphQL.dataAs(Keys.ADMIN, ALIASES, Map.of("id", company()));
        assertThat(reads("replica-1")).isEqualTo(replicaBefore);
        assertThat(reads("primary")).isGreaterThan(onPrimary);
    }

    @Test
    void aCuratorReadsTheirOwnWriteOnThePrimaryAndAReadersKeyReadsFromTheReplica() {
        awaitState("in use");
        String curator = Keys.create("CURATOR", "replica curator");
        String reader = Keys.create("READER", "replica reader");
        String id = company();
        double replicaBefore = reads("replica-1");
        double primaryBefore = reads("primary");
        JsonPath write = GraphQL.dataAs(curator, "mutation($i: AliasInput!) { addCompanyAlias(input: $i) { id } }",
                Map.of("i", Map.of("companyId", id, "name", "The curator's own write")));
        assertThat(write.getString("data.addCompanyAlias.id")).isEqualTo(id);
        JsonPath own = GraphQL.dataAs(curator, ALIASES, Map.of("id", id));
        assertThat(own.getList("data.company.aliases.name")).contains("The curator's own write");
        assertThat(reads("replica-1")).as("the curator's read went to no replica").isEqualTo(replicaBefore);
        assertThat(reads("primary")).isGreaterThan(primaryBefore);
        // a reader's key reads from the replica once it has replayed the version the reader saw
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            double onReplica = reads("replica-1");
            JsonPath read = GraphQL.dataAs(reader, ALIASES, Map.of("id", company())); // a new query: never a kept answer
            assertThat(read.getList("data.company.aliases")).isEmpty();
            return reads("replica-1") > onReplica;
        });
        assertThat(GraphQL.dataAs(reader, ALIASES, Map.of("id", id)).getList("data.company.aliases.name"))
                .contains("The curator's own write");
        // the replica has replayed the current version now, and still a curator's read goes to the primary
        double replicaNow = reads("replica-1");
        JsonPath again = GraphQL.dataAs(curator, "query($id: ID!) { company(id: $id) { name aliases { name } } }", Map.of("id", id));
        assertThat(again.getList("data.company.aliases.name")).contains("The curator's own write");
        assertThat(reads("replica-1")).as("the curator's read went to no replica").isEqualTo(replicaNow);
    }

    @Test
    void anonymousExportsStreamFromTheReplicaAndCuratorsExportsFromThePrimary() {
        awaitState("in use");
        String id = company();
        addAlias(id, "Exported"); // the replica streams the export only once it has replayed this
        // until the replica has replayed the write, the export streams from the primary; either way it holds the write
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            double onReplica = reads("replica-1");
            String csv = given().get("/export/companies.csv").then().statusCode(200).extract().asString();
            assertThat(csv).contains("Replica Trading").contains("Exported");
            return reads("replica-1") == onReplica + 1;
        });
        double replicaBefore = reads("replica-1");
        given().header("Authorization", "Bearer " + Keys.ADMIN).get("/export/companies.csv").then().statusCode(200);
        assertThat(reads("replica-1")).as("the admin's export streamed from the primary").isEqualTo(replicaBefore);
    }

    @Test
    void aReplicaWhoseReplayIsPausedIsTakenOutAndPutBackWhenItCatchesUp() throws Exception {
        awaitState("in use");
        onReplica("select pg_wal_replay_pause()");
        try {
            String id = company();
            addAlias(id, "Written while the replica is paused");
            awaitState("taken out (lagging)");
            assertThat(replicaState()).matches("taken out \\(lagging\\), lag \\d+\\.\\d s");
            double onReplica = reads("replica-1");
            JsonPath read = GraphQL.data(ALIASES, Map.of("id", id));
            assertThat(read.getList("data.company.aliases.name")).contains("Written while the replica is paused");
            assertThat(reads("replica-1")).as("no read went to the lagging replica").isEqualTo(onReplica);
        } finally {
            onReplica("select pg_wal_replay_resume()");
        }
        awaitState("in use");
    }

    @Test
    void aReplicaStoppedUnderLoadCostsNoRequestAnError() throws Exception {
        awaitState("in use");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> clients = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int client = t;
                clients.add(load.submit(() -> {
                    int i = 0;
                    while (running.get()) {
                        JsonPath a = GraphQL.post("query($c: String!) { companies(filter: {search: $c}, first: 1) { totalCount } }",
                                Map.of("c", "load " + client + " " + i++)); // distinct: never a kept answer
                        assertThat(a.getList("errors")).as("%s", a.prettify()).isNullOrEmpty();
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() > 20);
            OwnPostgresCluster.run("pg_ctlcluster", "--skip-systemctl-redirect", setting(OwnPrimaryAndReplica.VERSION_KEY),
                    setting(OwnPrimaryAndReplica.REPLICA_NAME_KEY), "stop", "-m", "immediate");
            awaitState("taken out (unreachable)");
            int afterStop = answered.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() > afterStop + 20);
            running.set(false);
            for (Future<?> f : clients) {
                f.get(); // rethrows any failed request
            }
        } finally {
            running.set(false);
            load.shutdownNow();
            OwnPostgresCluster.run("pg_ctlcluster", "--skip-systemctl-redirect", setting(OwnPrimaryAndReplica.VERSION_KEY),
                    setting(OwnPrimaryAndReplica.REPLICA_NAME_KEY), "start");
        }
        awaitState("in use");
    }
}
