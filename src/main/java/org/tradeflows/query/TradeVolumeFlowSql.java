package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tradeflows.model.TradeVolumeDimension;
import org.tradeflows.model.TradeVolumeOrderField;
import org.tradeflows.sql.Sql;

/**
 * Renders the aggregation of official trade figures as one statement. Reporter, flow, source and the all-goods flag are always part
 * of the group key, so mirror figures, directions, sources and totals of different scope are never added together.
 * Pure: {@code store.TradeVolumeStore} runs what this renders.
 */
public final class TradeVolumeFlowSql {

    /**
     * The query: dimensions beyond the implicit keys, a filter, an ordering, a page, and the release the figures are
     * read as of ({@code asOf} null: the latest data).
     */
    public record Query(List<TradeVolumeDimension> groupBy, TradeVolumeCriteria filter, List<Order> orderBy, int limit,
            List<String> after, Long asOf) {
    }

    public record Order(TradeVolumeOrderField field, boolean descending) {
    }

    private record Key(String alias, String expression, String sqlType) {
    }

    private static final List<Key> IMPLICIT = List.of(
            new Key("k_reporter", "t.reporter", "text"),
            new Key("k_flow", "t.flow", "text"),
            new Key("k_source", "t.source_id", "bigint"),
            new Key("k_all_goods", "(t.product_code is null)", "boolean"));

    private static final String MEASURES = """
            sum(value_eur) as value_eur, sum(value_usd) as value_usd, count(*) as figure_count,
            count(*) filter (where value_eur is null) as without_eur, sum(net_weight_kg) as net_weight,
            min(period_start) as first_date, max(period_end) as last_date,
            array_agg(distinct currency || '/' || period_kind || '/' || period_start)
                filter (where currency <> 'EUR' and value_eur is not null) as rate_keys, """ + GroupedSelect.QUALIFIER;

    private TradeVolumeFlowSql() {
    }

    private static Key key(TradeVolumeDimension d) {
        return switch (d) {
            case PARTNER -> new Key("k_partner", "t.partner", "text");
            case SECTION -> new Key("k_section", "chap.section_code", "text");
            case HS2 -> new Key("k_hs2", "left(t.product_code, 2)", "text");
            case HS4 -> new Key("k_hs4", "case when length(t.product_code) >= 4 then left(t.product_code, 4) end", "text");
            case HS6 -> new Key("k_hs6", "case when length(t.product_code) = 6 then t.product_code end", "text");
            case YEAR -> new Key("k_year", "extract(year from t.period_start)::int", "int");
            case QUARTER -> new Key("k_quarter", "date_trunc('quarter', t.period_start)::date", "date");
            case MONTH -> new Key("k_month", "date_trunc('month', t.period_start)::date", "date");
        };
    }

    private static String alias(TradeVolumeOrderField f) {
        return switch (f) {
            case VALUE_EUR -> "value_eur";
            case VALUE_USD -> "value_usd";
            case FIGURE_COUNT -> "figure_count";
            case NET_WEIGHT -> "net_weight";
            case FIRST_DATE -> "first_date";
            case LAST_DATE -> "last_date";
            case SHARE -> "share";
            case REPORTER -> "k_reporter";
            case FLOW -> "k_flow";
            case SOURCE -> "k_source";
            default -> key(TradeVolumeDimension.valueOf(f.name())).alias();
        };
    }

    private static String measureType(String alias) {
        return switch (alias) {
            case "value_eur", "value_usd", "net_weight", "share" -> "numeric";
            case "figure_count" -> "bigint";
            case "first_date", "last_date" -> "date";
            default -> null;
        };
    }

    public static boolean isMeasure(TradeVolumeOrderField f) {
        return measureType(alias(f)) != null;
    }

    public static boolean isImplicit(TradeVolumeOrderField f) {
        return f == TradeVolumeOrderField.REPORTER || f == TradeVolumeOrderField.FLOW || f == TradeVolumeOrderField.SOURCE;
    }

    /** The groups of one page: the filtered figures (condition {@code filter} on alias {@code t}) grouped and cut. */
    public static FlowSql.Rendered groups(Query q, Sql filter) {
        List<Key> keys = new ArrayList<>(IMPLICIT);
        q.groupBy().stream().map(TradeVolumeFlowSql::key).forEach(keys::add);
        Sql base = sql("select " + String.join(", ", keys.stream().map(k -> k.expression() + " as " + k.alias()).toList())
                + ", t.value_eur, t.value_usd, t.net_weight_kg, t.period_start, t.period_end, t.value_qualifier, "
                + "t.currency, t.period_kind "
                + "from {} t left join product_category chap on chap.code = left(t.product_code, 2) where {}",
                AsOfSql.tradeVolumes(q.asOf()), filter);

        List<Keyset.Column> sort = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Order o : q.orderBy()) {
            String a = alias(o.field());
            String type = measureType(a) != null ? measureType(a)
                    : keys.stream().filter(k -> k.alias().equals(a)).map(Key::sqlType).findFirst().orElseThrow();
            if (used.add(a)) {
                sort.add(new Keyset.Column(a, type, o.descending()));
            }
        }
        for (Key k : keys) {
            if (used.add(k.alias())) {
                sort.add(new Keyset.Column(k.alias(), k.sqlType(), false));
            }
        }
        return new FlowSql.Rendered(GroupedSelect.render(base, keys.stream().map(Key::alias).toList(), MEASURES, false, sort,
                q.after(), q.limit()), sort);
    }
}
