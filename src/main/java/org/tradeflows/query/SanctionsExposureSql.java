package org.tradeflows.query;

import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.util.List;
import org.tradeflows.sql.Sql;

/**
 * Sanctions exposure: the shipments of a scope (a company's, a country's suppliers', ...) whose recipient was under a
 * confirmed listing in force at the shipment's date. "In force" is the one rule, {@link SanctionRules#inForce(String,
 * Sql)} (so an undated listing never covers a past shipment); the shipment's date is its {@code period_start}, as
 * everywhere. A shipment to a recipient listed by two authorities counts once in the totals and once under each
 * authority. Pure: {@code store.SanctionsExposureStore} runs what this renders.
 */
public final class SanctionsExposureSql {

    /** Listings by authority and year, in authority then year order. */
    public static final List<Keyset.Column> YEAR_ORDER = List.of(
            new Keyset.Column("authority", "text", false), new Keyset.Column("year", "int", false));
    /** Listings, largest value shipped while in force first. */
    public static final List<Keyset.Column> LISTING_ORDER = List.of(
            new Keyset.Column("sort_value", "numeric", true), new Keyset.Column("sanction_id", "bigint", false));
    /** Suppliers, largest exposure first. */
    public static final List<Keyset.Column> SUPPLIER_ORDER = List.of(
            new Keyset.Column("sort_value", "numeric", true), new Keyset.Column("supplier_id", "bigint", false));

    public static final List<String> LISTING_COLUMNS = List.of("supplier_id", "supplier_name", "recipient_id",
            "recipient_name", "authority", "program", "listed_on", "ended_on", "first_date", "last_date",
            "days_after_listing", "value_eur", "shipment_count", "shipments_without_eur");
    public static final List<String> SUPPLIER_COLUMNS = List.of("supplier_id", "supplier_name", "supplier_country",
            "exposed_value_eur", "value_eur", "share_of_total", "exposed_shipment_count", "shipment_count",
            "first_date", "last_date");

    private SanctionsExposureSql() {
    }

    /**
     * Two CTEs: {@code scoped}, the shipments of the scope, and {@code hit}, one row per scoped shipment and listing of
     * its recipient in force at the shipment's date (listings of the given authorities; synthetic listings only when
     * the scope includes synthetic rows).
     */
    static Sql base(ShipmentScope scope) {
        return sql("""
                scoped as (select s.id, s.supplier_id, s.recipient_id, s.period_start, s.value_eur
                             from shipment s where {}),
                hit as (select s.id, s.supplier_id, s.recipient_id, s.period_start, s.value_eur, x.id as sanction_id,
                               x.authority
                          from scoped s join sanction x on x.company_id = s.recipient_id
                         where {})""",
                ShipmentScopeSql.where(scope),
                Sql.and(SanctionRules.inForce("x", sql("s.period_start")),
                        scope.includeSynthetic() ? Sql.EMPTY : SyntheticRules.real("x"),
                        ifGiven(scope.sanctionAuthorities(), a -> sql("x.authority = any({})", value(a)))));
    }

    /** One row: everything shipped, what of it went to a listed recipient, and when the first and last such went. */
    public static Sql totals(ShipmentScope scope) {
        return sql("""
                with {}
                select t.value_eur, t.shipments, t.without_eur, e.exposed_eur, e.exposed_shipments, e.exposed_without_eur,
                       e.first_date, e.last_date, round(e.exposed_eur / nullif(t.value_eur, 0), 6) as share
                  from (select sum(value_eur) as value_eur, count(*) as shipments,
                               count(*) filter (where value_eur is null) as without_eur from scoped) t,
                       (select sum(value_eur) as exposed_eur, count(*) as exposed_shipments,
                               count(*) filter (where value_eur is null) as exposed_without_eur,
                               min(period_start) as first_date, max(period_start) as last_date
                          from scoped where id in (select id from hit)) e""", base(scope));
    }

    /** Exposure per authority and calendar year, beside everything the scope shipped that year. */
    public static Sql byAuthorityYear(ShipmentScope scope, List<String> after, int limit) {
        return page(sql("""
                with {}, by_year as (select extract(year from period_start)::int as year, sum(value_eur) as value_eur
                                       from scoped group by 1)
                select * from (
                    select h.authority, h.year, sum(h.value_eur) as value_eur, count(*) as shipments,
                           count(*) filter (where h.value_eur is null) as without_eur,
                           min(h.period_start) as first_date, max(h.period_start) as last_date, y.value_eur as year_total_eur,
                           round(sum(h.value_eur) / nullif(y.value_eur, 0), 6) as share
                      from (select distinct on (id, authority) id, authority, period_start, value_eur,
                                   extract(year from period_start)::int as year
                              from hit order by id, authority) h
                      join by_year y on y.year = h.year
                     group by h.authority, h.year, y.value_eur) r""", base(scope)), YEAR_ORDER, after, limit);
    }

