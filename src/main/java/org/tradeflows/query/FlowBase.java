package org.tradeflows.query;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.tradeflows.model.FlowDimension;

/**
 * Where a flows aggregate reads from: the shipments, or a rollup that holds the same sums at a coarser grain. A
 * rollup is exposed under the shipment alias {@code s} with the shipment's column names, so grouping keys and filters
 * render the same SQL against either; only the measures differ. {@link #choose} picks the coarsest base that can
 * answer a query exactly. (Not a store: the store that reads them is {@code store.FlowStore}.)
 */
public enum FlowBase {

    SHIPMENTS("shipment s", """
            s.supplier_id, s.recipient_id, s.value_eur, s.value_usd, s.net_weight_kg, s.period_start, s.period_end,
            s.value_qualifier""", """
            sum(value_eur) as value_eur, sum(value_usd) as value_usd, count(*) as shipment_count,
            count(*) filter (where value_eur is null) as without_eur, sum(net_weight_kg) as net_weight,
            count(distinct supplier_id) as distinct_suppliers, count(distinct recipient_id) as distinct_recipients,
            min(period_start) as first_date, max(period_end) as last_date, """ + GroupedSelect.QUALIFIER),

    FLOW_ROLLUP_YEAR("""
            (select synthetic, source_id, supplier_country, recipient_country, hs as hs_code, left(hs, 2) as hs2,
                    case when length(hs) >= 4 then left(hs, 4) end as hs4, null::text as hs6,
                    make_date(year, 1, 1) as period_start, value_eur, value_usd, shipments, without_eur, without_usd,
                    net_weight, with_weight, first_date, last_date, more_than, at_least, estimated, approximate
               from flow_rollup_year) s""", Constants.ROLLUP_COLUMNS, Constants.ROLLUP_MEASURES),

    FLOW_ROLLUP_MONTH("""
            (select synthetic, source_id, supplier_country, recipient_country, hs as hs_code, left(hs, 2) as hs2,
                    case when length(hs) >= 4 then left(hs, 4) end as hs4, case when length(hs) = 6 then hs end as hs6,
                    month as period_start, value_eur, value_usd, shipments, without_eur, without_usd, net_weight, with_weight,
                    first_date, last_date, more_than, at_least, estimated, approximate
               from flow_rollup_month) s""", Constants.ROLLUP_COLUMNS, Constants.ROLLUP_MEASURES),

    COMPANY_ROLLUP_YEAR("""
            (select synthetic, source_id, role, case when role in ('S', 'B') then company_id end as supplier_id,
                    case when role in ('R', 'B') then company_id end as recipient_id, make_date(year, 1, 1) as period_start,
                    value_eur, value_usd, shipments, without_eur, without_usd, net_weight, with_weight, first_date, last_date,
                    more_than, at_least, estimated, approximate
               from company_rollup_year) s""", Constants.ROLLUP_COLUMNS, Constants.ROLLUP_MEASURES);

    final String from;
    final String baseColumns;
    final String measures;

    FlowBase(String from, String baseColumns, String measures) {
        this.from = from;
        this.baseColumns = baseColumns;
        this.measures = measures;
    }

    private static final class Constants {
        static final String ROLLUP_COLUMNS = """
                s.value_eur, s.value_usd, s.shipments, s.without_eur, s.without_usd, s.net_weight, s.with_weight,
                s.first_date, s.last_date, s.more_than, s.at_least, s.estimated, s.approximate""";
        static final String ROLLUP_MEASURES = """
                case when sum(shipments) > sum(without_eur) then sum(value_eur) end as value_eur,
                case when sum(shipments) > sum(without_usd) then sum(value_usd) end as value_usd,
                sum(shipments) as shipment_count, sum(without_eur) as without_eur,
                case when sum(with_weight) > 0 then sum(net_weight) end as net_weight,
                null::bigint as distinct_suppliers, null::bigint as distinct_recipients,
                min(first_date) as first_date, max(last_date) as last_date,
                sum_qualifier(sum(more_than), sum(at_least), sum(estimated), sum(approximate)) as qualifier""";
    }

    private static final Set<FlowDimension> YEAR_GRAIN = EnumSet.of(FlowDimension.SUPPLIER_COUNTRY,
            FlowDimension.RECIPIENT_COUNTRY, FlowDimension.SECTION, FlowDimension.HS2, FlowDimension.HS4, FlowDimension.YEAR,
            FlowDimension.SOURCE);

    private static final Set<FlowDimension> MONTH_GRAIN = EnumSet.of(FlowDimension.SUPPLIER_COUNTRY,
            FlowDimension.RECIPIENT_COUNTRY, FlowDimension.SECTION, FlowDimension.HS2, FlowDimension.HS4, FlowDimension.HS6,
            FlowDimension.YEAR, FlowDimension.QUARTER, FlowDimension.MONTH, FlowDimension.SOURCE, FlowDimension.CHPL_TIER);

