package org.tradeflows.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.Processes;

/**
 * Issue 13: the GraphQL-over-HTTP audit as its authors ship it — graphql-http's {@code auditServer}, installed from the
 * npm registry with {@code npm ci} (src/test/js/http-audit) and run with node against this live server. Every MUST and
 * every SHOULD passes; the MAYs are choices (see GraphQLOverHttpAuditTest for ours), and are listed, not required.
 */
@QuarkusTest
class GraphQLHttpServerAuditTest {

    static final Path DIR = Path.of("src", "test", "js", "http-audit");

    @TestHTTPResource("/")
    URL server;

    @Test
    void everyMustAndShouldOfTheGraphQLOverHttpAuditPasses() throws Exception {
        Processes.succeed(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), DIR);
        String base = server.toString().replaceAll("/$", "");
        String out = Processes.succeed(List.of("node", "audit.mjs"), Map.of("TRADEFLOWS_URL", base), DIR);

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> audits = new ArrayList<>();
        for (String line : out.lines().filter(l -> l.startsWith("{")).toList()) {
            audits.add(json.readTree(line));
        }
        assertThat(audits).as("the audits graphql-http ran").hasSizeGreaterThan(50);
        assertThat(audits.stream().filter(a -> a.path("requirement").asText().equals("MUST"))).isNotEmpty();
        List<String> missed = audits.stream()
                .filter(a -> !a.path("requirement").asText().equals("MAY"))
                .filter(a -> !a.path("status").asText().equals("ok"))
                .map(a -> a.path("name").asText() + " — " + a.path("reason").asText())
                .toList();
        assertThat(missed).as("MUST and SHOULD audits not met").isEmpty();
    }
}
