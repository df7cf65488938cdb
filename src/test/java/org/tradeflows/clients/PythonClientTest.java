package org.tradeflows.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Processes;
import org.tradeflows.support.SyntheticData;

/**
 * The Python client in clients/python, as a data scientist uses it: its own unittest suite against this live server
 * (with the shipments of its own generated source, counted here in SQL), and the package installed with pip.
 */
@QuarkusTest
class PythonClientTest {

    static final String NAME = "pyclient";
    static final String SOURCE = "synthetic-" + NAME;

    @TestHTTPResource("/")
    URL server;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, NAME, 11, 20, 333);
    }

    private String base() {
        String s = server.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String run(List<String> command, Map<String, String> env) throws Exception {
        return Processes.succeed(command, env, Path.of(""));
    }

    @Test
    void theClientsOwnTestsPassAgainstTheLiveServer() throws Exception {
        long shipments = jdbc.count("select count(*) from shipment s join source x on x.id = s.source_id where x.key = ?",
                List.of(SOURCE));
        BigDecimal eur = jdbc.one("select coalesce(sum(s.value_eur), 0) from shipment s join source x on x.id = s.source_id "
                + "where x.key = ?", List.of(SOURCE), rs -> rs.getBigDecimal(1)).orElseThrow();
        assertThat(shipments).isEqualTo(333);
        String out = run(List.of("python3", "-m", "unittest", "discover", "-s", "clients/python/tests", "-v"), Map.of(
                "PYTHONPATH", "clients/python/src", "TRADEFLOWS_URL", base(), "TF_SOURCE", SOURCE,
                "TF_EXPECTED_SHIPMENTS", Long.toString(shipments), "TF_EXPECTED_EUR", eur.toPlainString()));
        assertThat(out).contains("test_paginate_yields_every_node_once (test_client.LiveServiceTest."
                + "test_paginate_yields_every_node_once) ... ok");
        assertThat(out).contains("test_flows_sums_match_the_database (test_client.LiveServiceTest."
                + "test_flows_sums_match_the_database) ... ok");
        assertThat(out).contains("test_exports_stream_to_disk_complete_with_their_release (test_client.LiveServiceTest."
                + "test_exports_stream_to_disk_complete_with_their_release) ... ok");
        assertThat(out).containsPattern("Ran \\d+ tests").contains("\nOK");
    }

    @Test
    void thePackageInstallsWithPipAndRunsTheReadmeExample() throws Exception {
        Path target = Path.of("target", "pyclient-install").toAbsolutePath();
        run(List.of("python3", "-m", "pip", "install", "--quiet", "--no-deps", "--upgrade", "--target", target.toString(),
                "./clients/python"), Map.of());
        String out = run(List.of("python3", "-c", String.join("\n",
                "import tradeflows, os",
                "tf = tradeflows.Tradeflows(os.environ['TRADEFLOWS_URL'])",
                "rows = tf.flows(['YEAR'], sources=['" + SOURCE + "'], include_synthetic=True, as_frame='rows')",
                "print(tradeflows.__file__)",
                "print('years', sorted(int(r['year']) for r in rows))")),
                Map.of("PYTHONPATH", target.toString(), "TRADEFLOWS_URL", base()));
        assertThat(out).contains(target.toString());
        List<Integer> years = jdbc.list("select distinct extract(year from s.period_start)::int from shipment s "
                + "join source x on x.id = s.source_id where x.key = ? order by 1", List.of(SOURCE), rs -> rs.getInt(1));
        assertThat(out).contains("years " + years);
    }
}
