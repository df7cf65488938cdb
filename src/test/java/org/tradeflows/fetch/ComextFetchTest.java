package org.tradeflows.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeflows.fetch.cli.FetchCommand;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.FilePublisher;

/**
 * The Comext connector against Eurostat's dissemination API replayed on loopback: SDMX-CSV of DS-045409 in its
 * layout, with synthetic figures (made up for the test, not Eurostat's), including the lines the loader must leave
 * out (CN8 lines, HS2 totals, quantities, partner aggregates). Steps build on each other, in order.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComextFetchTest {

    static final FilePublisher PUBLISHER = new FilePublisher();
    static final String API = "/eurostat/api/comext/dissemination/sdmx/2.1/data/";
    static final String HEADER = "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,"
            + "OBS_VALUE,OBS_FLAG\n";

    @Inject
    AgroalDataSource ds;

    @AfterAll
    static void stop() {
        PUBLISHER.close();
    }

    List<String> list(String sql, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** Synthetic figures in Comext's layout for DE and FR with KZ and TR, three months of 2023, HS6 of 8471 and 8806. */
    String answer(int shift) throws Exception {
        List<String> products = list("select code from product_category where level = 'SUBHEADING' "
                + "and left(code, 4) in ('8471', '8806') order by code");
        assertThat(products).hasSizeGreaterThan(4);
        StringBuilder csv = new StringBuilder(HEADER);
        int n = 0;
        for (String reporter : List.of("DE", "FR")) {
            for (String partner : List.of("KZ", "TR", "EXT_EU27_2020")) {
                for (String product : products) {
                    for (String flow : List.of("1", "2")) {
                        for (String month : List.of("2023-01", "2023-02", "2023-03")) {
                            n++;
                            String row = "ESTAT:DS-045409(1.0),01/11/24 23:00:00,M," + reporter + "," + partner + ",";
                            csv.append(row).append(product).append(',').append(flow).append(",VALUE_IN_EUROS,")
                                    .append(month).append(',').append((n * 7919 + shift) % 900000 + 17).append(",\n");
                            csv.append(row).append(product).append(',').append(flow).append(",QUANTITY_IN_100KG,")
                                    .append(month).append(',').append(n % 300 + 1).append(",\n");
                            if (n % 5 == 0) {
                                csv.append(row).append(product).append("00,").append(flow).append(",VALUE_IN_EUROS,")
                                        .append(month).append(',').append(n).append(",\n");
                                csv.append(row).append(product, 0, 2).append(',').append(flow)
                                        .append(",VALUE_IN_EUROS,").append(month).append(',').append(n * 100).append(",\n");
                            }
                        }
                    }
                }
            }
        }
        return csv.toString();
    }

    static void publish(String csv, boolean cut) {
        PUBLISHER.publish(API + "DS-045409/M.DE+FR.KZ+TR.*", csv.getBytes(StandardCharsets.UTF_8), "text/csv", cut);
    }

    int fetch(String... args) {
        List<String> all = new ArrayList<>(List.of("comext", "--url", PUBLISHER.base() + API, "--reporters", "DE,FR",
                "--partners", "KZ,TR", "--hs", "8471,8806", "--years", "2023"));
        all.addAll(List.of(args));
        all.addAll(List.of("--no-progress", "--db-url", DatabaseTestResource.URL));
        return FetchCommand.run(all.toArray(String[]::new));
    }

    String lastRun(String column) throws Exception {
        return list("select " + column + " from fetch_run where source = 'comext' order by id desc limit 1").get(0);
    }

    /** Per reporter, partner, flow and month: rows and value in EUR, by independent SQL over the answer's lines. */
    List<String> expected(String csv) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("create temp table raw (reporter text, partner text, product text, flow text, indicator text, "
                        + "period text, value numeric) on commit drop");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into raw values (?, ?, ?, ?, ?, ?, ?)")) {
                for (String line : csv.split("\n")) {
                    if (line.startsWith("DATAFLOW")) {
                        continue;
                    }
                    String[] f = line.split(",", -1);
                    for (int i = 0; i < 6; i++) {
                        ps.setString(i + 1, f[i + 3]);
                    }
                    ps.setBigDecimal(7, new BigDecimal(f[9]));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select reporter || '>' || partner || ' ' || case flow when '1' then 'IMPORT' else 'EXPORT' end || ' '
                           || period || '-01 ' || count(*) || ' ' || sum(value)::numeric(24, 2)
                    from raw where indicator = 'VALUE_IN_EUROS' and length(product) = 6 and length(partner) = 2
                    group by reporter, partner, flow, period order by 1""");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            c.rollback();
            return out;
        }
    }

    List<String> loaded() throws Exception {
        return list("""
                select v.reporter || '>' || v.partner || ' ' || v.flow || ' ' || v.period_start || ' ' || count(*) || ' '
                       || sum(v.value)::numeric(24, 2)
                from trade_volume v join source s on s.id = v.source_id where s.key = 'eurostat-comext'
                group by v.reporter, v.partner, v.flow, v.period_start order by 1""");
    }

    String releases() throws Exception {
        return list("select count(*) from data_release").get(0);
    }

    @Test
    @Order(1)
    void aDryRunWritesNothing() throws Exception {
        publish(answer(0), false);
        String releases = releases();

        assertThat(fetch("--dry-run")).isZero();

        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        assertThat(loaded()).isEmpty();
        assertThat(releases()).isEqualTo(releases);
    }

    @Test
    @Order(2)
    void theHs6ValuesInEurAreLoadedWithEurostatsProvenance() throws Exception {
        String csv = answer(0);
        publish(csv, false);

        assertThat(fetch()).isZero();

        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        List<String> expected = expected(csv);
        assertThat(expected).hasSize(2 * 2 * 2 * 3);
        assertThat(loaded()).isEqualTo(expected);
        assertThat(list("select count(*) from trade_volume v join source s on s.id = v.source_id "
                + "where s.key = 'eurostat-comext' and (v.currency <> 'EUR' or v.value_eur <> v.value or v.value_usd is null "
                + "or v.period_kind <> 'MONTH' or length(v.product_code) <> 6)")).containsExactly("0");
        assertThat(list("select publisher || '|' || licence || '|' || upstream_version from data_release "
                + "where id = ?::bigint", lastRun("release_id"))).containsExactly("Eurostat|CC BY 4.0|2023-03");
        assertThat(lastRun("url")).startsWith(PUBLISHER.base() + API + "DS-045409/M.DE+FR.KZ+TR.847")
                .endsWith(".1+2.VALUE_IN_EUROS?format=SDMX-CSV&startPeriod=2023-01&endPeriod=2023-12");
    }

    @Test
    @Order(3)
    void theSameAnswersAgainChangeNothing() throws Exception {
        String releases = releases();
        List<String> before = loaded();

        assertThat(fetch()).isZero();

        assertThat(lastRun("state")).isEqualTo("SKIPPED_UNCHANGED");
        assertThat(releases()).isEqualTo(releases);
        assertThat(loaded()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aCutDownloadFailsAndLoadsNothing() throws Exception {
        String releases = releases();
        List<String> before = loaded();
        publish(answer(5), true);

        assertThat(fetch()).isEqualTo(1);

        assertThat(lastRun("state")).isEqualTo("FAILED");
        assertThat(lastRun("error_code")).isEqualTo("DOWNLOAD_FAILED");
        assertThat(releases()).isEqualTo(releases);
        assertThat(loaded()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void revisedFiguresAreANewReleaseAndTheOldValuesAreKept() throws Exception {
        String oldRelease = list("select release_id from fetch_run where source = 'comext' and release_id is not null "
                + "order by id desc limit 1").get(0);
        String csv = answer(5);
        publish(csv, false);

        assertThat(fetch()).isZero();

        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        assertThat(lastRun("release_id")).isNotEqualTo(oldRelease);
        assertThat(loaded()).isEqualTo(expected(csv));
        assertThat(list("select count(*) from trade_volume_history where release_id = ?::bigint and change = 'REVISED'",
                oldRelease).get(0)).isNotEqualTo("0");
    }
}
