package org.tradeflows.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The loaders' writes of official statistics: rows are streamed with COPY into a staging table in the load's
 * transaction, checked there for rows that repeat a natural key (the same reporter, partner, flow, period, product and
 * currency twice in one file), then upserted into {@code trade_volume}: new rows inserted, changed rows updated (a
 * revision), identical rows left untouched.
 */
public final class TradeVolumeStaging implements AutoCloseable {

    /** A staged row that repeats the natural key of an earlier line. */
    public record Repeat(long line, long firstLine) {
    }

    /** What the upsert did: rows inserted and rows updated (the others were identical). */
    public record Written(long inserted, long updated) {
    }

    private static final String CREATE = """
            create temp table ingest_trade_volume (
                line bigint not null, reporter text not null, partner text not null, flow text not null,
                period_kind text not null, period_start date not null, period_end date not null, product_code text,
                value numeric(24, 2) not null, currency text not null, eur_rate numeric not null, usd_rate numeric,
                value_qualifier text not null, net_weight_kg numeric(24, 3), quantity numeric(24, 3),
                quantity_unit text, note text
            ) on commit drop""";

    private static final String COPY = """
            copy ingest_trade_volume (line, reporter, partner, flow, period_kind, period_start, period_end, product_code,
                value, currency, eur_rate, usd_rate, value_qualifier, net_weight_kg, quantity, quantity_unit, note)
            from stdin""";

    private static final String DUPLICATES = """
            select line, first_line from (
                select line, min(line) over w as first_line, count(*) over w as n from ingest_trade_volume
                window w as (partition by reporter, partner, flow, period_start, period_end, coalesce(product_code, '*'),
                             currency)) d
            where n > 1 and line > first_line order by line""";

    private static final String UPSERT = """
            with written as (
                insert into trade_volume (release_id, source_id, reporter, partner, flow, period_kind, period_start,
                    period_end, product_code, value, currency, value_eur, value_usd, value_qualifier, net_weight_kg,
                    quantity, quantity_unit, note)
                select ?, ?, reporter, partner, flow, period_kind, period_start, period_end, product_code, value, currency,
                    eur_of(value, eur_rate), usd_of(value, currency, eur_rate, usd_rate),
                    value_qualifier, net_weight_kg, quantity, quantity_unit, note
                from ingest_trade_volume
                on conflict (source_id, reporter, partner, flow, period_start, period_end, coalesce(product_code, '*'),
                             currency)
                do update set release_id = excluded.release_id, period_kind = excluded.period_kind,
                    value = excluded.value, value_eur = excluded.value_eur, value_usd = excluded.value_usd,
                    value_qualifier = excluded.value_qualifier, net_weight_kg = excluded.net_weight_kg,
                    quantity = excluded.quantity, quantity_unit = excluded.quantity_unit, note = excluded.note
                where (trade_volume.value, trade_volume.value_eur, trade_volume.value_usd, trade_volume.value_qualifier,
                       trade_volume.net_weight_kg, trade_volume.quantity, trade_volume.quantity_unit, trade_volume.note,
                       trade_volume.period_kind)
                      is distinct from
                      (excluded.value, excluded.value_eur, excluded.value_usd, excluded.value_qualifier,
                       excluded.net_weight_kg, excluded.quantity, excluded.quantity_unit, excluded.note,
                       excluded.period_kind)
                returning (xmax = 0) as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted) from written""";

    private final Connection connection;
    private final CopyStream copy;
    private final CopyRow row = new CopyRow();

    /** Creates the staging table in the load's transaction; rows are streamed into it from the first {@link #stage}. */
    public TradeVolumeStaging(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute(CREATE);
        }
        this.copy = new CopyStream(connection, COPY);
    }

    public void stage(TradeVolumeRow r) throws SQLException {
        row.reset().add(r.line()).add(r.reporter()).add(r.partner()).add(r.flow()).add(r.periodKind())
                .add(r.periodStart()).add(r.periodEnd()).add(r.productCode()).add(r.value()).add(r.currency())
                .add(r.eurRate()).add(r.usdRate()).add(r.qualifier()).add(r.netWeightKg()).add(r.quantity())
                .add(r.quantityUnit()).add(r.note());
        copy.write(row);
    }

    /** Ends the COPY; the staged rows that repeat an earlier line's natural key, in line order. */
    public List<Repeat> repeats() throws SQLException {
        copy.close();
        List<Repeat> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(DUPLICATES)) {
            while (rs.next()) {
                out.add(new Repeat(rs.getLong(1), rs.getLong(2)));
            }
        }
        return out;
    }

    /** Leaves these lines out of the upsert. */
    public void drop(List<Long> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("delete from ingest_trade_volume where line = any(?)")) {
            ps.setArray(1, connection.createArrayOf("bigint", lines.toArray()));
            ps.executeUpdate();
        }
    }

    /** Upserts the staged rows as the source's figures of this release. */
    public Written upsert(long releaseId, long sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
            ps.setLong(1, releaseId);
            ps.setLong(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Written(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }
}
