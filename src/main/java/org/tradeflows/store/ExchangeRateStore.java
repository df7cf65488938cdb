package org.tradeflows.store;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGConnection;
import org.tradeflows.sql.Sql;

/**
 * Every SQL statement that writes exchange rates. The ECB's daily rates come in by COPY and their monthly and annual
 * averages are computed by PostgreSQL from them, so that the first start stays fast with 200,000 daily rates.
 */
public final class ExchangeRateStore {

    /**
     * The averages: the arithmetic mean of the published daily rates of the period, rounded to 8 decimals, only for a
     * period the currency's days cover to its end and in which the currency has a rate on every day the file lists ('N/A'
     * days make the period's average absent rather than a mean of the other days: never carried forward). The
     * period kind and its date_trunc unit come from {@link Averaged}, never from input.
     */
    private static Sql averages(Averaged period, long sourceId) {
        return sql("""
            insert into exchange_rate (currency, period_kind, period_start, units_per_eur, source_id)
            select d.currency, '{kind}', date_trunc('{unit}', d.day)::date, round(avg(d.rate), 8), {source}
              from ecb_day d join (select currency, max(day) as last_day from ecb_day group by currency) l
                on l.currency = d.currency
             group by d.currency, date_trunc('{unit}', d.day), l.last_day
            having count(d.rate) = count(*)
               and (date_trunc('{unit}', d.day) + interval '1 {unit}' - interval '1 day')::date <= l.last_day
            on conflict (currency, period_kind, period_start) do update
                set units_per_eur = excluded.units_per_eur, source_id = excluded.source_id""",
                Map.of("kind", sql(period.name()), "unit", sql(period.name().toLowerCase(Locale.ROOT)),
                        "source", value(sourceId)));
    }

    /** The periods the daily rates are averaged over. */
    private enum Averaged {
        MONTH, YEAR
    }

    private static final String UPSERT = """
            with written as (
                insert into exchange_rate (currency, period_kind, period_start, units_per_eur, source_id)
                values (?, ?, ?, ?, ?)
                on conflict (currency, period_kind, period_start) do update
                    set units_per_eur = excluded.units_per_eur, source_id = excluded.source_id
                    where (exchange_rate.units_per_eur, exchange_rate.source_id)
                          is distinct from (excluded.units_per_eur, excluded.source_id)
                returning (xmax = 0) as inserted)
            select inserted from written""";

    private ExchangeRateStore() {
    }

    /**
     * Replaces the rates of a daily source by the days given and the monthly and annual averages computed from them.
     *
     * @param days rows in COPY text format, {@code date TAB currency TAB rate}, the rate {@code \N} where none was
     *             published
     * @return rows written by period kind (DAY, MONTH, YEAR)
     */
    public static Map<String, Long> replaceDaily(Connection c, long sourceId, Reader days) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table ecb_day (day date not null, currency text not null, rate numeric) "
                    + "on commit drop");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy ecb_day (day, currency, rate) from stdin", days);
        }
        try (PreparedStatement ps = c.prepareStatement("delete from exchange_rate where source_id = ?")) {
            ps.setLong(1, sourceId);
            ps.executeUpdate();
        }
        Map<String, Long> written = new LinkedHashMap<>();
        // no other source has daily rates (the rate upload takes years and months), so a plain insert; sorting the
        // rows first cost more than it saved
        try (PreparedStatement ps = c.prepareStatement("""
                insert into exchange_rate (currency, period_kind, period_start, units_per_eur, source_id)
                select currency, 'DAY', day, rate, ? from ecb_day where rate is not null""")) {
            ps.setLong(1, sourceId);
            written.put("DAY", (long) ps.executeUpdate());
        }
        averages(c, sourceId, written);
        return written;
    }

    /**
     * Adds days fetched from the ECB to a daily source: for each currency fetched, its days from the first one
     * fetched replace those the source had, and its monthly and annual averages from the year of that first day on
     * are computed again by the one rule above (from the source's days of that year before the first fetched day
     * and the fetched days). Other currencies, and earlier periods, stay as they were.
     *
     * @param days as for {@link #replaceDaily}
     * @return rows written by period kind (DAY, MONTH, YEAR)
     */
    public static Map<String, Long> mergeFetchedDays(Connection c, long sourceId, Reader days)
            throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table ecb_fetched (day date not null, currency text not null, rate numeric) "
                    + "on commit drop");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy ecb_fetched (day, currency, rate) from stdin", days);
            st.execute("""
                    create temporary table ecb_first on commit drop as
                    select currency, min(day) as day from ecb_fetched group by currency""");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                create temporary table ecb_day on commit drop as
                select e.period_start as day, e.currency, e.units_per_eur as rate
                  from exchange_rate e join ecb_first f on f.currency = e.currency
                 where e.source_id = ? and e.period_kind = 'DAY'
                   and e.period_start >= date_trunc('year', f.day) and e.period_start < f.day
                union all
                select day, currency, rate from ecb_fetched""")) {
            ps.setLong(1, sourceId);
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                delete from exchange_rate e using ecb_first f
                 where e.source_id = ? and e.currency = f.currency
                   and e.period_start >= case e.period_kind when 'DAY' then f.day
                                                            when 'MONTH' then date_trunc('month', f.day)::date
                                                            else date_trunc('year', f.day)::date end""")) {
            ps.setLong(1, sourceId);
            ps.executeUpdate();
        }
        Map<String, Long> written = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into exchange_rate (currency, period_kind, period_start, units_per_eur, source_id)
                select currency, 'DAY', day, rate, ? from ecb_fetched where rate is not null
                on conflict (currency, period_kind, period_start) do update
                    set units_per_eur = excluded.units_per_eur, source_id = excluded.source_id""")) {
            ps.setLong(1, sourceId);
            written.put("DAY", (long) ps.executeUpdate());
        }
        averages(c, sourceId, written);
        return written;
    }

    /** The monthly and annual averages of the days in {@code ecb_day}, by the one rule ({@link #averages(Averaged, long)}). */
    private static void averages(Connection c, long sourceId, Map<String, Long> written) throws SQLException {
        for (Averaged period : Averaged.values()) {
            Sql statement = averages(period, sourceId);
            try (PreparedStatement ps = c.prepareStatement(statement.text())) {
                Jdbc.bind(c, ps, statement.values());
                written.put(period.name(), (long) ps.executeUpdate());
            }
        }
    }

    /** Inserts or updates one rate. @return true inserted, false updated, null when it was already so. */
    public static Boolean upsert(Connection c, String currency, String periodKind, LocalDate start, BigDecimal unitsPerEur,
            long sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, currency);
            ps.setString(2, periodKind);
            ps.setObject(3, start);
            ps.setBigDecimal(4, unitsPerEur);
            ps.setLong(5, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }
}