    /** Each listing the scope's shipments met while it was in force: first and last such shipment, value, count. */
    public static Sql listings(ShipmentScope scope, List<String> after, int limit) {
        return page(sql("""
                with {}
                select * from (
                    select g.*, x.authority, x.program, x.listed_on, x.ended_on, g.first_date - x.listed_on as days_after_listing,
                           coalesce(g.value_eur, 0) as sort_value
                      from (select sanction_id, recipient_id, sum(value_eur) as value_eur, count(*) as shipments,
                                   count(*) filter (where value_eur is null) as without_eur,
                                   min(period_start) as first_date, max(period_start) as last_date
                              from hit group by sanction_id, recipient_id) g
                      join sanction x on x.id = g.sanction_id) r""", base(scope)), LISTING_ORDER, after, limit);
    }

    /** Suppliers with any exposure, largest first; shipments without a resolved supplier are left out. */
    public static Sql suppliers(ShipmentScope scope, List<String> after, int limit) {
        return page(sql("with {} select * from ({}) r", base(scope), supplierRows()), SUPPLIER_ORDER, after, limit);
    }

    private static Sql supplierRows() {
        return sql("""
                select e.supplier_id, e.exposed_eur, e.exposed_shipments, e.first_date, e.last_date, t.value_eur,
                       t.shipments, round(e.exposed_eur / nullif(t.value_eur, 0), 6) as share,
                       coalesce(e.exposed_eur, 0) as sort_value
                  from (select supplier_id, sum(value_eur) as exposed_eur, count(*) as exposed_shipments,
                               min(period_start) as first_date, max(period_start) as last_date
                          from scoped where supplier_id is not null and id in (select id from hit)
                         group by supplier_id) e
                  join (select supplier_id, sum(value_eur) as value_eur, count(*) as shipments
                          from scoped where supplier_id is not null group by supplier_id) t using (supplier_id)""");
    }

    /** The export of every (supplier, listing) pair, largest first. */
    public static ExportQuery listingExport(ShipmentScope scope) {
        Sql q = sql("""
                with {}
                select global_id('Company', g.supplier_id::text) as supplier_id, sup.name as supplier_name,
                       global_id('Company', g.recipient_id::text) as recipient_id, rec.name as recipient_name,
                       x.authority, x.program, x.listed_on, x.ended_on, g.first_date, g.last_date,
                       g.first_date - x.listed_on as days_after_listing, g.value_eur, g.shipments as shipment_count,
                       g.without_eur as shipments_without_eur
                  from (select supplier_id, sanction_id, recipient_id, sum(value_eur) as value_eur, count(*) as shipments,
                               count(*) filter (where value_eur is null) as without_eur,
                               min(period_start) as first_date, max(period_start) as last_date
                          from hit group by supplier_id, sanction_id, recipient_id) g
                  join sanction x on x.id = g.sanction_id
                  left join company sup on sup.id = g.supplier_id
                  left join company rec on rec.id = g.recipient_id
                 order by g.value_eur desc nulls last, g.supplier_id, x.id""", base(scope));
        return new ExportQuery("sanctions-exposure", q.text(), q.values(), LISTING_COLUMNS);
    }

    /** The export of the supplier ranking, whole. */
    public static ExportQuery supplierExport(ShipmentScope scope) {
        Sql q = sql("""
                with {}
                select global_id('Company', r.supplier_id::text) as supplier_id, c.name as supplier_name,
                       c.country_code as supplier_country, r.exposed_eur as exposed_value_eur, r.value_eur,
                       r.share as share_of_total, r.exposed_shipments as exposed_shipment_count,
                       r.shipments as shipment_count, r.first_date, r.last_date
                  from ({}) r left join company c on c.id = r.supplier_id
                 order by r.sort_value desc, r.supplier_id""", base(scope), supplierRows());
        return new ExportQuery("sanctions-exposure-suppliers", q.text(), q.values(), SUPPLIER_COLUMNS);
    }

    /** Rows of {@code rows} (aliased r, selecting the order's columns) after the cursor, in order, at most limit. */
    static Sql page(Sql rows, List<Keyset.Column> order, List<String> after, int limit) {
        Sql where = after == null ? Sql.TRUE : Keyset.after(order, after);
        return sql("{} where {} order by {} limit {}", rows, where, Keyset.orderBy(order), value(limit));
    }
}
