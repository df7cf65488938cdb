package org.tradeflows.store;

import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.AmountRecord;
import org.tradeflows.model.PeriodKind;
import org.tradeflows.model.PeriodRecord;
import org.tradeflows.model.TradeFlow;
import org.tradeflows.model.TradeVolumeDimension;
import org.tradeflows.model.TradeVolumeGroupRecord;
import org.tradeflows.model.TradeVolumeRecord;
import org.tradeflows.model.ValueQualifier;
import org.tradeflows.query.AsOfSql;
import org.tradeflows.query.FlowSql;
import org.tradeflows.query.Keyset;
import org.tradeflows.query.TradeVolumeCriteria;
import org.tradeflows.query.TradeVolumeFlowSql;
import org.tradeflows.sql.Sql;

/**
 * Every SQL statement that lists official trade figures (aggregation lives in its own query class), the curators'
 * attaching of a source, and the loaders' writes that are not staged (TradeVolumeStaging has those): a dataset's yearly
 * totals, and the withdrawals of a source's figures.
 */
@ApplicationScoped
public class TradeVolumeStore implements SourceLinked {

    private static final String COLUMNS = """
            t.id, t.reporter, t.partner, t.flow, t.period_kind, t.period_start, t.period_end, t.product_code, t.value,
            t.currency, t.value_eur, t.value_usd, t.value_qualifier, t.net_weight_kg, t.quantity, t.quantity_unit, t.note,
            t.source_id, t.release_id""";

