package org.tradeflows.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.SyntheticData;

/** The scripts under examples/ run against the live server, as a data scientist would run them. */
@QuarkusTest
class ExampleScriptsTest {

    static final Path WORK = Path.of("target", "examples");

    @TestHTTPResource("/")
    URL server;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() throws IOException {
        SyntheticData.load(dataSource, "examples", 3, 20, 450);
        Files.createDirectories(WORK);
    }

    private String base() {
        String s = server.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TRADEFLOWS_URL", base());
        pb.directory(Path.of("").toAbsolutePath().toFile());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("exit code of %s, output:%n%s", command, output).isZero();
        return output;
    }

    @Test
    void thePythonScriptPagesAndExportsTheSameRows() throws Exception {
        String out = run(List.of("python3", "examples/pull_shipments.py", "--url", base(), "--out", WORK.resolve("pull").toString(),
                "--filter", "{\"sources\": [\"synthetic-examples\"], \"includeSynthetic\": true}"));
        assertThat(out).contains("paged: 450 shipments").contains("export: 450 shipments").contains("complete");
        List<String> paged = Files.readAllLines(WORK.resolve("pull-paged.csv"));
        assertThat(paged).hasSize(451);
        List<String> ids = new ArrayList<>(jdbc.list("select s.id from shipment s join source x on x.id = s.source_id "
                + "where x.key = 'synthetic-examples'", List.of(), rs -> GlobalId.of("Shipment", rs.getLong(1))));
        assertThat(paged.subList(1, paged.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList())
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anEmptyPullSaysWhichDataIsMissingAndWhatExistsInstead() throws Exception {
        String out = run(List.of("python3", "examples/pull_shipments.py", "--url", base(), "--out", WORK.resolve("empty").toString(),
                "--filter", "{\"supplierCountries\": [\"CN\"], \"recipientCountries\": [\"RU\"], \"sources\": [\"synthetic-examples\"], "
                        + "\"periodFrom\": \"1995-01-01\", \"periodTo\": \"1995-12-31\"}"));
        assertThat(out).contains("paged: 0 shipments").doesNotContain("complete: both pulls hold the same rows");
        long total = jdbc.count("select count(*) from shipment", List.of());
        assertThat(out).contains("Why empty: the database holds " + total + " shipments, none matching this filter");
        long official = jdbc.count("select count(*) from trade_volume where reporter in ('CN', 'RU') and partner in ('CN', 'RU') "
                + "and period_start >= date '1995-01-01' and period_end <= date '1995-12-31'", List.of());
        assertThat(out).contains("there are " + official + " official figures").contains("fetch baci --years");
    }

    @Test
    void theShellExampleRuns() throws Exception {
        String out = run(List.of("bash", "-c", "cd target/examples && bash ../../examples/curl.sh"));
        assertThat(out).contains("at least EUR 55 million").contains("244.81 billion").containsIgnoringCase("x-tradeflows-release");
    }

    @Test
    void theStoryWalkthroughTellsTheStory() throws Exception {
        String out = run(List.of("python3", "examples/story_walkthrough.py", "--url", base()));
        assertThat(out).contains("at least EUR 55 million from 97 Chinese suppliers, 2023–2024")
                .contains("EUR 12.5 million — part of at least EUR 55 million")
                .contains("EUR 3.5 million, three months of 2023")
                .contains("854231");
    }
}
