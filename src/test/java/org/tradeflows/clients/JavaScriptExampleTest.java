package org.tradeflows.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeflows.api.live.LiveHub;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Uploads;
import org.tradeflows.support.Processes;

/**
 * examples/js as a front-end developer runs it: {@code npm ci} from the committed lock file (graphql-request from the
 * npm registry), then each script with node against this live server, its output compared with SQL.
 */
@QuarkusTest
class JavaScriptExampleTest {

    static final Path DIR = Path.of("examples", "js");

    @TestHTTPResource("/")
    URL server;
    @Inject
    Jdbc jdbc;
    @Inject
    LiveHub hub;

    @BeforeAll
    static void install() throws Exception {
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of());
    }

    private String base() {
        String s = server.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String run(List<String> command, Map<String, String> env) throws Exception {
        return Processes.succeed(command, env, DIR);
    }

    @Test
    void theFactBoxPrintsTheFindingWithItsCitation() throws Exception {
        String out = run(List.of("node", "factbox.mjs", "direct-supplies-to-sanctioned-firms"), Map.of("TRADEFLOWS_URL", base()));
        Map<String, String> finding = jdbc.one("select f.statement, s.citation from finding f join source s on s.id = f.source_id "
                + "where f.key = 'direct-supplies-to-sanctioned-firms'", List.of(),
                rs -> Map.of("statement", rs.getString(1), "citation", rs.getString(2))).orElseThrow();
        assertThat(out).contains(finding.get("statement")).contains("Source: ");
    }

    @Test
    void theFactBoxByPersistedQuerySendsItsHashAndTheTextOnlyOnce() throws Exception {
        String statement = jdbc.one("select statement from finding where key = 'direct-supplies-to-sanctioned-firms'",
                List.of(), rs -> rs.getString(1)).orElseThrow();
        String first = run(List.of("node", "persisted.mjs"), Map.of("TRADEFLOWS_URL", base()));
        assertThat(first).contains("not known yet: sent once with its text").contains(statement);
        String second = run(List.of("node", "persisted.mjs"), Map.of("TRADEFLOWS_URL", base()));
        assertThat(second).contains("answered by hash").contains("public").doesNotContain("not known yet").contains(statement);
    }

    /** graphql-ws subscribes to releasePublished; a load is printed as it commits; run again with its token, the missed one. */
    @Test
    void theLiveScriptPrintsAReleaseAsItCommitsAndResumesAfterItsLastSequence() throws Exception {
        int before = hub.subscribers();
        ProcessBuilder pb = new ProcessBuilder("node", "live.mjs").directory(DIR.toFile()).redirectErrorStream(true);
        pb.environment().put("TRADEFLOWS_URL", base());
        Process node = pb.start();
        java.util.concurrent.BlockingQueue<String> out = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(node.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)).lines().forEach(out::add));
        reader.setDaemon(true);
        reader.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> hub.subscribers() > before);
            String keyA = load("test-live-js-a");
            assertThat(node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("node ended after one event").isTrue();
            reader.join(5000);
            String printed = String.join("\n", out);
            long seqA = jdbc.count("select e.seq from live_event e join data_release r on e.subject = r.id::text "
                    + "and e.kind = 'RELEASE_PUBLISHED' where r.key = ?", List.of(keyA));
            assertThat(node.exitValue()).as(printed).isZero();
            assertThat(printed).contains("connected").contains("release " + keyA + " (INGEST), sequence " + seqA);

            String keyB = load("test-live-js-b");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.count(
                    "select count(*) from live_event e join data_release r on e.subject = r.id::text "
                    + "and e.kind = 'RELEASE_PUBLISHED' where r.key = ?",
                    List.of(keyB)) == 1);
            String resumed = Processes.succeed(List.of("node", "live.mjs"), Map.of("TRADEFLOWS_URL", base(),
                    "RESUME_AFTER", String.valueOf(seqA)), DIR);
            assertThat(resumed).contains("release " + keyB + " (INGEST)");
        } finally {
            node.destroy();
        }
    }

    private static String load(String source) {
        Map<String, Object> params = new java.util.LinkedHashMap<>(Uploads.source(source));
        params.put("replace", true);
        return Uploads.upload("baci", "t,i,j,k,v,q\n2021,156,643,840710,100.000,1\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), params, 200).getString("releaseKey");
    }

    @Test
    void anUnknownFindingIsReportedWithItsCode() throws Exception {
        Processes.Ran ran = Processes.run(List.of("node", "factbox.mjs", "no-such-finding"), Map.of("TRADEFLOWS_URL", base()), DIR);
        String out = ran.output();
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(out).contains("NOT_FOUND: ");
    }

    @Test
    void thePagedListFollowsTheCursorsToTheEnd() throws Exception {
        String out = run(List.of("node", "paged-list.mjs"), Map.of("TRADEFLOWS_URL", base()));
        long total = jdbc.count("select count(*) from company c where c.merged_into_id is null and exists (select 1 from "
                + "sanction s where s.company_id = c.id and sanction_in_force(s.confirmed, s.listed_on, s.ended_on, current_date))"
                + " and not exists (select 1 from data_release r where r.id = c.release_id and r.synthetic)", List.of());
        assertThat(total).isPositive();
        assertThat(out).contains(total + " of " + total + " sanctioned companies in " + ((total + 9) / 10) + " page(s)");
        assertThat(out.lines().filter(l -> l.matches("^ *\\d+\\. .*")).count()).isEqualTo(total);
    }
}
