package org.tradeflows.store;

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

/**
 * Every SQL statement that writes exchange rates. The ECB's daily rates come in by COPY and their monthly and annual
 * averages are computed by PostgreSQL from them, so that the first start stays fast with 200,000 daily rates.
 */
public final class ExchangeRateStore {

    /**
     * The averages: the arithmetic mean of the published daily rates of the period, rounded to 8 decimals, only for a
     * period the file covers to its end and in which the currency has a rate on every day the file lists ('N/A'
     * days make the period's average absent rather than a mean of the other days: never carried forward). The
     * placeholders take the period kind and its date_trunc unit from a fixed list, never from input.
     */
    private static final String AVERAGES = """
            insert into exchange_rate (currency, period_kind, period_start, units_per_eur, source_id)
            select d.currency, '%1$s', date_trunc('%2$s', d.day)::date, round(avg(d.rate), 8), ?
              from ecb_day d
             group by d.currency, date_trunc('%2$s', d.day)
            having count(d.rate) = count(*)
               and (date_trunc('%2$s', d.day) + interval '1 %2$s' - interval '1 day')::date <= (select max(day) from ecb_day)
            on conflict (currency, period_kind, period_start) do update
                set units_per_eur = excluded.units_per_eur, source_id = excluded.source_id""";

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
        for (String kind : new String[] {"MONTH", "YEAR"}) {
            try (PreparedStatement ps = c.prepareStatement(AVERAGES.formatted(kind, kind.toLowerCase(Locale.ROOT)))) {
                ps.setLong(1, sourceId);
                written.put(kind, (long) ps.executeUpdate());
            }
        }
        return written;
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
