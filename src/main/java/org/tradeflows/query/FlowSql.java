package org.tradeflows.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradeflows.api.types.Counterparty;
import org.tradeflows.api.types.FlowGroup;
import org.tradeflows.api.types.FlowMeasures;
import org.tradeflows.api.types.Money;
import org.tradeflows.api.types.PartnerTotal;
import org.tradeflows.model.ChplTier;
import org.tradeflows.model.CompanyRole;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;
import org.tradeflows.model.TradeFlow;
import org.tradeflows.model.ValueQualifier;
import org.tradeflows.store.AnswerCache;
import org.tradeflows.store.Jdbc;

/**
 * Renders a {@link FlowQuery} as one SQL statement and runs it: the filtered shipments, grouped by fixed SQL
 * expressions chosen by enum, summed by PostgreSQL, ordered and cut by keyset. Batched navigation (a company's
 * counterparties, a category's flows, a country's partners) is the same statement partitioned by parent.
 */
@ApplicationScoped
public class FlowSql {

    /** A grouping key: a fixed SQL expression over shipment {@code s} (and the joins it names) with its type. */
    record Key(String alias, String expression, String sqlType, Set<Join> joins, List<Object> params) {
        Key(String alias, String expression, String sqlType, Set<Join> joins) {
            this(alias, expression, sqlType, joins, List.of());
        }
    }

    enum Join {
        CHAPTER("left join product_category chap on chap.code = s.hs2"),
        CHPL("left join chpl_entry chpl on chpl.hs6 = s.hs6"),
        INTERMEDIARY_COUNTRIES("""
                left join lateral (select distinct coalesce(si.country_code, ic.country_code) as country
                                     from shipment_intermediary si left join company ic on ic.id = si.company_id
                                    where si.shipment_id = s.id) im on true""");

        final String sql;

        Join(String sql) {
            this.sql = sql;
        }
    }

    private static final Map<String, String> MEASURE_TYPES = new LinkedHashMap<>();
    static {
        MEASURE_TYPES.put("value_eur", "numeric");
        MEASURE_TYPES.put("value_usd", "numeric");
        MEASURE_TYPES.put("shipment_count", "bigint");
        MEASURE_TYPES.put("net_weight", "numeric");
        MEASURE_TYPES.put("distinct_suppliers", "bigint");
        MEASURE_TYPES.put("distinct_recipients", "bigint");
        MEASURE_TYPES.put("first_date", "date");
        MEASURE_TYPES.put("last_date", "date");
        MEASURE_TYPES.put("share", "numeric");
    }

    private final AnswerCache answers;
    private final boolean rollups;

    public FlowSql(AnswerCache answers,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tradeflows.rollups.enabled", defaultValue = "true")
            boolean rollups) {
        this.answers = answers;
        this.rollups = rollups;
    }

    /** A group and the sort values that make its cursor. */
    public record Row(FlowGroup group, List<String> sortValues, Object partitionKey, long groupCount, FlowStore store) {
    }

    static Key key(FlowDimension d, List<String> sanctionAuthorities) {
        return switch (d) {
            case SUPPLIER -> new Key("k_supplier", "s.supplier_id", "bigint", Set.of());
            case RECIPIENT -> new Key("k_recipient", "s.recipient_id", "bigint", Set.of());
            case SUPPLIER_COUNTRY -> new Key("k_supplier_country", "s.supplier_country", "text", Set.of());
            case RECIPIENT_COUNTRY -> new Key("k_recipient_country", "s.recipient_country", "text", Set.of());
            case INTERMEDIARY_COUNTRY -> new Key("k_intermediary_country", "im.country", "text", Set.of(Join.INTERMEDIARY_COUNTRIES));
            case SECTION -> new Key("k_section", "chap.section_code", "text", Set.of(Join.CHAPTER));
            case HS2 -> new Key("k_hs2", "s.hs2", "text", Set.of());
            case HS4 -> new Key("k_hs4", "s.hs4", "text", Set.of());
            case HS6 -> new Key("k_hs6", "s.hs6", "text", Set.of());
            case YEAR -> new Key("k_year", "extract(year from s.period_start)::int", "int", Set.of());
            case QUARTER -> new Key("k_quarter", "date_trunc('quarter', s.period_start)::date", "date", Set.of());
            case MONTH -> new Key("k_month", "date_trunc('month', s.period_start)::date", "date", Set.of());
            case SOURCE -> new Key("k_source", "s.source_id", "bigint", Set.of());
            case CHPL_TIER -> new Key("k_chpl_tier", "chpl.tier", "text", Set.of(Join.CHPL));
            case RECIPIENT_SANCTIONED -> {
                Where.Fragment f = ShipmentScopeSql.recipientSanctioned(sanctionAuthorities);
                yield new Key("k_recipient_sanctioned", f.sql(), "boolean", Set.of(), f.params());
            }
        };
    }

