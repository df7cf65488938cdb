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
import org.tradeflows.store.Jdbc;
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
