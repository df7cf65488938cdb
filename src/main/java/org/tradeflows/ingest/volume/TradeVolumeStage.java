package org.tradeflows.ingest.volume;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.Rejection;
import org.tradeflows.store.TradeVolumeRow;
import org.tradeflows.store.TradeVolumeStaging;
import org.tradeflows.store.TradeVolumeStore;

/**
 * Official statistics are staged in the load's transaction (store/TradeVolumeStaging), checked there for rows that
 * repeat a natural key (the same reporter, partner, flow, period, product and currency twice in one file), which are
 * rejected, then upserted into {@code trade_volume}: new rows inserted, changed rows updated (a revision), identical
 * rows left untouched. The two sides of a pair are different reporters, so mirror data stays apart by construction.
 */
final class TradeVolumeStage implements AutoCloseable {

    private final Connection connection;
    private final TradeVolumeStaging staging;
    private long staged;

    TradeVolumeStage(Connection connection) throws SQLException {
        this.connection = connection;
        this.staging = new TradeVolumeStaging(connection);
    }

    void write(TradeVolumeRow r) throws SQLException {
        staging.stage(r);
        staged++;
    }

    /** Rejects repeated keys, then upserts; in all-or-nothing mode a repeated key stops before any write. */
    void write(LoadContext ctx) throws SQLException {
        List<Long> repeated = new ArrayList<>();
        for (TradeVolumeStaging.Repeat r : staging.repeats()) {
            repeated.add(r.line());
            ctx.tally().rejectLate(new Rejection(r.line(), null,
                    "repeats the reporter, partner, flow, period, product and currency of line " + r.firstLine(), null));
        }
        if (!ctx.writing()) {
            return;
        }
        staging.drop(repeated);
        TradeVolumeStaging.Written written = staging.upsert(ctx.releaseId(), ctx.sourceId());
        ctx.tally().wrote("tradeVolumesInserted", written.inserted());
        ctx.tally().wrote("tradeVolumesUpdated", written.updated());
        ctx.tally().unchanged(staged - repeated.size() - written.inserted() - written.updated());
        // a file with rejected rows is not the whole edition: withdrawing would drop the figures of its bad rows
        if (ctx.replacing() && ctx.tally().rowsRejected() == 0) {
            ctx.tally().wrote("tradeVolumesWithdrawn", TradeVolumeStore.withdrawAbsent(connection, ctx.sourceId()));
        }
    }

    @Override
    public void close() throws SQLException {
        staging.close();
    }
}
