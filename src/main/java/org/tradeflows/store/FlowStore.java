package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tradeflows.config.RollupsConfig;
import org.tradeflows.model.ChplTier;
import org.tradeflows.model.CompanyRole;
import org.tradeflows.model.CounterpartyRecord;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowGroupRecord;
import org.tradeflows.model.FlowMeasuresRecord;
import org.tradeflows.model.PartnerTotalRecord;
import org.tradeflows.model.TradeFlow;
import org.tradeflows.model.ValueQualifier;
import org.tradeflows.query.FlowBase;
import org.tradeflows.query.FlowQuery;
import org.tradeflows.query.FlowSql;
import org.tradeflows.query.Keyset;
import org.tradeflows.query.ShipmentScope;

/**
 * Reads flow aggregates: runs what {@link FlowSql} renders, through the answer cache, on the shipments or the rollup
 * {@link FlowBase#choose} finds exact, whichever is cheaper ({@link FlowCosts}), and maps each row to a record. Shipments and rollups are written only by their
 * owners (ShipmentStore, and the rollup triggers).
 */
@ApplicationScoped
public class FlowStore {

    private final AnswerCache answerCache;
    private final FlowCosts costs;
    private final boolean rollups;

    public FlowStore(AnswerCache answerCache, FlowCosts costs, RollupsConfig rollupsConfig) {
        this.answerCache = answerCache;
        this.costs = costs;
        this.rollups = rollupsConfig.enabled();
    }

    /** A group, the sort values that make its cursor, its parent when partitioned, and the base it was read from. */
    public record Row(FlowGroupRecord group, List<String> sortValues, Object partitionKey, long groupCount, FlowBase base) {
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs, List<String> sortValues) throws SQLException;
    }

    /**
     * The groups of one page (or, partitioned, the first groups of each parent), from the shipments or the rollup that
     * answers exactly, whichever PostgreSQL estimates cheaper ({@link FlowCosts}).
     */
    public List<Row> groups(FlowQuery q) {
        return groups(q, base(q));
    }

    /** The base {@link #groups(FlowQuery)} reads. */
    public FlowBase base(FlowQuery q) {
        return costs.cheaper(FlowBase.choose(q, false, rollups), b -> FlowSql.groups(q, b));
    }

    /** The same groups read from the given base: how tests prove that rollups and shipments agree. */
    public List<Row> groups(FlowQuery q, FlowBase base) {
        return run(FlowSql.groups(q, base), (rs, sort) -> new Row(group(rs, q.groupBy()), sort,
                q.partition() == null ? null : rs.getObject("part_key"), rs.getLong("group_count"), base));
    }

    /** A company's counterparties with totals per direction, for many companies at once. */
    public List<PartRow<Long, CounterpartyRecord>> counterparties(List<Long> companyIds, ShipmentScope scope, int limit,
            List<String> after) {
        FlowQuery q = FlowSql.counterpartiesQuery(companyIds, scope, limit, after);
        return run(FlowSql.counterparties(q), (rs, sort) -> new PartRow<>(rs.getLong("part_key"), new CounterpartyRecord(
                CompanyRole.valueOf(rs.getString("k_role")), measures(rs), rs.getLong("k_counterparty")), sort,
                rs.getLong("group_count"))).stream().filter(e -> e.item().companyId() != 0).toList();
    }

    /** One row of a partitioned answer: its parent, the item, its sort values (the cursor) and its parent's group count. */
    public record PartRow<K, T>(K part, T item, List<String> sortValues, long groupCount) {
    }

    /** A country's partner countries with totals per direction, for many countries at once. */
    public List<PartRow<String, PartnerTotalRecord>> partners(List<String> countryCodes, ShipmentScope scope, int limit,
            List<String> after) {
        FlowQuery q = FlowSql.partnersQuery(countryCodes, scope, limit, after);
        FlowBase base = costs.cheaper(FlowBase.choose(q, false, rollups), b -> FlowSql.partners(q, b));
        return run(FlowSql.partners(q, base), (rs, sort) -> new PartRow<>(rs.getString("part_key"),
                new PartnerTotalRecord(TradeFlow.valueOf(rs.getString("k_direction")), measures(rs), rs.getString("k_partner")),
                sort, rs.getLong("group_count")));
    }

    private <T> List<T> run(FlowSql.Rendered rendered, RowReader<T> reader) {
        List<Keyset.Column> sort = rendered.sort();
        return answerCache.list(rendered.sql().text(), rendered.sql().values(), rs -> {
            List<String> values = new ArrayList<>(sort.size());
            for (Keyset.Column c : sort) {
                values.add(rs.getString(c.expression()));
            }
            return reader.read(rs, values);
        });
    }

    static FlowMeasuresRecord measures(ResultSet rs) throws SQLException {
        return new FlowMeasuresRecord(rs.getBigDecimal("value_eur"), rs.getBigDecimal("value_usd"),
                ValueQualifier.valueOf(rs.getString("qualifier")), rs.getLong("shipment_count"), rs.getLong("without_eur"),
                rs.getBigDecimal("net_weight"), Jdbc.longOrNull(rs, "distinct_suppliers"),
                Jdbc.longOrNull(rs, "distinct_recipients"), Jdbc.date(rs, "first_date").orElse(null),
                Jdbc.date(rs, "last_date").orElse(null), rs.getBigDecimal("share"));
    }

    private static FlowGroupRecord group(ResultSet rs, List<FlowDimension> dims) throws SQLException {
        LocalDate quarter = dims.contains(FlowDimension.QUARTER) ? Jdbc.date(rs, "k_quarter").orElse(null) : null;
        LocalDate month = dims.contains(FlowDimension.MONTH) ? Jdbc.date(rs, "k_month").orElse(null) : null;
        String tier = dims.contains(FlowDimension.CHPL_TIER) ? rs.getString("k_chpl_tier") : null;
        Boolean sanctioned = dims.contains(FlowDimension.RECIPIENT_SANCTIONED) ? rs.getBoolean("k_recipient_sanctioned") : null;
        return new FlowGroupRecord(
                dims.contains(FlowDimension.YEAR) ? Jdbc.intOrNull(rs, "k_year") : null,
                quarter == null ? null : quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1),
                month == null ? null : String.format("%d-%02d", month.getYear(), month.getMonthValue()),
                tier == null ? null : ChplTier.valueOf(tier), sanctioned, measures(rs),
                dims.contains(FlowDimension.SUPPLIER) ? Jdbc.longOrNull(rs, "k_supplier") : null,
                dims.contains(FlowDimension.RECIPIENT) ? Jdbc.longOrNull(rs, "k_recipient") : null,
                dims.contains(FlowDimension.SUPPLIER_COUNTRY) ? rs.getString("k_supplier_country") : null,
                dims.contains(FlowDimension.RECIPIENT_COUNTRY) ? rs.getString("k_recipient_country") : null,
                dims.contains(FlowDimension.INTERMEDIARY_COUNTRY) ? rs.getString("k_intermediary_country") : null,
                dims.contains(FlowDimension.SECTION) ? rs.getString("k_section") : null,
                dims.contains(FlowDimension.HS2) ? rs.getString("k_hs2") : null,
                dims.contains(FlowDimension.HS4) ? rs.getString("k_hs4") : null,
                dims.contains(FlowDimension.HS6) ? rs.getString("k_hs6") : null,
                dims.contains(FlowDimension.SOURCE) ? Jdbc.longOrNull(rs, "k_source") : null);
    }
}
