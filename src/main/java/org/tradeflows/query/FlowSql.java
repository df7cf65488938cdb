package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;
import org.tradeflows.sql.Sql;

/**
 * Renders a {@link FlowQuery} as one SQL statement: the filtered shipments (or a rollup, see {@link FlowBase}), grouped
 * by fixed SQL expressions chosen by enum, summed by PostgreSQL, ordered and cut by keyset. Batched navigation (a
 * company's counterparties, a category's flows, a country's partners) is the same statement partitioned by parent.
 * Pure: the store {@code store.FlowStore} runs what this renders.
 */
public final class FlowSql {

    /** A grouping key: a fixed SQL expression over shipment {@code s} (and the joins it names) with its type. */
    record Key(String alias, Sql expression, String sqlType, Set<Join> joins) {
        Key(String alias, String expression, String sqlType, Set<Join> joins) {
            this(alias, sql(expression), sqlType, joins);
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

    /** One statement, and the sort columns its cursors are made of (read back from each row by alias). */
    public record Rendered(Sql sql, List<Keyset.Column> sort) {
    }

    /** A column of an export: its name in the file and the expression over the grouped rows {@code g}. */
    public record ExportColumn(String name, Sql expression) {
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

    /** The measures of an export, after its key columns, in their documented order. */
    private static final List<ExportColumn> EXPORT_MEASURES = List.of(
            new ExportColumn("value_eur", sql("value_eur")),
            new ExportColumn("value_usd", sql("value_usd")),
            new ExportColumn("value_qualifier", sql("qualifier")),
            new ExportColumn("shipment_count", sql("shipment_count")),
            new ExportColumn("shipments_without_eur", sql("without_eur")),
            new ExportColumn("net_weight_kg", sql("net_weight")),
            new ExportColumn("distinct_suppliers", sql("distinct_suppliers")),
            new ExportColumn("distinct_recipients", sql("distinct_recipients")),
            new ExportColumn("first_date", sql("first_date")),
            new ExportColumn("last_date", sql("last_date")),
            new ExportColumn("share_of_total", sql("share")));

    private FlowSql() {
    }

    static Key key(FlowDimension d, List<String> sanctionAuthorities) {
        return key(d, sanctionAuthorities, null);
    }

    /** The grouping key of the dimension, its sanctions read as of the release (null: the latest). */
    static Key key(FlowDimension d, List<String> sanctionAuthorities, Long asOfRelease) {
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
            case RECIPIENT_SANCTIONED -> new Key("k_recipient_sanctioned",
                    ShipmentScopeSql.recipientSanctioned(sanctionAuthorities, asOfRelease), "boolean", Set.of());
        };
    }

    private static Sql partitionJoin(FlowQuery.Partition partition) {
        Sql keys = value(partition.keys());
        return switch (partition.kind()) {
            case COMPANY -> sql("join unnest({}::bigint[]) part(key) on (s.supplier_id = part.key or s.recipient_id = part.key)", keys);
            case PRODUCT -> sql("join unnest({}::text[]) part(key) on (starts_with(s.hs_code, part.key) or chap.section_code = part.key)", keys);
            case COUNTRY -> sql("join unnest({}::text[]) part(key) on (s.supplier_country = part.key or s.recipient_country = part.key)", keys);
        };
    }

    /** The groups of one page (or, partitioned, the first groups of each parent), read from the given base. */
    public static Rendered groups(FlowQuery q, FlowBase base) {
        return render(keys(q), q, base);
    }

    private static List<Key> keys(FlowQuery q) {
        return q.groupBy().stream().map(d -> key(d, q.scope().sanctionAuthorities(), q.scope().asOfRelease())).toList();
    }

    /** The query of a company's counterparties with totals per direction, for many companies at once. */
    public static FlowQuery counterpartiesQuery(List<Long> companyIds, ShipmentScope scope, int limit, List<String> after) {
        return new FlowQuery(List.of(), scope, List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), limit,
                after, new FlowQuery.Partition(FlowQuery.PartitionKind.COMPANY, companyIds));
    }

    /** Counterparties (column {@code k_counterparty}) and the role they play ({@code k_role}); always from shipments. */
    public static Rendered counterparties(FlowQuery q) {
        return render(List.of(
                new Key("k_counterparty", "case when s.supplier_id = part.key then s.recipient_id else s.supplier_id end", "bigint", Set.of()),
                new Key("k_role", "case when s.supplier_id = part.key then 'RECIPIENT' else 'SUPPLIER' end", "text", Set.of())),
                q, FlowBase.SHIPMENTS);
    }

