package org.tradeflows.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeflows.fetch.cli.FetchCommand;
import org.tradeflows.support.BaciPublisher;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;

/**
 * The BACI connector against CEPII's download directory replayed on loopback, through the fetch command: a filtered
 * load matches independent SQL over the same rows, a dry run writes nothing, an unchanged version is not fetched, a
 * cut download and a damaged archive fail and leave nothing, and a newer version replaces the older one. The steps
 * build on each other (one database), so they run in order.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BaciFetchTest {

    static final List<Integer> EXPORTERS = List.of(156, 643, 398, 842, 276);
    static final List<Integer> IMPORTERS = List.of(643, 398, 417, 51, 792, 784, 156, 490);

    @Inject
    AgroalDataSource ds;

    /** BACI rows of one year in its layout; the values differ by version so that a revision is visible. */
    Map<Integer, String> years(String version, int... years) throws Exception {
        List<String> products = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select code from (select code, row_number() over (partition by left(code, 2) order by code) n
                                  from product_category where level = 'SUBHEADING' and left(code, 2) in ('01', '30', '84', '85', '88', '90')) p
                where n <= 3 order by code""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                products.add(rs.getString(1));
            }
        }
        assertThat(products).hasSize(18);
        int shift = version.hashCode() % 97;
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int year : years) {
            StringBuilder csv = new StringBuilder("t,i,j,k,v,q\n");
            int n = 0;
            for (int i : EXPORTERS) {
                for (int j : IMPORTERS) {
                    if (i == j) {
                        continue;
                    }
                    for (String k : products) {
                        n++;
                        String kk = k.startsWith("0") ? k.substring(1) : k; // BACI drops the leading zero
                        String v = (n * 37 + year + shift) % 5000 + "." + String.format("%03d", (n * 13) % 1000);
                        String q = n % 5 == 0 ? "NA" : String.valueOf((n * 7) % 300 + 0.5);
                        csv.append(year).append(',').append(i).append(',').append(j).append(',').append(kk).append(',')
                                .append(v).append(',').append(q).append('\n');
                    }
                }
            }
            out.put(year, csv.toString());
        }
        return out;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    int fetch(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--no-progress", "--db-url", DatabaseTestResource.URL));
        return FetchCommand.run(all.toArray(String[]::new));
    }

    String one(String sql, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    long count(String sql, Object... params) throws Exception {
        return Long.parseLong(one(sql, params));
    }

    /**
     * What the filter should keep, by independent SQL over the raw rows: per reporter, partner and year, rows and
     * value in USD (BACI's thousands × 1000), with BACI's own code 842 for the USA mapped to ISO's 840.
     */
    List<String> expected(Map<Integer, String> csvByYear, String yearsIn, String exportersIn, String importersIn,
            String chaptersIn) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("create temp table baci_raw (t int, i int, j int, k text, v numeric, q text) on commit drop");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into baci_raw values (?, ?, ?, ?, ?, ?)")) {
                for (String csv : csvByYear.values()) {
                    for (String line : csv.split("\n")) {
                        if (line.startsWith("t,")) {
                            continue;
                        }
                        String[] f = line.split(",");
                        ps.setInt(1, Integer.parseInt(f[0]));
                        ps.setInt(2, Integer.parseInt(f[1]));
                        ps.setInt(3, Integer.parseInt(f[2]));
                        ps.setString(4, f[3]);
                        ps.setBigDecimal(5, new BigDecimal(f[4]));
                        ps.setString(6, f[5]);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select e.code || '>' || m.code || ' ' || r.t || ' ' || count(*) || ' ' || sum(round(r.v * 1000, 2))
                    from baci_raw r
                    join country e on e.numeric_code = case r.i when 842 then 840 else r.i end
                    join country m on m.numeric_code = case r.j when 842 then 840 else r.j end
                    where r.t::text = any(string_to_array(?, ',')) and e.alpha3 = any(string_to_array(?, ','))
                      and m.alpha3 = any(string_to_array(?, ','))
                      and left(lpad(r.k, 6, '0'), 2) = any(string_to_array(?, ','))
                    group by e.code, m.code, r.t order by 1""")) {
                ps.setString(1, yearsIn);
                ps.setString(2, exportersIn);
                ps.setString(3, importersIn);
                ps.setString(4, chaptersIn);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            c.rollback();
            return out;
        }
    }

    List<String> loaded() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select v.reporter || '>' || v.partner || ' ' || extract(year from v.period_start) || ' ' || count(*) || ' '
                       || sum(v.value)
                from trade_volume v join source s on s.id = v.source_id where s.key = 'cepii-baci'
                group by v.reporter, v.partner, v.period_start order by 1""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    long baciRows() throws Exception {
        return count("select count(*) from trade_volume v join source s on s.id = v.source_id where s.key = 'cepii-baci'");
    }

    long releases() throws Exception {
        return count("select count(*) from data_release");
    }

    String lastRun(String column) throws Exception {
        return one("select " + column + " from fetch_run order by id desc limit 1");
    }

    @Test
    @Order(1)
    void aDryRunDownloadsAndChecksButWritesNothing() throws Exception {
        BaciPublisher.publish("202501", BaciPublisher.archive("202501", years("202501", 2022, 2023)), false);
        long rows = baciRows();
        long releases = releases();
        int requests = BaciPublisher.requests();

        assertThat(fetch("baci", "--years", "2023", "--exporters", "CHN", "--importers", "RUS,KAZ", "--hs", "84,85,88,90",
                "--version", "202501", "--url", BaciPublisher.url(), "--dry-run")).isZero();

        assertThat(BaciPublisher.requests()).isEqualTo(requests + 1);
        assertThat(baciRows()).isEqualTo(rows);
        assertThat(releases()).isEqualTo(releases);
        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        assertThat(lastRun("dry_run")).isEqualTo("t");
        assertThat(count("select rows_read from fetch_run order by id desc limit 1")).isEqualTo(2 * 4 * 3); // CHN to RUS and KAZ, 3 products in each of 4 chapters
    }

    @Test
    @Order(2)
    void aFilteredFetchLoadsExactlyTheRowsTheFilterKeepsWithItsProvenance() throws Exception {
        Map<Integer, String> csv = years("202501", 2022, 2023);
        byte[] zip = BaciPublisher.archive("202501", csv);
        BaciPublisher.publish("202501", zip, false);

        assertThat(fetch("baci", "--years", "2023", "--exporters", "CHN", "--importers", "RUS,KAZ", "--hs", "84,85,88,90",
                "--version", "202501", "--url", BaciPublisher.url())).isZero();

        List<String> expected = expected(csv, "2023", "CHN", "RUS,KAZ", "84,85,88,90");
        assertThat(expected).hasSize(2);
        assertThat(loaded()).isEqualTo(expected);
        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        String release = lastRun("release_id");
        assertThat(one("select kind || '|' || version || '|' || publisher || '|' || upstream_version || '|' || licence || '|' "
                + "|| url || '|' || content_sha256 || '|' || (retrieved_at is not null) from data_release where id = ?::bigint",
                release)).isEqualTo("FETCH|202501|CEPII|202501|Etalab Open Licence 2.0|" + BaciPublisher.url()
                        + "BACI_HS22_V202501.zip|" + sha256(zip) + "|true");
        assertThat(one("select citation from data_release where id = ?::bigint", release))
                .contains("Gaulier", "Zignago", "2010-23");
        assertThat(count("select count(*) from trade_volume where release_id = ?::bigint", release)).isEqualTo(baciRows());
    }

    @Test
    @Order(3)
    void theSameVersionAndFilterAgainFetchesNothing() throws Exception {
        int requests = BaciPublisher.requests();
        long releases = releases();
        List<String> before = loaded();

        assertThat(fetch("baci", "--years", "2023", "--exporters", "CHN", "--importers", "KAZ,RUS", "--hs", "90,88,85,84",
                "--version", "202501", "--url", BaciPublisher.url())).isZero();

        assertThat(lastRun("state")).isEqualTo("SKIPPED_UNCHANGED");
        assertThat(BaciPublisher.requests()).isEqualTo(requests);
        assertThat(releases()).isEqualTo(releases);
        assertThat(loaded()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aDownloadCutHalfwayFailsAndLoadsNothing() throws Exception {
        BaciPublisher.publish("202502", BaciPublisher.archive("202502", years("202502", 2022, 2023)), true);
        List<String> before = loaded();
        long releases = releases();

        assertThat(fetch("baci", "--years", "2022-2023", "--exporters", "CHN", "--version", "202502", "--url",
                BaciPublisher.url())).isEqualTo(1);

        assertThat(lastRun("state")).isEqualTo("FAILED");
        assertThat(lastRun("error_code")).isEqualTo("DOWNLOAD_FAILED");
        assertThat(lastRun("error_message")).contains("broke off").doesNotContain("Exception");
        assertThat(loaded()).isEqualTo(before);
        assertThat(releases()).isEqualTo(releases);
    }

    @Test
    @Order(5)
    void aDamagedArchiveFailsWithItsCodeAndLoadsNothing() throws Exception {
        byte[] zip = BaciPublisher.archive("202503", years("202503", 2022, 2023));
        for (int i = 200; i < zip.length / 2; i += 7) {
            zip[i] ^= 0x5a; // the compressed rows of the first year file
        }
        BaciPublisher.publish("202503", zip, false);
        BaciPublisher.publish("202504", "this is not a zip file\n".repeat(50).getBytes(StandardCharsets.UTF_8), false);
        List<String> before = loaded();

        assertThat(fetch("baci", "--version", "202503", "--url", BaciPublisher.url())).isEqualTo(1);
        assertThat(lastRun("state")).isEqualTo("FAILED");
        assertThat(lastRun("error_code")).isEqualTo("CORRUPT_ARCHIVE");

        assertThat(fetch("baci", "--version", "202504", "--url", BaciPublisher.url())).isEqualTo(1);
        assertThat(lastRun("error_code")).isEqualTo("CORRUPT_ARCHIVE");
        assertThat(lastRun("error_message")).contains("not a ZIP archive of BACI");

        assertThat(fetch("baci", "--version", "209901", "--url", BaciPublisher.url())).isEqualTo(1);
        assertThat(lastRun("error_code")).isEqualTo("VERSION_NOT_PUBLISHED");
        assertThat(loaded()).isEqualTo(before);

        // readiness tells that the last fetch of baci failed, and stays UP: the data is as it was
        JsonPath health = RestAssured.given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("checks.find { it.name == 'fetch' }.status")).isEqualTo("UP");
        assertThat(health.getString("checks.find { it.name == 'fetch' }.data.baci")).startsWith("FAILED VERSION_NOT_PUBLISHED");
    }

    static final String START = """
            mutation($f: FetchFilterInput, $v: String) {
              startFetch(source: "baci", filter: $f, version: $v, wait: true) {
                id state upstreamVersion rowsRead rowsLoaded errorCode error requestedBy
              }
            }""";
    static final String RUNS = "{ fetchRuns(source: \"baci\", first: 100) { state errorCode dryRun upstreamVersion } }";

    Map<String, Object> storyFilter() {
        return Map.of("years", List.of(2023), "exporters", List.of("CHN"), "importers", List.of("RUS", "KAZ"),
                "hs", List.of("84", "85", "88", "90"));
    }

    @Test
    @Order(7)
    void aNewVersionThroughTheApiReplacesTheOldOneAndKeepsItsRelease() throws Exception {
        Map<Integer, String> csv = years("202601", 2022, 2023);
        BaciPublisher.publish("202601", BaciPublisher.archive("202601", csv), false);
        String oldRelease = one("select id from data_release where upstream_version = '202501'");

        JsonPath run = GraphQL.dataAs(Keys.ADMIN, START, Map.of("f", storyFilter(), "v", "202601"));

        assertThat(run.getString("data.startFetch.state")).isEqualTo("SUCCEEDED");
        assertThat(run.getString("data.startFetch.upstreamVersion")).isEqualTo("202601");
        List<String> expected = expected(csv, "2023", "CHN", "RUS,KAZ", "84,85,88,90");
        assertThat(loaded()).isEqualTo(expected).isNotEqualTo(expected(years("202501", 2023), "2023", "CHN", "RUS,KAZ",
                "84,85,88,90"));
        assertThat(count("""
                select count(*) from trade_volume v join source s on s.id = v.source_id
                left join data_release r on r.id = v.release_id
                where s.key = 'cepii-baci' and r.upstream_version is distinct from '202601'""")).isZero();
        assertThat(count("select count(*) from data_release where id = ?::bigint", oldRelease)).isOne();

        // what a reader sees: the new version's rows, with the release's provenance
        JsonPath volumes = GraphQL.post("""
                { tradeVolumes(filter: {source: "cepii-baci"}, first: 100) {
                    totalCount edges { node { valueUsd release { upstreamVersion publisher licence citation url } } } } }""",
                null);
        assertThat(volumes.getLong("data.tradeVolumes.totalCount")).isEqualTo(baciRows());
        assertThat(volumes.getList("data.tradeVolumes.edges.node.release.upstreamVersion", String.class)).containsOnly("202601");
        assertThat(volumes.getList("data.tradeVolumes.edges.node.release.licence", String.class))
                .containsOnly("Etalab Open Licence 2.0");
        BigDecimal sum = volumes.getList("data.tradeVolumes.edges.node.valueUsd", BigDecimal.class).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(one("select sum(value) from trade_volume v join source s on s.id = v.source_id "
                + "where s.key = 'cepii-baci'"));

        // an older version than the one loaded is refused
        JsonPath older = GraphQL.dataAs(Keys.ADMIN, START, Map.of("f", storyFilter(), "v", "202501"));
        assertThat(older.getString("data.startFetch.state")).isEqualTo("FAILED");
        assertThat(older.getString("data.startFetch.errorCode")).isEqualTo("OLDER_VERSION");
    }

    @Test
    @Order(8)
    void fetchRunsAreListedForAdminsOnly() {
        JsonPath runs = GraphQL.dataAs(Keys.ADMIN, RUNS, null);
        assertThat(runs.getList("data.fetchRuns.state", String.class)).startsWith("FAILED", "SUCCEEDED")
                .contains("SKIPPED_UNCHANGED");
        assertThat(runs.getList("data.fetchRuns.errorCode", String.class)).contains("OLDER_VERSION", "VERSION_NOT_PUBLISHED",
                "CORRUPT_ARCHIVE", "DOWNLOAD_FAILED");
        assertThat(runs.getList("data.fetchRuns.dryRun", Boolean.class)).contains(true);

        String reader = Keys.create("READER", "fetch reader");
        JsonPath refused = GraphQL.postAs(reader, RUNS, null);
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        JsonPath refusedStart = GraphQL.postAs(reader, START, Map.of("v", "202601"));
        assertThat(refusedStart.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        JsonPath badFilter = GraphQL.postAs(Keys.ADMIN, START, Map.of("f", Map.of("hs", List.of("8")), "v", "202601"));
        assertThat(badFilter.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(badFilter.getString("errors[0].message")).contains("hs: '8'");
    }

    @Test
    @Order(9)
    void oneFetchAtATimeAndARunWhoseProcessDiedEndsInterrupted() throws Exception {
        try (Connection other = ds.getConnection()) {
            // another process is fetching: it holds the fetch lock and its run is RUNNING
            try (var st = other.createStatement()) {
                st.execute("select pg_advisory_lock(hashtext('tradeflows-fetch-run'))");
                st.execute("insert into fetch_run (source, state, filter, requested_by) values ('baci', 'RUNNING', '', 'other')");
            }
            JsonPath refused = GraphQL.postAs(Keys.ADMIN, START, Map.of("v", "202601"));
            assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("FETCH_ALREADY_RUNNING");
            assertThat(fetch("baci", "--version", "202601", "--url", BaciPublisher.url())).isEqualTo(3);
            try (var st = other.createStatement()) {
                st.execute("select pg_advisory_unlock(hashtext('tradeflows-fetch-run'))");
            }
        }
        // that process is gone: the next fetch ends its run as INTERRUPTED and runs
        assertThat(fetch("baci", "--years", "2023", "--exporters", "CHN", "--importers", "RUS,KAZ", "--hs", "84,85,88,90",
                "--version", "202601", "--url", BaciPublisher.url())).isZero();
        assertThat(lastRun("state")).isEqualTo("SKIPPED_UNCHANGED");
        assertThat(one("select error_code from fetch_run where requested_by = 'other'")).isEqualTo("INTERRUPTED");
    }

    @Test
    @Order(6)
    void badArgumentsExitWithTwo() {
        assertThat(fetch("baci", "--years", "twenty", "--url", BaciPublisher.url())).isEqualTo(2);
        assertThat(fetch("baci", "--exporters", "XXX", "--url", BaciPublisher.url())).isEqualTo(2);
        assertThat(fetch("comtrade-unknown", "--url", BaciPublisher.url())).isEqualTo(2);
    }
}
