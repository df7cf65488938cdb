package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tradeflows.model.UnitValueBasis;
import org.tradeflows.sql.Sql;

/**
 * Unit-value outliers by robust statistics: a shipment's unit value x (EUR per kg, or per unit of the same quantity
 * unit) against its peers, the shipments of the same HS6 and calendar year (and unit), synthetic ones only when the
 * scope includes them; modified z = 0.6745 × (x − median) ÷ MAD, where MAD is the median of |peer − median|. An
 * outlier has |z| above the threshold (3.5 by default, Iglewicz and Hoaglin). A zero or missing weight or quantity, or
 * a missing EUR value, leaves the shipment out (never divided by); a peer group whose MAD is 0 flags nothing. The scope
 * chooses the candidates; the peers are every shipment of their HS6 and year. Pure.
 */
public final class UnitValueOutlierSql {

    public static final BigDecimal THRESHOLD = new BigDecimal("3.5");

    public static final List<Keyset.Column> ORDER = List.of(new Keyset.Column("abs_z", "numeric", true),
            new Keyset.Column("id", "bigint", false));

    public static final List<String> COLUMNS = List.of("id", "source_record_ref", "period_start", "supplier_id",
            "recipient_id", "hs6", "year", "basis", "unit", "value_eur", "divisor", "unit_value_eur", "median_eur",
            "mad_eur", "peer_count", "modified_z");

    private UnitValueOutlierSql() {
    }

    /** What a shipment's EUR value is divided by: its weight or its quantity. */
    private static Sql divisor(UnitValueBasis basis) {
        return sql(basis == UnitValueBasis.PER_KG ? "s.net_weight_kg" : "s.quantity");
    }

    private static Sql unit(UnitValueBasis basis) {
        return sql(basis == UnitValueBasis.PER_KG ? "'kg'::text" : "s.quantity_unit");
    }

    static Sql rows(ShipmentScope scope, UnitValueBasis basis, BigDecimal threshold) {
        Sql measured = sql("s.hs6 is not null and s.value_eur is not null and {} > 0", divisor(basis));
        Sql peers = scope.includeSynthetic() ? Sql.TRUE : SyntheticRules.REAL_SHIPMENT;
        return sql("""
                with cand as (select s.id, s.hs6, extract(year from s.period_start)::int as y, {unit} as unit,
                                     s.value_eur / {divisor} as uv
                                from shipment s where {scope} and {measured}),
                     groups as (select distinct hs6, y, unit from cand),
                     peer as (select s.hs6, extract(year from s.period_start)::int as y, {unit} as unit,
                                     (s.value_eur / {divisor})::float8 as uv
                                from shipment s
                                join groups g on g.hs6 = s.hs6 and s.period_start >= make_date(g.y, 1, 1)
                                             and s.period_start < make_date(g.y + 1, 1, 1) and g.unit = {unit}
                               where {peers} and {measured}),
                     med as (select hs6, y, unit, percentile_cont(0.5) within group (order by uv) as median, count(*) as n
                               from peer group by hs6, y, unit),
                     mad as (select p.hs6, p.y, p.unit, percentile_cont(0.5) within group (order by abs(p.uv - m.median)) as mad
                               from peer p join med m using (hs6, y, unit) group by p.hs6, p.y, p.unit)
                select * from (
                    select c.id, c.hs6, c.y as year, c.unit, round(c.uv, 4) as unit_value, round(m.median::numeric, 4) as median,
                           round(d.mad::numeric, 4) as mad, m.n as peers,
                           round((0.6745 * (c.uv::float8 - m.median) / d.mad)::numeric, 4) as z,
                           round(abs(0.6745 * (c.uv::float8 - m.median) / d.mad)::numeric, 4) as abs_z
                      from cand c join med m using (hs6, y, unit) join mad d using (hs6, y, unit)
                     where d.mad > 0 and abs(0.6745 * (c.uv::float8 - m.median) / d.mad) > {threshold}) r""",
                Map.of("divisor", divisor(basis), "unit", unit(basis), "measured", measured,
                        "scope", ShipmentScopeSql.where(scope), "peers", peers, "threshold", value(threshold.doubleValue())));
    }

    public static Sql page(ShipmentScope scope, UnitValueBasis basis, BigDecimal threshold, List<String> after, int limit) {
        return SanctionsExposureSql.page(sql("select * from ({}) r", rows(scope, basis, threshold)), ORDER, after, limit);
    }

    public static ExportQuery export(ShipmentScope scope, UnitValueBasis basis, BigDecimal threshold) {
        Sql s = sql("""
                select global_id('Shipment', r.id::text) as id, s.source_record_ref, s.period_start,
                       global_id('Company', s.supplier_id::text) as supplier_id,
                       global_id('Company', s.recipient_id::text) as recipient_id, r.hs6, r.year, {} as basis, r.unit,
                       s.value_eur, {} as divisor, r.unit_value as unit_value_eur, r.median as median_eur, r.mad as mad_eur,
                       r.peers as peer_count, r.z as modified_z
                  from ({}) r join shipment s on s.id = r.id
                 order by r.abs_z desc, r.id""", value(basis.name()), divisor(basis), rows(scope, basis, threshold));
        return new ExportQuery("unit-value-outliers", s.text(), s.values(), COLUMNS);
    }
}
