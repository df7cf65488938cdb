package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.tradeflows.api.types.Money;
import org.tradeflows.api.types.Period;
import org.tradeflows.api.types.TradeVolume;
import org.tradeflows.input.TradeVolumeFilter;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.PeriodKind;
import org.tradeflows.model.TradeFlow;
import org.tradeflows.model.ValueQualifier;
import org.tradeflows.query.Where;

/** Every SQL statement that lists official trade figures (aggregation lives in its own query class). */
@ApplicationScoped
public class TradeVolumeStore {

    private static final String COLUMNS = """
            t.id, t.reporter, t.partner, t.flow, t.period_kind, t.period_start, t.period_end, t.product_code, t.value,
            t.currency, t.value_eur, t.value_usd, t.value_qualifier, t.net_weight_kg, t.quantity, t.quantity_unit, t.note,
            t.source_id, t.release_id""";

    private final Jdbc jdbc;

    public TradeVolumeStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<TradeVolume> byIds(Collection<Long> ids) {
        return jdbc.list("select " + COLUMNS + " from trade_volume t where t.id = any(?)", List.of(ids),
                TradeVolumeStore::map);
    }

    public List<TradeVolume> page(TradeVolumeFilter filter, LocalDate afterStart, Long afterId, int limit) {
        Where w = where(filter);
        if (afterStart != null) {
            w.and("(t.period_start, t.id) > (?, ?)", afterStart, afterId);
        }
        return jdbc.list("select " + COLUMNS + " from trade_volume t where " + w.sql()
                + " order by t.period_start, t.id limit ?", w.params(limit), TradeVolumeStore::map);
    }

    public long count(TradeVolumeFilter filter) {
        Where w = where(filter);
        return jdbc.count("select count(*) from trade_volume t where " + w.sql(), w.params());
    }

    /** The filter on trade volume alias {@code t}, shared with the aggregation. */
    public static Where where(TradeVolumeFilter f) {
        Where w = new Where();
        if (f == null) {
            return w;
        }
        w.andIf(f.reporters(), "t.reporter = any(?)", f.reporters());
        w.andIf(f.partners(), "t.partner = any(?)", f.partners());
        w.andIf(f.flows(), "t.flow = any(?)", f.flows() == null ? null : f.flows().stream().map(Enum::name).toList());
        w.andIf(f.yearFrom(), "t.period_start >= make_date(?, 1, 1)", f.yearFrom());
        w.andIf(f.yearTo(), "t.period_end <= make_date(?, 12, 31)", f.yearTo());
        w.andIf(f.productCode(), "t.product_code like ?", f.productCode() + "%");
        w.andIf(f.allGoods(), "(t.product_code is null) = ?", f.allGoods());
        w.andIf(f.source(), "t.source_id = (select id from source where key = ?)", f.source());
        return w;
    }

    static TradeVolume map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new TradeVolume(GlobalId.of("TradeVolume", id), TradeFlow.valueOf(rs.getString("flow")),
                PeriodKind.valueOf(rs.getString("period_kind")),
                new Period(Jdbc.date(rs, "period_start").orElse(null), Jdbc.date(rs, "period_end").orElse(null), null),
                Money.of(rs.getBigDecimal("value"), rs.getString("currency"),
                        ValueQualifier.valueOf(rs.getString("value_qualifier"))),
                rs.getBigDecimal("value_eur"), rs.getBigDecimal("value_usd"), rs.getBigDecimal("net_weight_kg"),
                rs.getBigDecimal("quantity"), rs.getString("quantity_unit"), rs.getString("note"),
                rs.getString("reporter"), rs.getString("partner"), rs.getString("product_code"), rs.getLong("source_id"),
                rs.getLong("release_id"));
    }
}
