package org.tradeflows.store;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The tables sanction_history and shipment_history (migration V32): listings and shipments as they stood before a
 * release or a correction revised or withdrew them. Triggers on sanction and shipment write them; queries read them
 * through sanction_as_of and shipment_as_of (query/AsOfSql); this store prunes them, by the same rules as
 * {@link TradeVolumeHistoryStore} prunes the official figures' history.
 */
public final class CompanyDataHistoryStore {

    private CompanyDataHistoryStore() {
    }

    /** How many kept versions a pruning deleted (or, dry, would delete), per table. */
    public record Pruned(long sanctions, long shipments) {
    }

    /** Deletes kept versions superseded by a release published before {@code day} (UTC). */
    public static Pruned pruneBefore(Connection c, LocalDate day, boolean dryRun) throws SQLException {
        return new Pruned(TradeVolumeHistoryStore.prune(c, sql("""
                from sanction_history h
                where h.superseded_by in (select r.id from data_release r
                                          where r.released_at < ({}::date)::timestamp at time zone 'UTC')""",
                value(day.toString())), dryRun),
                TradeVolumeHistoryStore.prune(c, sql("""
                from shipment_history h
                where h.superseded_by in (select r.id from data_release r
                                          where r.released_at < ({}::date)::timestamp at time zone 'UTC')""",
                value(day.toString())), dryRun));
    }

    /** Keeps what asOf needs for the {@code keep} newest releases, deletes the rest. */
    public static Pruned pruneKeeping(Connection c, int keep, boolean dryRun) throws SQLException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one release (the latest)");
        }
        return new Pruned(TradeVolumeHistoryStore.prune(c, sql("""
                from sanction_history h
                where h.superseded_by <= (select id from data_release order by id desc offset ({}::int - 1) limit 1)""",
                value(Integer.toString(keep))), dryRun),
                TradeVolumeHistoryStore.prune(c, sql("""
                from shipment_history h
                where h.superseded_by <= (select id from data_release order by id desc offset ({}::int - 1) limit 1)""",
                value(Integer.toString(keep))), dryRun));
    }
}