    private static String partitionJoin(FlowQuery.PartitionKind kind) {
        return switch (kind) {
            case COMPANY -> "join unnest(?::bigint[]) part(key) on (s.supplier_id = part.key or s.recipient_id = part.key)";
            case PRODUCT -> "join unnest(?::text[]) part(key) on (starts_with(s.hs_code, part.key) or chap.section_code = part.key)";
            case COUNTRY -> "join unnest(?::text[]) part(key) on (s.supplier_country = part.key or s.recipient_country = part.key)";
        };
    }

    /** The groups of one page (or, partitioned, the first groups of each parent). */
    public List<Row> groups(FlowQuery q) {
        List<Key> keys = q.groupBy().stream().map(d -> key(d, q.scope().sanctionAuthorities())).toList();
        FlowStore store = FlowStore.choose(q, false, rollups);
        return run(keys, q, store, (rs, sort) -> new Row(group(rs, q.groupBy()), sort,
                q.partition() == null ? null : rs.getObject("part_key"), rs.getLong("group_count"), store));
    }

    /** The same groups read from the given store: how tests prove that rollups and shipments agree. */
    public List<Row> groups(FlowQuery q, FlowStore store) {
        List<Key> keys = q.groupBy().stream().map(d -> key(d, q.scope().sanctionAuthorities())).toList();
        return run(keys, q, store, (rs, sort) -> new Row(group(rs, q.groupBy()), sort,
                q.partition() == null ? null : rs.getObject("part_key"), rs.getLong("group_count"), store));
    }

