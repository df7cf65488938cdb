package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import org.tradeflows.sql.Sql;

/**
 * Where official figures are read from: the table itself for the latest data, else the set-returning function
 * {@code trade_volume_as_of(R)} (migration V17), which holds the one rule for "as the data stood at release R". Every
 * reader of official figures (lists, aggregations, coverage, exports) takes its FROM from here.
 */
public final class AsOfSql {

    private AsOfSql() {
    }

    /** @param asOfRelease a release id, or null for the latest data (the plain table, no extra cost) */
    public static Sql tradeVolumes(Long asOfRelease) {
        return asOfRelease == null ? sql("trade_volume") : sql("trade_volume_as_of({})", value(asOfRelease));
    }
}
