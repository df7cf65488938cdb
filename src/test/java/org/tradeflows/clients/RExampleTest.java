package org.tradeflows.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Processes;
import org.tradeflows.support.SyntheticData;

/**
 * examples/r/flows.R as an R user runs it, with Debian's r-base-core, r-cran-httr2 and r-cran-jsonlite (.ci/run
 * installs them; without Rscript the test is skipped and says so): its flows table and its export compared with SQL.
 */
@QuarkusTest
class RExampleTest {

    static final String NAME = "r-example";
    static final String SOURCE = "synthetic-" + NAME;

    @TestHTTPResource("/")
    URL server;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, NAME, 5, 20, 260);
    }

    @Test
    void theRScriptPullsTheFlowsTableAndTheExport() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/Rscript")), "needs Rscript (r-base-core)");
        String base = server.toString().replaceAll("/$", "");
        String out = Processes.succeed(List.of("Rscript", "examples/r/flows.R",
                "{\"sources\":[\"" + SOURCE + "\"],\"includeSynthetic\":true}", "HS2,YEAR"),
                Map.of("TRADEFLOWS_URL", base), Path.of(""));

        String from = " from shipment s join source x on x.id = s.source_id where x.key = ?";
        long groups = jdbc.count("select count(*) from (select distinct s.hs2, extract(year from s.period_start)" + from + ") g",
                List.of(SOURCE));
        long shipments = jdbc.count("select count(*)" + from, List.of(SOURCE));
        BigDecimal eur = jdbc.one("select coalesce(sum(s.value_eur), 0)" + from, List.of(SOURCE), rs -> rs.getBigDecimal(1))
                .orElseThrow();
        assertThat(out).contains(String.format("flows: %d groups, %d shipments, EUR %s", groups, shipments,
                eur.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString()));
        assertThat(out).contains("export: " + shipments + " shipments, complete (X-Tradeflows-Rows: " + shipments + ")");
    }
}
