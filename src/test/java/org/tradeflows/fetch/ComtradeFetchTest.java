package org.tradeflows.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeflows.fetch.cli.FetchCommand;
import org.tradeflows.support.ComtradePublisher;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;

/**
 * The UN Comtrade connector against the API replayed on loopback with FABRICATED records in Comtrade's layout
 * (support/ComtradePublisher), through the fetch command: a dry run writes nothing; a filtered annual fetch whose
 * first call reaches the cap is split by period and loads the totals that independent SQL over the same records
 * gives, estimates kept as ESTIMATED; a 429 is waited out; a spent daily budget stops the run PAUSED and a rerun
 * makes only the calls still missing; the subscription key is sent to the API but never logged nor stored.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComtradeFetchTest {

    static final StringBuilder LOG = new StringBuilder();
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (LOG) {
                LOG.append(r.getLevel()).append(' ').append(r.getMessage()).append(' ')
                        .append(r.getParameters() == null ? "" : List.of(r.getParameters())).append('\n');
                if (r.getThrown() != null) {
                    LOG.append(r.getThrown()).append('\n');
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    AgroalDataSource ds;

    @BeforeAll
    static void captureLog() {
        java.util.logging.Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapture() {
        java.util.logging.Logger.getLogger("").removeHandler(CAPTURE);
    }

    /** Runs the fetch command, its standard output and error captured into the log checked for the key. */
    int fetch(String... args) {
        List<String> all = new ArrayList<>(List.of("comtrade"));
        all.addAll(List.of(args));
        all.addAll(List.of("--no-progress", "--db-url", DatabaseTestResource.URL));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            return FetchCommand.run(all.toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(err);
            String text = captured.toString(StandardCharsets.UTF_8);
            out.print(text);
            synchronized (LOG) {
                LOG.append(text);
            }
        }
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

    long comtradeRows() throws Exception {
        return count("select count(*) from trade_volume v join source s on s.id = v.source_id where s.key = 'un-comtrade'");
    }

    /**
     * What a fetch should load, by independent SQL over the fabricated records: per reporter, partner, flow and
     * period, rows, value and estimates; partners that are aggregates (World, code 0) are not kept.
     */
    List<String> expected(String freq, Set<String> periods, Set<Integer> reporters, Set<Integer> partners,
            Set<String> cmds) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("create temp table ct_raw (freq text, period text, r int, p int, flow text, cmd text, "
                        + "v numeric, reported boolean) on commit drop");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into ct_raw values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map<String, Object> r : ComtradePublisher.RECORDS) {
                    ps.setString(1, (String) r.get("freqCode"));
                    ps.setString(2, (String) r.get("period"));
                    ps.setInt(3, (Integer) r.get("reporterCode"));
                    ps.setInt(4, (Integer) r.get("partnerCode"));
                    ps.setString(5, (String) r.get("flowCode"));
                    ps.setString(6, (String) r.get("cmdCode"));
                    ps.setBigDecimal(7, new BigDecimal(String.valueOf(r.get("primaryValue"))));
                    ps.setBoolean(8, (Boolean) r.get("isReported"));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select e.code || '>' || m.code || ' ' || case x.flow when 'X' then 'EXPORT' else 'IMPORT' end || ' '
                           || x.period || ' ' || count(*) || ' ' || sum(round(x.v, 2)) || ' ' || count(*) filter (where not x.reported)
                    from ct_raw x
                    join country e on e.numeric_code = x.r
                    join country m on m.numeric_code = x.p
                    where x.freq = ? and x.period = any(?) and x.r = any(?) and x.p = any(?) and x.cmd = any(?)
                    group by e.code, m.code, x.flow, x.period order by 1""")) {
                ps.setString(1, freq);
                ps.setArray(2, c.createArrayOf("text", periods.toArray()));
                ps.setArray(3, c.createArrayOf("integer", reporters.toArray()));
                ps.setArray(4, c.createArrayOf("integer", partners.toArray()));
                ps.setArray(5, c.createArrayOf("text", cmds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            c.rollback();
            assertThat(out).isNotEmpty();
            return out;
        }
    }

    /** What a release loaded, in the same form as {@link #expected}. */
    List<String> loaded(long releaseId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select v.reporter || '>' || v.partner || ' ' || v.flow || ' '
                       || case v.period_kind when 'YEAR' then to_char(v.period_start, 'YYYY') else to_char(v.period_start, 'YYYYMM') end
                       || ' ' || count(*) || ' ' || sum(v.value) || ' ' || count(*) filter (where v.value_qualifier = 'ESTIMATED')
                from trade_volume v where v.release_id = ?
                group by v.reporter, v.partner, v.flow, v.period_kind, v.period_start order by 1""")) {
            ps.setLong(1, releaseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    long lastReleaseOfLastRun() throws Exception {
        return Long.parseLong(one("select release_id from fetch_run order by id desc limit 1"));
    }

    @Test
    @Order(1)
    void aDryRunCallsTheApiButWritesNothing() throws Exception {
        long rows = comtradeRows();
        long releases = count("select count(*) from data_release");
        long calls = count("select count(*) from comtrade_call");
        int requests = ComtradePublisher.queries().size();

        assertThat(fetch("--years", "2021-2023", "--reporters", "CHN", "--partners", "RUS,KAZ,KGZ", "--hs", "84,85,88,90",
                "--dry-run")).isZero();

        assertThat(ComtradePublisher.queries().size()).isGreaterThan(requests);
        assertThat(comtradeRows()).isEqualTo(rows);
        assertThat(count("select count(*) from data_release")).isEqualTo(releases);
        assertThat(count("select count(*) from comtrade_call")).isEqualTo(calls);
        assertThat(one("select state from fetch_run order by id desc limit 1")).isEqualTo("SUCCEEDED");
        assertThat(one("select dry_run from fetch_run order by id desc limit 1")).isEqualTo("t");
    }

    @Test
    @Order(2)
    void aFilteredAnnualFetchSplitsTheCallThatReachesTheCapAndLoadsTheRightTotals() throws Exception {
        int before = ComtradePublisher.queries().size();

        assertThat(fetch("--years", "2021-2023", "--reporters", "CHN", "--partners", "RUS,KAZ,KGZ", "--hs", "84,85,88,90"))
                .isZero();

        List<String> made = ComtradePublisher.queries().subList(before, ComtradePublisher.queries().size());
        // 3 partners x 2 flows x 3 years x 4 chapters = 72 records: the first call reaches the cap (60), then one per year
        assertThat(made).hasSize(4);
        assertThat(made.get(0)).startsWith("/data/v1/get/C/A/HS?").contains("period=2021%2C2022%2C2023");
        assertThat(made.subList(1, 4)).allSatisfy(q -> assertThat(q).containsPattern("period=202[123]&"));
        long release = lastReleaseOfLastRun();
        assertThat(loaded(release)).isEqualTo(expected("A", Set.of("2021", "2022", "2023"), Set.of(156),
                Set.of(643, 398, 417), Set.of("84", "85", "88", "90")));
        assertThat(count("select count(*) from trade_volume where release_id = ? and value_qualifier = 'ESTIMATED'", release))
                .isPositive();
        assertThat(one("select publisher || ' | ' || kind || ' | ' || licence || ' | ' || url from data_release where id = ?",
                release)).startsWith("UN Comtrade | FETCH | ").contains("may not be redistributed")
                .endsWith("/data/v1/get/C/A/HS");
        assertThat(count("select count(*) from comtrade_call where release_id = ? and rows_csv is null", release))
                .isEqualTo(4);
        assertThat(count("select count(*) from comtrade_call where release_id is null")).isZero();
    }

    @Test
    @Order(3)
    void a429IsWaitedOutAndTheCallMadeAgain() throws Exception {
        int before = ComtradePublisher.keysSeen().size();
        ComtradePublisher.tooManyRequests(1);

        assertThat(fetch("--years", "2022", "--reporters", "RUS", "--partners", "CHN", "--hs", "88")).isZero();

        assertThat(ComtradePublisher.keysSeen().size() - before).isEqualTo(2); // the 429, then the answer
        assertThat(loaded(lastReleaseOfLastRun())).isEqualTo(expected("A", Set.of("2022"), Set.of(643), Set.of(156),
                Set.of("88")));
        assertThat(LOG.toString()).contains("429");
    }

    @Test
    @Order(4)
    void aSpentDailyBudgetPausesTheRunAndARerunMakesOnlyTheMissingCalls() throws Exception {
        long rows = comtradeRows();
        long today = count("select count(*) from comtrade_call where fetched_at >= (now() at time zone 'UTC')::date "
                + "at time zone 'UTC'");
        int before = ComtradePublisher.queries().size();
        String[] monthly = {"--version", "M", "--years", "2021-2022", "--reporters", "KAZ", "--partners", "CHN,RUS", "--hs",
                "84,85,88,90"};
        List<String> first = new ArrayList<>(List.of(monthly));
        first.addAll(List.of("--daily-calls", String.valueOf(today + 5)));

        assertThat(fetch(first.toArray(String[]::new))).isEqualTo(4);

        assertThat(one("select state from fetch_run order by id desc limit 1")).isEqualTo("PAUSED");
        assertThat(one("select error_code from fetch_run order by id desc limit 1")).isNull();
        assertThat(one("select message from fetch_run order by id desc limit 1")).contains("daily budget").contains("resume");
        assertThat(comtradeRows()).isEqualTo(rows);
        List<String> made = List.copyOf(ComtradePublisher.queries().subList(before, ComtradePublisher.queries().size()));
        assertThat(made).hasSize(5);
        assertThat(count("select count(*) from comtrade_call where release_id is null")).isEqualTo(5);

        int beforeRerun = ComtradePublisher.queries().size();
        List<String> again = new ArrayList<>(List.of(monthly));
        again.addAll(List.of("--daily-calls", "1000"));
        assertThat(fetch(again.toArray(String[]::new))).isZero();

        List<String> rerun = ComtradePublisher.queries().subList(beforeRerun, ComtradePublisher.queries().size());
        // 24 months in two calls of 12 that each reach the cap (2 partners x 2 flows x 12 x 4 = 192), then one per month
        assertThat(made.size() + rerun.size()).isEqualTo(26);
        Set<String> overlap = new HashSet<>(made);
        overlap.retainAll(new HashSet<>(rerun));
        assertThat(overlap).isEmpty();
        Set<String> months = new HashSet<>();
        for (int y = 2021; y <= 2022; y++) {
            for (int m = 1; m <= 12; m++) {
                months.add(String.format("%d%02d", y, m));
            }
        }
        assertThat(loaded(lastReleaseOfLastRun())).isEqualTo(expected("M", months, Set.of(398), Set.of(156, 643),
                Set.of("84", "85", "88", "90")));
        assertThat(count("select count(*) from comtrade_call where release_id is null")).isZero();
    }

    @Test
    @Order(5)
    void startFetchLoadsThroughTheServiceWithItsConfiguredKey() throws Exception {
        int before = ComtradePublisher.queries().size();
        JsonPath run = GraphQL.dataAs(Keys.ADMIN, """
                mutation($f: FetchFilterInput) {
                  startFetch(source: "comtrade", filter: $f, version: "A", wait: true) {
                    id state upstreamVersion rowsRead rowsLoaded errorCode error
                  }
                }""", Map.of("f", Map.of("years", List.of(2023), "exporters", List.of("KAZ"), "importers",
                List.of("RUS", "KGZ"), "hs", List.of("84", "90"))));

        assertThat(run.getString("data.startFetch.state")).isEqualTo("SUCCEEDED");
        assertThat(run.getString("data.startFetch.upstreamVersion")).isEqualTo("A");
        assertThat(ComtradePublisher.queries().subList(before, ComtradePublisher.queries().size()))
                .singleElement().satisfies(q -> assertThat(q).startsWith("/data/v1/get/C/A/HS?"));
        assertThat(loaded(lastReleaseOfLastRun())).isEqualTo(expected("A", Set.of("2023"), Set.of(398), Set.of(643, 417),
                Set.of("84", "90")));
        assertThat(run.getLong("data.startFetch.rowsLoaded"))
                .isEqualTo(count("select count(*) from trade_volume where release_id = ?", lastReleaseOfLastRun()));

        // an unknown frequency is refused before a run is made
        JsonPath bad = GraphQL.postAs(Keys.ADMIN, "mutation { startFetch(source: \"comtrade\", version: \"Q\") { id } }", null);
        assertThat(bad.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(bad.getString("errors[0].message")).contains("A (annual) or M (monthly)");
    }

    @Test
    @Order(6)
    void aFetchThatBreaksOffKeepsItsCallsAndARerunMakesOnlyTheMissingOnes() throws Exception {
        long rows = comtradeRows();
        long releases = count("select count(*) from data_release");
        int before = ComtradePublisher.queries().size();
        String[] args = {"--years", "2021-2023", "--reporters", "RUS", "--partners", "KAZ,KGZ,ARM", "--hs", "84,85,88,90"};
        ComtradePublisher.failAfter(2);
        try {
            assertThat(fetch(args)).isEqualTo(1);
        } finally {
            ComtradePublisher.recover();
        }
        assertThat(one("select state || ' ' || error_code from fetch_run order by id desc limit 1"))
                .isEqualTo("FAILED DOWNLOAD_FAILED");
        assertThat(one("select error_message from fetch_run order by id desc limit 1")).contains("HTTP 503")
                .contains("calls done are kept");
        assertThat(comtradeRows()).isEqualTo(rows);
        assertThat(count("select count(*) from data_release")).isEqualTo(releases);
        List<String> made = List.copyOf(ComtradePublisher.queries().subList(before, ComtradePublisher.queries().size()));
        assertThat(made).hasSize(2); // the call that reached the cap, and the first year's
        assertThat(count("select count(*) from comtrade_call where release_id is null")).isEqualTo(2);

        int beforeRerun = ComtradePublisher.queries().size();
        assertThat(fetch(args)).isZero();

        List<String> rerun = ComtradePublisher.queries().subList(beforeRerun, ComtradePublisher.queries().size());
        assertThat(rerun).hasSize(2).doesNotContainAnyElementsOf(made);
        assertThat(loaded(lastReleaseOfLastRun())).isEqualTo(expected("A", Set.of("2021", "2022", "2023"), Set.of(643),
                Set.of(398, 417, 51), Set.of("84", "85", "88", "90")));
        assertThat(count("select count(*) from comtrade_call where release_id is null")).isZero();
    }

    @Test
    @Order(7)
    void withoutAKeyThePreviewEndpointIsCalledWithItsOwnCap() throws Exception {
        int before = ComtradePublisher.queries().size();
        int keysBefore = ComtradePublisher.keysSeen().size();

        assertThat(fetch("--preview", "--years", "2023", "--reporters", "KAZ", "--partners", "CHN,ARM", "--hs", "85")).isZero();

        List<String> made = ComtradePublisher.queries().subList(before, ComtradePublisher.queries().size());
        assertThat(made).singleElement().satisfies(q -> assertThat(q).startsWith("/public/v1/preview/C/A/HS?")
                .contains("maxRecords=500"));
        assertThat(ComtradePublisher.keysSeen().subList(keysBefore, ComtradePublisher.keysSeen().size()))
                .containsExactly("null"); // no key header
        assertThat(loaded(lastReleaseOfLastRun())).isEqualTo(expected("A", Set.of("2023"), Set.of(398), Set.of(156, 51),
                Set.of("85")));
        assertThat(one("select url from data_release where id = ?", lastReleaseOfLastRun()))
                .endsWith("/public/v1/preview/C/A/HS");
    }

    @Test
    @Order(8)
    void theKeyIsSentToTheApiButNeverLoggedNorStored() throws Exception {
        assertThat(ComtradePublisher.keysSeen()).filteredOn(k -> !k.equals("null")).isNotEmpty()
                .allSatisfy(k -> assertThat(k).isEqualTo(ComtradePublisher.KEY));
        assertThat(LOG.toString()).isNotEmpty().doesNotContain(ComtradePublisher.KEY);
        assertThat(count("select count(*) from fetch_run where source = 'comtrade'")).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from fetch_run f where f::text like ?", "%" + ComtradePublisher.KEY + "%")).isZero();
        assertThat(count("select count(*) from comtrade_call f where f::text like ?", "%" + ComtradePublisher.KEY + "%"))
                .isZero();
        assertThat(count("select count(*) from data_release f where f::text like ?", "%" + ComtradePublisher.KEY + "%"))
                .isZero();
    }
}
