package org.tradeflows.store;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tradeflows.model.TradeVolumeRecord;
import org.tradeflows.model.FigureChange;
import org.tradeflows.sql.Sql;

/**
 * The table trade_volume_history (migration V17): official figures as they stood before a release revised or
 * withdrew them. Triggers on trade_volume write it; this store says which release a withdrawal belongs to, reads
 * the differences between two releases, and prunes what is no longer wanted.
 */
@ApplicationScoped
public class TradeVolumeHistoryStore {

    private static final List<String> FIGURE_COLUMNS = List.of("id", "reporter", "partner", "flow", "period_kind",
            "period_start", "period_end", "product_code", "value", "currency", "value_eur", "value_usd",
            "value_qualifier", "net_weight_kg", "quantity", "quantity_unit", "note", "source_id", "release_id");

    private static final String DIFF_COLUMNS = Stream.concat(
            FIGURE_COLUMNS.stream().map(c -> "(d.old_figure)." + c + " as o_" + c),
            FIGURE_COLUMNS.stream().map(c -> "(d.new_figure)." + c + " as n_" + c)).collect(Collectors.joining(", "));

    private final Jdbc jdbc;

    public TradeVolumeHistoryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Names the release that the rest of the caller's transaction writes under, so that figures it deletes are kept
     * as withdrawn by that release. Updates need no call (the new row names its release); a delete without it counts
     * as superseded by the newest release at that moment.
     */
    public static void writingRelease(Connection c, long releaseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('tradeflows.release_id', ?, true)")) {
            ps.setString(1, Long.toString(releaseId));
            ps.execute();
        }
    }

    /** One change between two releases, with the figure as it stood in each (null where it did not exist). */
    public record Change(FigureChange change, String key, TradeVolumeRecord before, TradeVolumeRecord after) {
    }

    /**
     * A page of the differences from release {@code from} to release {@code to}, in the order of their keys;
     * {@code filter} is a condition on the figure's columns under alias {@code t} (TradeVolumeStore.where).
     */
    public List<Change> diff(long from, long to, Sql filter, String afterKey, int limit) {
        Sql page = sql("select d.change, d.figure_key, " + DIFF_COLUMNS + " from {} where {} "
                + "order by d.figure_key collate \"C\" limit {}", diffRows(from, to),
                Sql.and(filter,
                        afterKey == null ? Sql.EMPTY : sql("d.figure_key collate \"C\" > {}", value(afterKey))),
                value(limit));
        return jdbc.list(page, rs -> new Change(FigureChange.valueOf(rs.getString("change")), rs.getString("figure_key"),
                figure(rs, "o_"), figure(rs, "n_")));
    }

    public long diffCount(long from, long to, Sql filter) {
        return jdbc.count(sql("select count(*) from {} where {}", diffRows(from, to), filter));
    }

    /** The diff with the figure's key columns under alias {@code t}, so the figures' filter applies as it is. */
    private static Sql diffRows(long from, long to) {
        return sql("trade_volume_release_diff({}, {}) d cross join lateral "
                + "(select (coalesce(d.new_figure, d.old_figure)).*) t", value(from), value(to));
    }

    private static TradeVolumeRecord figure(ResultSet rs, String prefix) throws SQLException {
        rs.getLong(prefix + "id");
        return rs.wasNull() ? null : TradeVolumeStore.map(rs, prefix);
    }

    /** Deletes kept figures superseded by a release published before {@code day} (UTC); gives how many. */
    public static long pruneBefore(Connection c, LocalDate day, boolean dryRun) throws SQLException {
        return prune(c, sql("""
                from trade_volume_history h
                where h.superseded_by in (select r.id from data_release r
                                          where r.released_at < ({}::date)::timestamp at time zone 'UTC')""",
                value(day.toString())), dryRun);
    }

    /**
     * Keeps what asOf needs for the {@code keep} newest releases (kept figures superseded after the oldest of them),
     * deletes the rest; gives how many.
     */
    public static long pruneKeeping(Connection c, int keep, boolean dryRun) throws SQLException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one release (the latest)");
        }
        return prune(c, sql("""
                from trade_volume_history h
                where h.superseded_by <= (select id from data_release order by id desc offset ({}::int - 1) limit 1)""",
                value(Integer.toString(keep))), dryRun);
    }

    /** Deletes (or, dry, counts) the rows of {@code fromWhere}: a history table aliased h and its condition. */
    static long prune(Connection c, Sql fromWhere, boolean dryRun) throws SQLException {
        Sql statement = dryRun ? sql("select count(*) {}", fromWhere)
                : sql("with gone as (delete {} returning 1) select count(*) from gone", fromWhere);
        try (PreparedStatement ps = c.prepareStatement(statement.text())) {
            Jdbc.bind(c, ps, statement.values());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