    /** An extra condition the store needs for the query (the company rollup holds one row per company and role). */
    String roleCondition(FlowQuery q) {
        if (this != COMPANY_ROLLUP_YEAR || q.partition() != null) {
            return null;
        }
        return q.groupBy().contains(FlowDimension.SUPPLIER) ? "s.role in ('S', 'B')" : "s.role in ('R', 'B')";
    }

    /**
     * The coarsest store that answers the query exactly: same groups, same sums. Distinct company counts need the
     * shipments, as do filters and groupings below a rollup's grain (companies, sanctions at a date, intermediaries,
     * national codes longer than HS6, periods not aligned to a rollup's months or years, minimum values), and a read
     * as of an earlier release (the rollups hold only today's sums).
     */
    public static FlowBase choose(FlowQuery q, boolean customKeys, boolean rollupsEnabled) {
        if (!rollupsEnabled || q.needsDistinct() || customKeys || q.scope().asOfRelease() != null) {
            return SHIPMENTS;
        }
        ShipmentScope s = q.scope();
        boolean belowGrain = s.recipientSanctioned() != null || s.throughIntermediary() != null
                || !s.intermediaryCountries().isEmpty() || !s.intermediaryIds().isEmpty() || s.minValueEur() != null
                || s.hsPrefixes().stream().anyMatch(p -> p.length() > 6);
        if (belowGrain) {
            return SHIPMENTS;
        }
        boolean noCompanies = s.supplierIds().isEmpty() && s.recipientIds().isEmpty();
        FlowQuery.PartitionKind partition = q.partition() == null ? null : q.partition().kind();
        boolean hs4Grain = s.hsPrefixes().stream().allMatch(p -> p.length() <= 4) && s.chplTiers().isEmpty()
                && s.topic() == null && (partition != FlowQuery.PartitionKind.PRODUCT
                        || q.partition().keys().stream().allMatch(k -> String.valueOf(k).length() <= 4));
        if (noCompanies && partition != FlowQuery.PartitionKind.COMPANY && YEAR_GRAIN.containsAll(q.groupBy()) && hs4Grain
                && yearAligned(s.periodFrom(), s.periodTo())) {
            return FLOW_ROLLUP_YEAR;
        }
        if (noCompanies && partition != FlowQuery.PartitionKind.COMPANY && MONTH_GRAIN.containsAll(q.groupBy())
                && monthAligned(s.periodFrom(), s.periodTo())) {
            return FLOW_ROLLUP_MONTH;
        }
        boolean countriesAndProducts = s.supplierCountries().isEmpty() && s.recipientCountries().isEmpty()
                && s.hsPrefixes().isEmpty() && s.sections().isEmpty() && s.chplTiers().isEmpty() && s.topic() == null;
        if (!countriesAndProducts || !yearAligned(s.periodFrom(), s.periodTo())) {
            return SHIPMENTS;
        }
        Set<FlowDimension> dims = EnumSet.noneOf(FlowDimension.class);
        dims.addAll(q.groupBy());
        if (partition == FlowQuery.PartitionKind.COMPANY) {
            return noCompanies && EnumSet.of(FlowDimension.YEAR, FlowDimension.SOURCE).containsAll(dims)
                    ? COMPANY_ROLLUP_YEAR : SHIPMENTS;
        }
        if (partition == null && dims.contains(FlowDimension.SUPPLIER) && !dims.contains(FlowDimension.RECIPIENT)
                && s.recipientIds().isEmpty()
                && EnumSet.of(FlowDimension.SUPPLIER, FlowDimension.YEAR, FlowDimension.SOURCE).containsAll(dims)) {
            return COMPANY_ROLLUP_YEAR;
        }
        if (partition == null && dims.contains(FlowDimension.RECIPIENT) && !dims.contains(FlowDimension.SUPPLIER)
                && s.supplierIds().isEmpty()
                && EnumSet.of(FlowDimension.RECIPIENT, FlowDimension.YEAR, FlowDimension.SOURCE).containsAll(dims)) {
            return COMPANY_ROLLUP_YEAR;
        }
        return SHIPMENTS;
    }

    private static boolean monthAligned(LocalDate from, LocalDate to) {
        return (from == null || from.getDayOfMonth() == 1)
                && (to == null || to.getDayOfMonth() == to.lengthOfMonth());
    }

    private static boolean yearAligned(LocalDate from, LocalDate to) {
        return (from == null || from.getDayOfYear() == 1) && (to == null || (to.getMonthValue() == 12 && to.getDayOfMonth() == 31));
    }
}
