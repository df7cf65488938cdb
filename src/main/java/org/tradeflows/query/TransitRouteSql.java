package org.tradeflows.query;

import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.util.List;
import org.tradeflows.sql.Sql;

/**
 * Re-routing over official figures: for each transit country V, origin → V and V → destination in the same goods, in
 * the year before and the year after, with growth, and V's share of the destination's imports of those goods (all
 * exporters' figures to the destination from the same source). Each leg is read from the exporter's declared exports
 * (flow EXPORT, as BACI gives every flow), annual figures of exactly one code length, per source, so sources and
 * levels are never added together. A candidate has both legs in either year unless the caller names it. Pure.
 */
public final class TransitRouteSql {

    public static final List<Keyset.Column> ORDER = List.of(new Keyset.Column("sort_value", "numeric", true),
            new Keyset.Column("via", "text", false), new Keyset.Column("source_id", "bigint", false));

    public static final List<String> COLUMNS = List.of("origin", "via", "destination", "source", "year_before",
            "year_after", "origin_to_via_before_eur", "origin_to_via_after_eur", "origin_to_via_growth_percent",
            "via_to_destination_before_eur", "via_to_destination_after_eur", "via_to_destination_growth_percent",
            "destination_imports_before_eur", "destination_imports_after_eur", "share_before", "share_after");

    private TransitRouteSql() {
    }

    static Sql rows(TransitRouteQuery q) {
        Sql figures = Sql.and(sql("t.flow = 'EXPORT' and t.period_kind = 'YEAR'"),
                sql("length(t.product_code) = {}", value(q.hsLength())),
                ifGiven(q.hsPrefixes(), p -> sql("t.product_code like any({})", value(p.stream().map(x -> x + "%").toList()))),
                sql("extract(year from t.period_start)::int in ({}, {})", value(q.yearBefore()), value(q.yearAfter())),
                ifGiven(q.sourceId(), s -> sql("t.source_id = {}", value(s))));
        Sql named = ifGiven(q.via(), v -> sql("r.via = any({})", value(v)));
        return sql("""
                with f as (select t.reporter, t.partner, t.source_id, extract(year from t.period_start)::int as y, t.value_eur
                             from trade_volume t where {} and (t.reporter = {} or t.partner = {})),
                     o as (select partner as via, source_id, sum(value_eur) filter (where y = {}) as before_eur,
                                  sum(value_eur) filter (where y = {}) as after_eur
                             from f where reporter = {} and partner <> {} group by partner, source_id),
                     d as (select reporter as via, source_id, sum(value_eur) filter (where y = {}) as before_eur,
                                  sum(value_eur) filter (where y = {}) as after_eur
                             from f where partner = {} and reporter <> {} group by reporter, source_id),
                     total as (select source_id, sum(value_eur) filter (where y = {}) as before_eur,
                                      sum(value_eur) filter (where y = {}) as after_eur
                                 from f where partner = {} group by source_id)
                select * from (
                    select coalesce(o.via, d.via) as via, coalesce(o.source_id, d.source_id) as source_id,
                           o.before_eur as ov_before, o.after_eur as ov_after,
                           round((o.after_eur - o.before_eur) / nullif(o.before_eur, 0) * 100, 2) as ov_growth,
                           d.before_eur as vd_before, d.after_eur as vd_after,
                           round((d.after_eur - d.before_eur) / nullif(d.before_eur, 0) * 100, 2) as vd_growth,
                           total.before_eur as dest_before, total.after_eur as dest_after,
                           round(d.before_eur / nullif(total.before_eur, 0), 6) as share_before,
                           round(d.after_eur / nullif(total.after_eur, 0), 6) as share_after,
                           coalesce(d.after_eur, 0) as sort_value, (o.via is not null and d.via is not null) as both_legs
                      from o full join d on d.via = o.via and d.source_id = o.source_id
                      left join total on total.source_id = coalesce(o.source_id, d.source_id)) r
                 where {}""",
                figures, value(q.origin()), value(q.destination()),
                value(q.yearBefore()), value(q.yearAfter()), value(q.origin()), value(q.destination()),
                value(q.yearBefore()), value(q.yearAfter()), value(q.destination()), value(q.origin()),
                value(q.yearBefore()), value(q.yearAfter()), value(q.destination()),
                named.isEmpty() ? sql("r.both_legs") : named);
    }

    public static Sql page(TransitRouteQuery q, List<String> after, int limit) {
        return SanctionsExposureSql.page(sql("select * from ({}) r", rows(q)), ORDER, after, limit);
    }

    public static ExportQuery export(TransitRouteQuery q) {
        Sql s = sql("""
                select {} as origin, r.via, {} as destination, src.key as source, {} as year_before, {} as year_after,
                       r.ov_before as origin_to_via_before_eur, r.ov_after as origin_to_via_after_eur,
                       r.ov_growth as origin_to_via_growth_percent, r.vd_before as via_to_destination_before_eur,
                       r.vd_after as via_to_destination_after_eur, r.vd_growth as via_to_destination_growth_percent,
                       r.dest_before as destination_imports_before_eur, r.dest_after as destination_imports_after_eur,
                       r.share_before, r.share_after
                  from ({}) r join source src on src.id = r.source_id
                 order by r.sort_value desc, r.via, r.source_id""",
                value(q.origin()), value(q.destination()), value(q.yearBefore()), value(q.yearAfter()), rows(q));
        return new ExportQuery("transit-routes", s.text(), s.values(), COLUMNS);
    }
}