    /**
     * Removes the source's rows that came from another upstream version than {@code upstreamVersion} (or from no
     * fetch), in the caller's transaction: a source answers one version of its publisher's data, never a mix.
     */
    public static long deleteOtherVersions(Connection c, long sourceId, String upstreamVersion)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                delete from trade_volume t where t.source_id = ? and not exists (
                    select 1 from data_release r where r.id = t.release_id and r.upstream_version = ?)""")) {
            ps.setLong(1, sourceId);
            ps.setString(2, upstreamVersion);
            return ps.executeUpdate();
        }
    }

    private final Jdbc jdbc;
    private final AnswerCache answerCache;

    public TradeVolumeStore(Jdbc jdbc, AnswerCache answerCache) {
        this.jdbc = jdbc;
        this.answerCache = answerCache;
    }

    public List<TradeVolumeRecord> byIds(Collection<Long> ids) {
        return jdbc.list("select " + COLUMNS + " from trade_volume t where t.id = any(?)", List.of(ids),
                TradeVolumeStore::map);
    }

    /** One page of figures as they stood at release {@code asOf} (null: the latest data). */
    public List<TradeVolumeRecord> page(TradeVolumeCriteria filter, Long asOf, LocalDate afterStart, Long afterId,
            int limit) {
        Sql after = afterStart == null ? Sql.EMPTY
                : sql("(t.period_start, t.id) > ({}, {})", value(afterStart), value(afterId));
        Sql page = sql("select " + COLUMNS + " from {} t where {} order by t.period_start, t.id limit {}",
                AsOfSql.tradeVolumes(asOf), Sql.and(where(filter), after), value(limit));
        return jdbc.list(page.text(), page.values(), TradeVolumeStore::map);
    }

    public long count(TradeVolumeCriteria filter, Long asOf) {
        Sql count = sql("select count(*) from {} t where {}", AsOfSql.tradeVolumes(asOf), where(filter));
        return jdbc.count(count.text(), count.values());
    }

    /**
     * Withdraws the source's figures that a load's staging table ({@code ingest_trade_volume}, in the caller's
     * transaction) does not have: they are deleted here and kept in trade_volume_history by its trigger, as withdrawn
     * by the release the transaction writes under. Gives how many.
     */
    public static long withdrawAbsent(Connection c, long sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                delete from trade_volume t where t.source_id = ? and not exists (
                    select 1 from ingest_trade_volume s
                     where s.reporter = t.reporter and s.partner = t.partner and s.flow = t.flow
                       and s.period_start = t.period_start and s.period_end = t.period_end
                       and coalesce(s.product_code, '*') = coalesce(t.product_code, '*') and s.currency = t.currency)""")) {
            ps.setLong(1, sourceId);
            return ps.executeUpdate();
        }
    }

    /** The filter on trade volume alias {@code t}, shared with the aggregation and the export. */
    public static Sql where(TradeVolumeCriteria f) {
        if (f == null) {
            return Sql.TRUE;
        }
        return Sql.and(
                ifGiven(f.reporters(), r -> sql("t.reporter = any({})", value(r))),
                ifGiven(f.partners(), p -> sql("t.partner = any({})", value(p))),
                ifGiven(f.flows(), fl -> sql("t.flow = any({})", value(fl.stream().map(Enum::name).toList()))),
                ifGiven(f.yearFrom(), y -> sql("t.period_start >= make_date({}, 1, 1)", value(y))),
                ifGiven(f.yearTo(), y -> sql("t.period_end <= make_date({}, 12, 31)", value(y))),
                ifGiven(f.productCode(), c -> sql("t.product_code like {}", value(c + "%"))),
                ifGiven(f.allGoods(), a -> sql("(t.product_code is null) = {}", value(a))),
                ifGiven(f.source(), k -> sql("t.source_id = (select id from source where key = {})", value(k))));
    }

    /** Official figures grouped, one page of groups, through the answer cache. */
    public List<GroupRow> groups(TradeVolumeFlowSql.Query q) {
        FlowSql.Rendered rendered = TradeVolumeFlowSql.groups(q, where(q.filter()));
        List<Keyset.Column> sort = rendered.sort();
        return answerCache.list(rendered.sql().text(), rendered.sql().values(), rs -> {
            List<String> values = new ArrayList<>();
            for (Keyset.Column c : sort) {
                values.add(rs.getString(c.expression()));
            }
            return new GroupRow(group(rs, q.groupBy()), values, rs.getLong("group_count"));
        });
    }

    /** A group of figures and the sort values that make its cursor. */
    public record GroupRow(TradeVolumeGroupRecord group, List<String> sortValues, long groupCount) {
    }

    private static TradeVolumeGroupRecord group(ResultSet rs, List<TradeVolumeDimension> dims) throws SQLException {
        BigDecimal eur = rs.getBigDecimal("value_eur");
        ValueQualifier qualifier = ValueQualifier.valueOf(rs.getString("qualifier"));
        LocalDate quarter = dims.contains(TradeVolumeDimension.QUARTER) ? Jdbc.date(rs, "k_quarter").orElse(null) : null;
        LocalDate month = dims.contains(TradeVolumeDimension.MONTH) ? Jdbc.date(rs, "k_month").orElse(null) : null;
        return new TradeVolumeGroupRecord(TradeFlow.valueOf(rs.getString("k_flow")), rs.getBoolean("k_all_goods"),
                dims.contains(TradeVolumeDimension.YEAR) ? Jdbc.intOrNull(rs, "k_year") : null,
                quarter == null ? null : quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1),
                month == null ? null : String.format("%d-%02d", month.getYear(), month.getMonthValue()),
                eur, rs.getBigDecimal("value_usd"), qualifier,
                rs.getLong("figure_count"), rs.getLong("without_eur"), rs.getBigDecimal("net_weight"),
                Jdbc.date(rs, "first_date").orElse(null), Jdbc.date(rs, "last_date").orElse(null),
                rs.getBigDecimal("share"), rs.getString("k_reporter"),
                dims.contains(TradeVolumeDimension.PARTNER) ? rs.getString("k_partner") : null, rs.getLong("k_source"),
                dims.contains(TradeVolumeDimension.SECTION) ? rs.getString("k_section") : null,
                dims.contains(TradeVolumeDimension.HS2) ? rs.getString("k_hs2") : null,
                dims.contains(TradeVolumeDimension.HS4) ? rs.getString("k_hs4") : null,
                dims.contains(TradeVolumeDimension.HS6) ? rs.getString("k_hs6") : null, textArray(rs, "rate_keys"));
    }

    private static List<String> textArray(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    static TradeVolumeRecord map(ResultSet rs) throws SQLException {
        return map(rs, "");
    }

    /** A figure from columns named as trade_volume's, each after {@code prefix} (a diff reads two figures a row). */
    static TradeVolumeRecord map(ResultSet rs, String p) throws SQLException {
        long id = rs.getLong(p + "id");
        return new TradeVolumeRecord(id, TradeFlow.valueOf(rs.getString(p + "flow")),
                PeriodKind.valueOf(rs.getString(p + "period_kind")),
                new PeriodRecord(Jdbc.date(rs, p + "period_start").orElse(null),
                        Jdbc.date(rs, p + "period_end").orElse(null), null),
                new AmountRecord(rs.getBigDecimal(p + "value"), rs.getString(p + "currency"),
                        ValueQualifier.valueOf(rs.getString(p + "value_qualifier"))),
                rs.getBigDecimal(p + "value_eur"), rs.getBigDecimal(p + "value_usd"), rs.getBigDecimal(p + "net_weight_kg"),
                rs.getBigDecimal(p + "quantity"), rs.getString(p + "quantity_unit"), rs.getString(p + "note"),
                rs.getString(p + "reporter"), rs.getString(p + "partner"), rs.getString(p + "product_code"), rs.getLong(p + "source_id"),
                rs.getLong(p + "release_id"));
    }

    @Override
    public Optional<Link> lockSourceLink(long id) {
        return jdbc.one("select source_id from trade_volume where id = ? for update", List.of(id),
                rs -> new Link(Jdbc.longOrNull(rs, "source_id")));
    }

    @Override
    public void setSource(long id, long sourceId) {
        jdbc.update("update trade_volume set source_id = ? where id = ?", List.of(sourceId, id));
    }

    /** A yearly total as a dataset states it: a reporter's flow with a partner over one calendar year. */
    public record YearTotal(long releaseId, long sourceId, String reporter, String partner, String flow, int year,
            BigDecimal value, String currency, String qualifier, String note) {
    }

    /**
     * Upserts the yearly totals on a dataset loader's connection in one batch, converted by to_eur and to_usd at the
     * year's rate; a total already there (same source, reporter, partner, flow, year and currency) takes the new
     * release, value and note. How many totals.
     */
    public static int upsertYearTotals(Connection c, List<YearTotal> totals) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into trade_volume (release_id, source_id, reporter, partner, flow, period_kind, period_start,
                                          period_end, value, currency, value_eur, value_usd, value_qualifier, note)
                values (?, ?, ?, ?, ?, 'YEAR', ?, ?, ?, ?, to_eur(?, ?, 'YEAR', ?), to_usd(?, ?, 'YEAR', ?), ?, ?)
                on conflict (source_id, reporter, partner, flow, period_start, period_end, coalesce(product_code, '*'),
                             currency)
                do update set release_id = excluded.release_id, value = excluded.value, value_eur = excluded.value_eur,
                    value_usd = excluded.value_usd, value_qualifier = excluded.value_qualifier, note = excluded.note""")) {
            for (YearTotal t : totals) {
                LocalDate start = LocalDate.of(t.year(), 1, 1);
                ps.setLong(1, t.releaseId());
                ps.setLong(2, t.sourceId());
                ps.setString(3, t.reporter());
                ps.setString(4, t.partner());
                ps.setString(5, t.flow());
                ps.setObject(6, start);
                ps.setObject(7, LocalDate.of(t.year(), 12, 31));
                ps.setBigDecimal(8, t.value());
                ps.setString(9, t.currency());
                for (int base : new int[] {10, 13}) {
                    ps.setBigDecimal(base, t.value());
                    ps.setString(base + 1, t.currency());
                    ps.setObject(base + 2, start);
                }
                ps.setString(16, t.qualifier());
                ps.setString(17, t.note());
                ps.addBatch();
            }
            ps.executeBatch();
            return totals.size();
        }
    }
}
