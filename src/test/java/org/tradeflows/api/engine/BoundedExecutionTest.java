package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.Keys;

/**
 * One request cannot take the service down (issue 13): a fragment bomb is refused before anything expands it, a
 * request of many aliases is stopped at its time budget with its statements cancelled, and generated hostile queries
 * are each refused or answered within the budget while a cheap query keeps answering quickly. Mutations go through the
 * same limits and budget.
 */
@QuarkusTest
@TestProfile(BoundedExecutionProfile.class)
class BoundedExecutionTest {

    /** The profile's request budget, and what an answer may take beyond it (HTTP, a loaded machine). */
    private static final long BUDGET_MILLIS = 2_000;
    private static final long SLACK_MILLIS = 1_500;
    /**
     * Hostile requests sent at once. One: on the shared 2-core test machine two CPU-bound requests already take the
     * cores a cheap query needs; what is proved is that it never waits behind a hostile one on an event loop.
     */
    private static final int SENDERS = 1;
    private static final String FLOW_TABLES = "shipment, flow_rollup_year, flow_rollup_month, company_rollup_year";

    @Inject
    AgroalDataSource ds;

    private record Answer(int status, String code, boolean data, long millis, String message) {
    }

    private static Answer post(String query) {
        return post(Keys.ADMIN, query);
    }

    private static Answer post(String key, String query) {
        long started = System.nanoTime();
        Response r = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Authorization", "Bearer " + key).body(Map.of("query", query)).when().post("/graphql");
        long millis = (System.nanoTime() - started) / 1_000_000;
        var json = r.jsonPath();
        return new Answer(r.statusCode(), json.getString("errors[0].extensions.code"), json.get("data") != null, millis,
                json.getString("errors[0].message"));
    }

    /** A query never sent before, so that no answer the server kept can serve it. */
    private static String fresh(String query) {
        return "# " + System.nanoTime() + "\n" + query;
    }

