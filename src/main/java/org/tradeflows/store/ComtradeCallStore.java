package org.tradeflows.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comtrade_call table: the UN Comtrade API calls of a fetch that answered, kept (with their rows) until the fetch
 * is loaded whole, so that a rerun after a crash or a spent daily budget makes only the calls still missing; and the
 * day's calls, which the daily call budget counts.
 */
public final class ComtradeCallStore {

    private ComtradeCallStore() {
    }

    /** A call that answered: its rows for the loader (null when it hit the cap and was split), committed at once. */
    public record Call(int recordCount, boolean split, String rowsCsv) {
    }

    /** The calls of a fetch not yet loaded, by call key. */
    public static Map<String, Call> pending(Connection c, String fetchKey) throws SQLException {
        Map<String, Call> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select call_key, record_count, split, rows_csv from comtrade_call
                where fetch_key = ? and release_id is null order by id""")) {
            ps.setString(1, fetchKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Call(rs.getInt(2), rs.getBoolean(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    public static void record(Connection c, String fetchKey, String callKey, Call call) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into comtrade_call (fetch_key, call_key, record_count, split, rows_csv) values (?, ?, ?, ?, ?)
                on conflict (fetch_key, call_key) where release_id is null do update
                set record_count = excluded.record_count, split = excluded.split, rows_csv = excluded.rows_csv,
                    fetched_at = now()""")) {
            ps.setString(1, fetchKey);
            ps.setString(2, callKey);
            ps.setInt(3, call.recordCount());
            ps.setBoolean(4, call.split());
            ps.setString(5, call.rowsCsv());
            ps.executeUpdate();
        }
    }

    /** Calls made since midnight UTC (what the daily budget counts). */
    public static int callsToday(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*) from comtrade_call where fetched_at >= (now() at time zone 'UTC')::date at time zone 'UTC'""");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The fetch was loaded as {@code releaseId}: its calls are done and their rows dropped (they are in trade_volume). */
    public static void loaded(Connection c, String fetchKey, long releaseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update comtrade_call set release_id = ?, rows_csv = null where fetch_key = ? and release_id is null""")) {
            ps.setLong(1, releaseId);
            ps.setString(2, fetchKey);
            ps.executeUpdate();
        }
    }
}
