package org.tradeflows.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeflows.fetch.cli.FetchCommand;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.FilePublisher;

/**
 * The ECB connector against the ECB Data Portal's SDMX-CSV replayed on loopback. The answers are the ECB's own daily
 * rates (the eurofxref-hist.csv the open dataset ships) in the API's layout: the database first loses its rates of
 * USD, CNY and RUB from 2021 on, then a fetch brings them back as days and as monthly and annual averages, compared
 * with independent SQL over the answer. Steps build on each other, in order.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EcbFetchTest {

    static final FilePublisher PUBLISHER = new FilePublisher();
    static final String PATH = "/service/data/EXR/D.CNY+RUB+USD.EUR.SP00.A?format=csvdata&startPeriod=2021-01-01";
    static final String HEADER = "KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,"
            + "OBS_CONF,TITLE,TITLE_COMPL,UNIT,UNIT_MULT\n";

    @Inject
    AgroalDataSource ds;

    @AfterAll
    static void stop() {
        PUBLISHER.close();
    }

    /** The ECB's days of USD, CNY and RUB from 2021 to {@code until}, one row per published rate, as the API answers. */
    static TreeMap<String, TreeMap<LocalDate, BigDecimal>> days(LocalDate until) throws Exception {
        String file;
        try (InputStream in = EcbFetchTest.class.getClassLoader().getResourceAsStream("dataset/eurofxref-hist.csv")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = file.split("\r?\n");
        List<String> header = List.of(lines[0].split(",", -1));
        TreeMap<String, TreeMap<LocalDate, BigDecimal>> out = new TreeMap<>();
        for (int n = 1; n < lines.length; n++) {
            String[] cells = lines[n].split(",", -1);
            LocalDate day = LocalDate.parse(cells[0]);
            if (day.isBefore(LocalDate.of(2021, 1, 1)) || day.isAfter(until)) {
                continue;
            }
            for (String currency : List.of("CNY", "RUB", "USD")) {
                String cell = cells[header.indexOf(currency)];
                if (!cell.equals("N/A") && !cell.isEmpty()) {
                    out.computeIfAbsent(currency, k -> new TreeMap<>()).put(day, new BigDecimal(cell));
                }
            }
        }
        return out;
    }

    static String sdmxCsv(Map<String, TreeMap<LocalDate, BigDecimal>> days, boolean lastOnly) {
        StringBuilder csv = new StringBuilder(HEADER);
        days.forEach((currency, byDay) -> (lastOnly ? byDay.tailMap(byDay.lastKey()) : byDay).forEach((day, rate) ->
                csv.append("EXR.D.").append(currency).append(".EUR.SP00.A,D,").append(currency).append(",EUR,SP00,A,")
                        .append(day).append(',').append(rate.toPlainString()).append(",A,F,\"").append(currency)
                        .append("/Euro\",\"ECB reference exchange rate, ").append(currency)
                        .append("/Euro, 2:15 pm (C.E.T.)\",").append(currency).append(",0\n")));
        return csv.toString();
    }

    static void publish(Map<String, TreeMap<LocalDate, BigDecimal>> days, boolean cut) {
        PUBLISHER.publish(PATH + "&lastNObservations=1", sdmxCsv(days, true), "text/csv");
        PUBLISHER.publish(PATH, sdmxCsv(days, false).getBytes(StandardCharsets.UTF_8), "text/csv", cut);
    }

    int fetch(String... args) {
        List<String> all = new ArrayList<>(List.of("ecb", "--url", PUBLISHER.base() + "/service/data/", "--currencies",
                "USD,CNY,RUB", "--from", "2021-01"));
        all.addAll(List.of(args));
        all.addAll(List.of("--no-progress", "--db-url", DatabaseTestResource.URL));
        return FetchCommand.run(all.toArray(String[]::new));
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

    String lastRun(String column) throws Exception {
        return list("select " + column + " from fetch_run where source = 'ecb' order by id desc limit 1").get(0);
    }

    /** The rates of USD, CNY and RUB from 2021 in the database, every kind. */
    List<String> loaded() throws Exception {
        return list("""
                select currency || ' ' || period_kind || ' ' || period_start || ' ' || units_per_eur::numeric(20, 8)
                from exchange_rate where currency in ('USD', 'CNY', 'RUB') and period_start >= date '2021-01-01'
                order by 1""");
    }

    /**
     * What the answer should give, by independent SQL over its rows: each day, and the mean of a month or year whose
     * every business day (every day with a rate of any currency) has a rate of the currency, up to its last day.
     */
    List<String> expected(Map<String, TreeMap<LocalDate, BigDecimal>> days) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("create temp table raw (day date, currency text, rate numeric) on commit drop");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into raw values (?, ?, ?)")) {
                for (var e : days.entrySet()) {
                    for (var d : e.getValue().entrySet()) {
                        ps.setObject(1, d.getKey());
                        ps.setString(2, e.getKey());
                        ps.setBigDecimal(3, d.getValue());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    with business as (select distinct day from raw),
                         last as (select currency, max(day) as day from raw group by currency),
                         grid as (select c.currency, b.day, r.rate from last c join business b on b.day <= c.day
                                  left join raw r on r.currency = c.currency and r.day = b.day),
                         periods as (select currency, 'MONTH' k, date_trunc('month', day)::date s, avg(rate) m,
                                            count(rate) = count(*) complete,
                                            (date_trunc('month', day) + interval '1 month - 1 day')::date e
                                     from grid group by 1, 2, 3, 6
                                     union all
                                     select currency, 'YEAR', date_trunc('year', day)::date, avg(rate), count(rate) = count(*),
                                            (date_trunc('year', day) + interval '1 year - 1 day')::date
                                     from grid group by 1, 2, 3, 6)
                    select currency || ' DAY ' || day || ' ' || rate::numeric(20, 8) from raw
                    union all
                    select p.currency || ' ' || p.k || ' ' || p.s || ' ' || round(p.m, 8)::numeric(20, 8)
                    from periods p join last l on l.currency = p.currency where p.complete and p.e <= l.day
                    order by 1""");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            c.rollback();
            return out;
        }
    }

    @Test
    @Order(1)
    void aDryRunReadsTheRatesAndWritesNothing() throws Exception {
        var days = days(LocalDate.of(2025, 4, 30));
        publish(days, false);
        List<String> before = loaded();

        assertThat(fetch("--dry-run")).isZero();

        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        assertThat(loaded()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void theDaysAndTheirAveragesAreLoadedWithProvenance() throws Exception {
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("delete from exchange_rate where currency in ('USD', 'CNY', 'RUB') and period_start >= date '2021-01-01'");
        }
        var days = days(LocalDate.of(2025, 4, 30));
        publish(days, false);

        assertThat(fetch()).isZero();

        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        assertThat(lastRun("upstream_version")).isEqualTo(days.get("USD").lastKey().toString());
        List<String> expected = expected(days);
        assertThat(loaded()).isEqualTo(expected);
        // where the ECB published no rate the value stays without one: no RUB average from March 2022 on
        assertThat(expected).anyMatch(s -> s.startsWith("RUB MONTH 2022-02-01"))
                .noneMatch(s -> s.startsWith("RUB MONTH 2022-03-01")).noneMatch(s -> s.startsWith("RUB YEAR 2022"));
        assertThat(list("select publisher || '|' || licence || '|' || url || '|' || fetch_filter from data_release "
                + "where id = ?::bigint", lastRun("release_id"))).containsExactly("European Central Bank|ECB statistics: "
                + "reuse permitted free of charge provided the source is acknowledged|" + PUBLISHER.base() + PATH
                + "|currencies=CNY,RUB,USD;from=2021-01");
    }

    @Test
    @Order(3)
    void unchangedRatesAreNotDownloadedAgain() throws Exception {
        int before = PUBLISHER.requests().size();

        assertThat(fetch()).isZero();

        assertThat(lastRun("state")).isEqualTo("SKIPPED_UNCHANGED");
        assertThat(PUBLISHER.requests().subList(before, PUBLISHER.requests().size()))
                .containsExactly(PATH + "&lastNObservations=1");
    }

    @Test
    @Order(4)
    void aCutDownloadFailsAndLoadsNothing() throws Exception {
        List<String> before = loaded();
        String releases = list("select count(*) from data_release").get(0);
        publish(days(LocalDate.of(2025, 5, 9)), true);

        assertThat(fetch()).isEqualTo(1);

        assertThat(lastRun("state")).isEqualTo("FAILED");
        assertThat(lastRun("error_code")).isEqualTo("DOWNLOAD_FAILED");
        assertThat(loaded()).isEqualTo(before);
        assertThat(list("select count(*) from data_release").get(0)).isEqualTo(releases);
    }

    @Test
    @Order(5)
    void newerRatesAreANewRelease() throws Exception {
        String oldRelease = lastReleaseOfEcb();
        var days = days(LocalDate.of(2025, 5, 9));
        publish(days, false);

        assertThat(fetch()).isZero();

        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        assertThat(lastRun("upstream_version")).isEqualTo(days.get("USD").lastKey().toString());
        assertThat(lastReleaseOfEcb()).isNotEqualTo(oldRelease);
        assertThat(loaded()).isEqualTo(expected(days));
    }

    String lastReleaseOfEcb() throws Exception {
        return list("select release_id from fetch_run where source = 'ecb' and release_id is not null order by id desc "
                + "limit 1").get(0);
    }

    @Test
    @Order(6)
    void badOptionsExitWithTwo() {
        assertThat(fetch("--currencies", "dollars")).isEqualTo(2);
        assertThat(fetch("--from", "2021")).isEqualTo(2);
    }
}