    @Test
    void aFragmentBombIsRefusedBeforeAnythingExpandsIt() {
        for (int levels : new int[] {20, 25, 30}) {
            String bomb = "{ companies(first: 2) { edges { node { ...F" + levels + " } } } } " + QueryShapeTest.fragmentBomb(levels);
            Answer a = post(bomb);
            assertThat(a.code()).as("%d levels", levels).isEqualTo("QUERY_TOO_COMPLEX");
            assertThat(a.message()).contains("fragments are expanded").contains("limit of 2000");
            assertThat(a.millis()).as("%d levels answered in %d ms", levels, a.millis()).isLessThan(1_000);
            // the same by GET
            Response get = given().queryParam("query", bomb).when().get("/graphql");
            assertThat(get.jsonPath().getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        }
    }

    @Test
    void threeHundredAliasesOfFlowsAreStoppedAtTheBudgetWithTheirStatementsCancelled() throws Exception {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            q.append(" a").append(i).append(": flows(groupBy: [SUPPLIER_COUNTRY]) { totalCount }");
        }
        String aliases = q.append(" }").toString();
        try (Connection locker = DriverManager.getConnection(DatabaseTestResource.URL, "postgres", null);
                Connection watcher = DriverManager.getConnection(DatabaseTestResource.URL, "postgres", null)) {
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("lock table " + FLOW_TABLES + " in access exclusive mode");
            }
            Answer a = post(fresh(aliases));
            assertThat(a.status()).isEqualTo(504);
            assertThat(a.code()).isEqualTo("TIMEOUT");
            assertThat(a.message()).contains("limit of 2.0 s for one request");
            assertThat(a.millis()).isBetween(BUDGET_MILLIS - 100, BUDGET_MILLIS + SLACK_MILLIS);
            // its statements do not go on waiting on the database: within a second none is left
            assertNoStatementLeftWaiting(watcher);
            locker.rollback();
        }
        Answer unlocked = post(fresh(aliases));
        assertThat(unlocked.code()).isNull();
        assertThat(unlocked.data()).isTrue();
        assertThat(unlocked.millis()).isLessThan(BUDGET_MILLIS + SLACK_MILLIS);
    }

    /** Within a second of a stopped request, none of its statements is still waiting on the database. */
    private static void assertNoStatementLeftWaiting(Connection watcher) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        long waiting;
        do {
            waiting = waitingStatements(watcher);
        } while (waiting > 0 && System.nanoTime() < deadline);
        assertThat(waiting).as("statements of the stopped request still waiting on the database").isZero();
    }

    @Test
    void aliasedMutationsAreStoppedAtTheBudgetAndNoFurtherOneIsMade() throws Exception {
        Fixtures db = new Fixtures(ds);
        String curator = Keys.ADMIN; // a curator's role among others; one request fewer under the short budget
        long company = db.company("Bounded Mutations Trading " + System.nanoTime(), "CN");
        String id = GlobalId.of("Company", company);
        // each alias added reads the company's sanctions back (a field that may be null, so one that fails does not stop
        // the others): one statement per mutation, each under the statement timeout
        StringBuilder q = new StringBuilder("mutation {");
        for (int i = 0; i < 300; i++) {
            q.append(" a").append(i).append(": addCompanyAlias(input: {companyId: \"").append(id).append("\", name: \"budget ")
                    .append(i).append("\"}) { sanctions { listedOn } }");
        }
        String amplified = q.append(" }").toString();
        try (Connection locker = DriverManager.getConnection(DatabaseTestResource.URL, "postgres", null);
                Connection watcher = DriverManager.getConnection(DatabaseTestResource.URL, "postgres", null)) {
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("lock table sanction in access exclusive mode");
            }
            Answer a = post(curator, amplified);
            assertThat(a.status()).isEqualTo(504);
            assertThat(a.code()).isEqualTo("TIMEOUT");
            assertThat(a.message()).contains("limit of 2.0 s for one request");
            assertThat(a.millis()).isBetween(BUDGET_MILLIS - 100, BUDGET_MILLIS + SLACK_MILLIS);
            assertNoStatementLeftWaiting(watcher);
            // every mutation waited a statement timeout (1 s) on its sanctions: at most three fitted in the 2 s budget,
            // and none was made after it, though nothing holds them up any more (their reads are refused at once)
            long made = aliases(db, company);
            assertThat(made).isBetween(1L, 3L);
            Answer cheap = post(curator, "mutation { addCompanyAlias(input: {companyId: \"" + id + "\", name: \"after\"}) { name } }");
            assertThat(cheap.code()).as("%s", cheap).isNull();
            assertThat(aliases(db, company)).isEqualTo(made);
            locker.rollback();
        }
    }

    @Test
    void aCheapCuratorMutationIsMadeAndAMutationFragmentBombIsRefusedBeforeAnythingRuns() {
        Fixtures db = new Fixtures(ds);
        String curator = Keys.create("CURATOR", "bounded mutations");
        long company = db.company("Cheap Mutation Trading " + System.nanoTime(), "CN");
        String id = GlobalId.of("Company", company);
        Answer bomb = post(curator, "mutation { addCompanyAlias(input: {companyId: \"" + id + "\", name: \"budget bomb\"}) { ...F25 } } "
                + QueryShapeTest.fragmentBomb(25));
        assertThat(bomb.status()).isEqualTo(200);
        assertThat(bomb.code()).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(bomb.millis()).isLessThan(1_000);
        assertThat(aliases(db, company)).isZero();
        Answer cheap = post(curator, "mutation { addCompanyAlias(input: {companyId: \"" + id + "\", name: \"budget cheap\"}) { name aliases { name } } }");
        assertThat(cheap.status()).isEqualTo(200);
        assertThat(cheap.code()).as("%s", cheap).isNull();
        assertThat(cheap.data()).isTrue();
        assertThat(aliases(db, company)).isEqualTo(1);
    }

    @Test
    void aPostThatAcceptsNoUtf8JsonIsRefusedWithACode() {
        Response r = given().contentType(ContentType.JSON).header("Accept", "application/json; charset=ISO-8859-1")
                .body(Map.of("query", "{ viewer { authenticated } }")).when().post("/graphql");
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(r.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(r.jsonPath().getString("errors[0].message")).contains("UTF-8");
    }

    /** Aliases added by the tests above (named "budget …"), counted in SQL. */
    private static long aliases(Fixtures db, long company) {
        return db.sql("select count(*) from company_alias where company_id = ? and alias like 'budget %'", company).get(0);
    }

    private static long waitingStatements(Connection watcher) throws Exception {
        try (Statement st = watcher.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where datname = current_database() "
                        + "and pid <> pg_backend_pid() and state = 'active' and query ilike '%from%' "
                        + "and query not ilike '%pg_stat_activity%' and wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void generatedHostileQueriesAreRefusedOrAnsweredWithinTheBudgetWhileACheapQueryStaysFast() throws Exception {
        Random random = new Random(13);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            queries.add(i % 2 == 0 ? nestedFragments(random) : aliases(random));
        }
        // the first requests after start-up build the engine and warm the JIT: not what is measured here
        post(fresh("{ viewer { authenticated } }"));
        post(fresh(queries.get(0)));
        post(fresh(queries.get(1)));
        // the cheap query's own p50 on this machine, without hostile queries: what the hostile ones may add to is this
        List<Long> alone = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            alone.add(post(fresh("{ viewer { authenticated } }")).millis());
        }
        Collections.sort(alone);
        long aloneP50 = alone.get(alone.size() / 2);
        AtomicBoolean hostileDone = new AtomicBoolean();
        List<Long> cheap = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS + 1);
        try {
            Future<?> cheapLoop = pool.submit(() -> {
                while (!hostileDone.get()) {
                    Answer a = post(fresh("{ viewer { authenticated } }"));
                    assertThat(a.code()).as("the cheap query: %s", a).isNull();
                    cheap.add(a.millis());
                }
            });
            List<Future<List<String>>> senders = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                int first = t;
                senders.add(pool.submit(() -> {
                    List<String> problems = new ArrayList<>();
                    for (int i = first; i < queries.size(); i += SENDERS) {
                        Answer a = post(fresh(queries.get(i)));
                        boolean refused = "QUERY_TOO_COMPLEX".equals(a.code()) || "TIMEOUT".equals(a.code());
                        boolean answered = a.code() == null && a.data();
                        if (!(refused || answered) || a.millis() > BUDGET_MILLIS + SLACK_MILLIS) {
                            problems.add("query " + i + ": " + a + "\n" + queries.get(i));
                        }
                    }
                    return problems;
                }));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> s : senders) {
                problems.addAll(s.get(5, TimeUnit.MINUTES));
            }
            hostileDone.set(true);
            cheapLoop.get(1, TimeUnit.MINUTES);
            assertThat(problems).isEmpty();
        } finally {
            hostileDone.set(true);
            pool.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(cheap);
        Collections.sort(sorted);
        assertThat(sorted).hasSizeGreaterThan(10);
        // under 50 ms on a quiet machine (alone, the cheap query takes a few ms); on a shared one, what the hostile
        // queries add to the cheap query's p50 stays under 50 ms
        assertThat(sorted.get(sorted.size() / 2) - aloneP50)
                .as("p50 of the cheap query under hostile queries, ms, of %s, minus its p50 alone (%d ms)", sorted, aloneP50)
                .isLessThan(50);
    }

    /** Fragments on Company nested 1–30 levels, each spreading the one below 1–3 times beside 0–3 aliased scalars. */
    private static String nestedFragments(Random random) {
        int levels = 1 + random.nextInt(30);
        StringBuilder b = new StringBuilder("{ companies(first: " + (1 + random.nextInt(20)) + ") { edges { node { ...F"
                + levels + " } } } } fragment F0 on Company { name }");
        for (int i = 1; i <= levels; i++) {
            b.append(" fragment F").append(i).append(" on Company {");
            int spreads = 1 + random.nextInt(3);
            for (int s = 0; s < spreads; s++) {
                b.append(" ...F").append(i - 1);
            }
            int scalars = random.nextInt(4);
            for (int s = 0; s < scalars; s++) {
                b.append(" a").append(i).append('_').append(s).append(": ").append(random.nextBoolean() ? "name" : "sanctioned");
            }
            b.append(" }");
        }
        return b.toString();
    }

    /** 1–400 aliases of a flows aggregate, a page of companies or a country. */
    private static String aliases(Random random) {
        int n = 1 + random.nextInt(400);
        String[] fields = {"flows(groupBy: [SUPPLIER_COUNTRY, RECIPIENT_COUNTRY], first: 10) { totalCount edges { node { valueEur } } }",
                "flows { totalCount }", "companies(first: 5) { totalCount edges { node { name } } }", "country(code: \"CN\") { name }"};
        String field = fields[random.nextInt(fields.length)];
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            b.append(" a").append(i).append(": ").append(field);
        }
        return b.append(" }").toString();
    }
}