    /** The query of a country's partner countries with totals per direction, for many countries at once. */
    public static FlowQuery partnersQuery(List<String> countryCodes, ShipmentScope scope, int limit, List<String> after) {
        return new FlowQuery(List.of(), scope, List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true)), limit,
                after, new FlowQuery.Partition(FlowQuery.PartitionKind.COUNTRY, countryCodes));
    }

    /** Partner countries (column {@code k_partner}) and the direction ({@code k_direction}). */
    public static Rendered partners(FlowQuery q, FlowBase base) {
        return render(List.of(
                new Key("k_partner", "case when s.supplier_country = part.key then s.recipient_country else s.supplier_country end", "text", Set.of()),
                new Key("k_direction", "case when s.supplier_country = part.key then 'EXPORT' else 'IMPORT' end", "text", Set.of())),
                q, base);
    }

    /** Sort columns: the requested order, then every key ascending, so that each group has a unique position. */
    static List<Keyset.Column> sortColumns(FlowQuery q, List<Key> keys) {
        List<Keyset.Column> columns = new ArrayList<>();
        Set<String> used = new HashSet<>();
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

    private static Rendered render(List<Key> keys, FlowQuery q, FlowBase base) {
        Set<Join> joins = EnumSet.noneOf(Join.class);
        keys.forEach(k -> joins.addAll(k.joins()));
        boolean partitioned = q.partition() != null;
        if (partitioned && q.partition().kind() == FlowQuery.PartitionKind.PRODUCT) {
            joins.add(Join.CHAPTER);
        }
        List<Sql> columns = new ArrayList<>();
        for (Key k : keys) {
            columns.add(sql("{} as " + k.alias(), k.expression()));
        }
        if (partitioned) {
            columns.add(sql("part.key as part_key"));
        }
        columns.add(sql(base.baseColumns));
        List<Sql> from = new ArrayList<>();
        // the rollups hold only today's sums: as of a release, FlowBase.choose reads the shipments, as of that release
        from.add(base == FlowBase.SHIPMENTS ? ShipmentScopeSql.from(q.scope()) : sql(base.from));
        joins.forEach(j -> from.add(sql(j.sql)));
        if (partitioned) {
            from.add(partitionJoin(q.partition()));
        }
        String role = base.roleCondition(q);
        Sql where = Sql.and(ShipmentScopeSql.where(q.scope()), role == null ? Sql.EMPTY : sql(role));
        Sql rows = sql("select {} from {}\nwhere {}", Sql.join(columns, ", "), Sql.join(from, "\n"), where);
        List<Keyset.Column> sort = sortColumns(q, keys);
        return new Rendered(GroupedSelect.render(rows, keys.stream().map(Key::alias).toList(), base.measures, partitioned,
                sort, q.after(), q.limit()), sort);
    }

    /** Every group of the query (no page limit), as an export of key codes and measures in a stable column order. */
    public static ExportQuery export(FlowQuery q) {
        FlowQuery all = new FlowQuery(q.groupBy(), q.scope(), q.orderBy(), Integer.MAX_VALUE, null, null, true);
        Rendered rendered = render(keys(q), all, FlowBase.SHIPMENTS);
        List<ExportColumn> columns = new ArrayList<>(exportKeys(q.groupBy()));
        columns.addAll(EXPORT_MEASURES);
        Sql select = Sql.join(columns.stream().map(c -> sql("{} as " + c.name(), c.expression())).toList(), ", ");
        Sql statement = sql("select {} from ({}) g order by {}", select, rendered.sql(), Keyset.orderBy(rendered.sort()));
        return new ExportQuery("flows", statement.text(), statement.values(), columns.stream().map(ExportColumn::name).toList());
    }

    /** The key columns of an export: companies by global id and name, periods as text, the rest as their codes. */
    static List<ExportColumn> exportKeys(List<FlowDimension> groupBy) {
        List<ExportColumn> columns = new ArrayList<>();
        for (FlowDimension d : groupBy) {
            String name = d.name().toLowerCase(Locale.ROOT);
            String k = key(d, List.of()).alias();
            switch (d) {
                case SUPPLIER, RECIPIENT -> {
                    columns.add(new ExportColumn(name + "_id", sql("global_id('Company', " + k + "::text)")));
                    columns.add(new ExportColumn(name + "_name", sql("(select name from company where id = " + k + ")")));
                }
                case SOURCE -> columns.add(new ExportColumn("source", sql("(select key from source where id = k_source)")));
                case QUARTER -> columns.add(new ExportColumn("quarter", sql("to_char(k_quarter, 'YYYY-\"Q\"Q')")));
                case MONTH -> columns.add(new ExportColumn("month", sql("to_char(k_month, 'YYYY-MM')")));
                default -> columns.add(new ExportColumn(name, sql(k)));
            }
        }
        return columns;
    }
}