    /** A company's counterparties with totals per direction, for many companies at once. */
    public List<Map.Entry<Long, Counterparty>> counterparties(List<Long> companyIds, ShipmentScope scope, int limit) {
        List<Key> keys = List.of(
                new Key("k_counterparty", "case when s.supplier_id = part.key then s.recipient_id else s.supplier_id end", "bigint", Set.of()),
                new Key("k_role", "case when s.supplier_id = part.key then 'RECIPIENT' else 'SUPPLIER' end", "text", Set.of()));
        FlowQuery q = new FlowQuery(List.of(), scope, List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), limit,
                null, new FlowQuery.Partition(FlowQuery.PartitionKind.COMPANY, companyIds));
        return run(keys, q, FlowStore.SHIPMENTS, (rs, sort) -> Map.entry(rs.getLong("part_key"), new Counterparty(
                CompanyRole.valueOf(rs.getString("k_role")), measures(rs), rs.getLong("k_counterparty"))))
                .stream().filter(e -> e.getValue().companyId() != 0).toList();
    }

    /** A country's partner countries with totals per direction, for many countries at once. */
    public List<Map.Entry<String, PartnerTotal>> partners(List<String> countryCodes, ShipmentScope scope, int limit) {
        List<Key> keys = List.of(
                new Key("k_partner", "case when s.supplier_country = part.key then s.recipient_country else s.supplier_country end", "text", Set.of()),
                new Key("k_direction", "case when s.supplier_country = part.key then 'EXPORT' else 'IMPORT' end", "text", Set.of()));
        FlowQuery q = new FlowQuery(List.of(), scope, List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), limit,
                null, new FlowQuery.Partition(FlowQuery.PartitionKind.COUNTRY, countryCodes));
        return run(keys, q, FlowStore.choose(q, false, rollups), (rs, sort) -> Map.entry(rs.getString("part_key"), new PartnerTotal(
                TradeFlow.valueOf(rs.getString("k_direction")), measures(rs), rs.getString("k_partner"))));
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs, List<String> sortValues) throws SQLException;
    }

    /** Sort columns: the requested order, then every key ascending, so that each group has a unique position. */
    static List<Keyset.Column> sortColumns(FlowQuery q, List<Key> keys) {
        List<Keyset.Column> columns = new ArrayList<>();
        Set<String> used = new java.util.HashSet<>();
        for (FlowQuery.Order o : q.orderBy()) {
            String alias = orderAlias(o.field());
            String type = MEASURE_TYPES.get(alias);
            if (type == null) {
                type = keys.stream().filter(k -> k.alias().equals(alias)).map(Key::sqlType).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("not grouped by " + o.field()));
            }
            if (used.add(alias)) {
                columns.add(new Keyset.Column(alias, type, o.descending()));
            }
        }
        for (Key k : keys) {
            if (used.add(k.alias())) {
                columns.add(new Keyset.Column(k.alias(), k.sqlType(), false));
            }
        }
        return columns;
    }

    static String orderAlias(FlowOrderField f) {
        return switch (f) {
            case VALUE_EUR -> "value_eur";
            case VALUE_USD -> "value_usd";
            case SHIPMENT_COUNT -> "shipment_count";
            case NET_WEIGHT -> "net_weight";
            case DISTINCT_SUPPLIERS -> "distinct_suppliers";
            case DISTINCT_RECIPIENTS -> "distinct_recipients";
            case FIRST_DATE -> "first_date";
            case LAST_DATE -> "last_date";
            case SHARE -> "share";
            default -> key(FlowDimension.valueOf(f.name()), List.of()).alias();
        };
    }

    /** True when the field is a measure (not a grouping dimension). */
    public static boolean isMeasure(FlowOrderField f) {
        return MEASURE_TYPES.containsKey(orderAlias(f));
    }

    /** The one statement of a query, and the sort columns its cursors are made of. */
    private record Rendered(Where.Fragment sql, List<Keyset.Column> sort) {
    }

    private Rendered render(List<Key> keys, FlowQuery q, FlowStore store) {
        List<Object> params = new ArrayList<>();
        Set<Join> joins = EnumSet.noneOf(Join.class);
        keys.forEach(k -> joins.addAll(k.joins()));
        boolean partitioned = q.partition() != null;
        if (partitioned && q.partition().kind() == FlowQuery.PartitionKind.PRODUCT) {
            joins.add(Join.CHAPTER);
        }

        StringBuilder base = new StringBuilder("select ");
        for (Key k : keys) {
            base.append(k.expression()).append(" as ").append(k.alias()).append(", ");
            params.addAll(k.params());
        }
        if (partitioned) {
            base.append("part.key as part_key, ");
        }
        base.append(store.baseColumns).append(" from ").append(store.from);
        for (Join j : joins) {
            base.append("\n").append(j.sql);
        }
        if (partitioned) {
            base.append("\n").append(partitionJoin(q.partition().kind()));
            params.add(q.partition().keys());
        }
        Where where = ShipmentScopeSql.where(q.scope());
        String role = store.roleCondition(q);
        if (role != null) {
            where.and(role);
        }
        base.append("\nwhere ").append(where.sql());
        params.addAll(where.params());

        List<Keyset.Column> sort = sortColumns(q, keys);
        return new Rendered(GroupedSelect.render(new Where.Fragment(base.toString(), params),
                keys.stream().map(Key::alias).toList(), store.measures, partitioned, sort, q.after(), q.limit()), sort);
    }

    private <T> List<T> run(List<Key> keys, FlowQuery q, FlowStore store, RowReader<T> reader) {
        Rendered rendered = render(keys, q, store);
        Where.Fragment sql = rendered.sql();
        List<Keyset.Column> sort = rendered.sort();
        return answers.list(sql.sql(), sql.params(), rs -> {
            List<String> values = new ArrayList<>(sort.size());
            for (Keyset.Column c : sort) {
                values.add(rs.getString(c.expression()));
            }
            return reader.read(rs, values);
        });
    }

    /** Every group of the query (no page limit), as an export of key codes and measures in a stable column order. */
    public ExportQuery export(FlowQuery q) {
        List<Key> keys = q.groupBy().stream().map(d -> key(d, q.scope().sanctionAuthorities())).toList();
        FlowQuery all = new FlowQuery(q.groupBy(), q.scope(), q.orderBy(), Integer.MAX_VALUE, null, null, true);
        Rendered rendered = render(keys, all, FlowStore.SHIPMENTS);
        List<String> columns = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (FlowDimension d : q.groupBy()) {
            switch (d) {
                case SUPPLIER, RECIPIENT -> {
                    String k = key(d, List.of()).alias();
                    String name = d.name().toLowerCase(java.util.Locale.ROOT);
                    select.add("global_id('Company', " + k + "::text) as " + name + "_id");
                    select.add("(select name from company where id = " + k + ") as " + name + "_name");
                    columns.add(name + "_id");
                    columns.add(name + "_name");
                }
                case SOURCE -> {
                    select.add("(select key from source where id = k_source) as source");
                    columns.add("source");
                }
                case QUARTER -> {
                    select.add("to_char(k_quarter, 'YYYY-\"Q\"Q') as quarter");
                    columns.add("quarter");
                }
                case MONTH -> {
                    select.add("to_char(k_month, 'YYYY-MM') as month");
                    columns.add("month");
                }
                default -> {
                    String column = d.name().toLowerCase(java.util.Locale.ROOT);
                    select.add(key(d, List.of()).alias() + " as " + column);
                    columns.add(column);
                }
            }
        }
        List<String> measures = List.of("value_eur", "value_usd", "qualifier as value_qualifier", "shipment_count",
                "without_eur as shipments_without_eur", "net_weight as net_weight_kg", "distinct_suppliers",
                "distinct_recipients", "first_date", "last_date", "share as share_of_total");
        for (String m : measures) {
            select.add(m);
            columns.add(m.contains(" as ") ? m.substring(m.indexOf(" as ") + 4) : m);
        }
        String sql = "select " + String.join(", ", select) + " from (" + rendered.sql().sql() + ") g order by "
                + Keyset.orderBy(rendered.sort());
        return new ExportQuery("flows", sql, rendered.sql().params(), columns);
    }

    static FlowMeasures measures(ResultSet rs) throws SQLException {
        BigDecimal eur = rs.getBigDecimal("value_eur");
        ValueQualifier qualifier = ValueQualifier.valueOf(rs.getString("qualifier"));
        return new FlowMeasures(eur, rs.getBigDecimal("value_usd"), eur == null ? null : Money.of(eur, "EUR", qualifier),
                qualifier, rs.getLong("shipment_count"), rs.getLong("without_eur"), rs.getBigDecimal("net_weight"),
                Jdbc.longOrNull(rs, "distinct_suppliers"), Jdbc.longOrNull(rs, "distinct_recipients"),
                Jdbc.date(rs, "first_date").orElse(null), Jdbc.date(rs, "last_date").orElse(null),
                rs.getBigDecimal("share"));
    }

    /** The measures of a group, as a record of their own. */
    public static FlowMeasures measuresOf(FlowGroup g) {
        return new FlowMeasures(g.valueEur(), g.valueUsd(), g.value(), g.valueQualifier(), g.shipmentCount(),
                g.shipmentsWithoutEur(), g.netWeightKg(), g.distinctSuppliers(), g.distinctRecipients(), g.firstDate(),
                g.lastDate(), g.shareOfTotal());
    }

    private static FlowGroup group(ResultSet rs, List<FlowDimension> dims) throws SQLException {
        FlowMeasures m = measures(rs);
        java.time.LocalDate quarter = dims.contains(FlowDimension.QUARTER) ? Jdbc.date(rs, "k_quarter").orElse(null) : null;
        java.time.LocalDate month = dims.contains(FlowDimension.MONTH) ? Jdbc.date(rs, "k_month").orElse(null) : null;
        String tier = dims.contains(FlowDimension.CHPL_TIER) ? rs.getString("k_chpl_tier") : null;
        Boolean sanctioned = null;
        if (dims.contains(FlowDimension.RECIPIENT_SANCTIONED)) {
            sanctioned = rs.getBoolean("k_recipient_sanctioned");
        }
        return new FlowGroup(
                dims.contains(FlowDimension.YEAR) ? Jdbc.intOrNull(rs, "k_year") : null,
                quarter == null ? null : quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1),
                month == null ? null : String.format("%d-%02d", month.getYear(), month.getMonthValue()),
                tier == null ? null : ChplTier.valueOf(tier), sanctioned,
                m.valueEur(), m.valueUsd(), m.value(), m.valueQualifier(), m.shipmentCount(), m.shipmentsWithoutEur(),
                m.netWeightKg(), m.distinctSuppliers(), m.distinctRecipients(), m.firstDate(), m.lastDate(), m.shareOfTotal(),
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
