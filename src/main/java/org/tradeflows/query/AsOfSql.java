package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import org.tradeflows.sql.Sql;

/**
 * Where versioned data is read from: the table itself for the latest data, else the set-returning function that holds
 * the one rule for "as the data stood at release R" — {@code trade_volume_as_of(R)} (migration V17),
 * {@code sanction_as_of(R)} and {@code shipment_as_of(R)} (V32). Every reader of official figures, sanctions and
 * shipments takes its FROM from here. The rollups hold only today's sums: a flow as of a release reads the shipments.
 */
public final class AsOfSql {

    private AsOfSql() {
    }

    /** @param asOfRelease a release id, or null for the latest data (the plain table, no extra cost) */
    public static Sql tradeVolumes(Long asOfRelease) {
        return asOfRelease == null ? sql("trade_volume") : sql("trade_volume_as_of({})", value(asOfRelease));
    }

    /** The sanctions, as of a release id or (null) the latest. */
    public static Sql sanctions(Long asOfRelease) {
        return asOfRelease == null ? sql("sanction") : sql("sanction_as_of({})", value(asOfRelease));
    }

    /** The shipments, as of a release id or (null) the latest. */
    public static Sql shipments(Long asOfRelease) {
        return asOfRelease == null ? sql("shipment") : sql("shipment_as_of({})", value(asOfRelease));
    }
}
