package org.tradeflows.query;

import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.util.List;
import java.util.Map;
import org.tradeflows.sql.Sql;

/**
 * Supply paths: chains of shipments whose goods could be the same, found by one recursive CTE over the shipment table.
 *
 * <p>A hop is every shipment, or leg of a shipment through its intermediaries ({@link #LEGS}), from one company to the
 * next on one date in the same HS code of the query's length (two shipments on the same day between the same pair are
 * one hop of two shipments). The next hop leaves the recipient of the last, later than it by 1 to {@code windowDays}
 * days (the edge included), or on the same day when it is the next leg of a shipment of the last hop, in the same code; no
 * company appears twice on a path, so a loop back is cut where it would close. A path stops where it first reaches
 * {@code to}. Its value is the least hop value in EUR (what can have been carried end to end); a hop without any EUR
 * value leaves the path's value empty, ranked last. The sanctions of a hop are those of its recipient and supplier in
 * force at the hop's date by the one rule {@code sanction_in_force} ({@link SanctionRules}).
 *
 * <p>Bounded so that no question can run away: at most {@link #MAX_HOPS} hops; from each company at each hop only the
 * {@link #FAN_OUT} largest onward hops are followed; the search stops after {@link #MAX_CANDIDATES} partial paths,
 * breadth first (shorter paths before longer ones); and the statement timeout and the request's time budget apply as
 * to every statement. Each answer says whether the fan-out or the candidate cap cut something. Pure: {@code
 * store.SupplyPathStore} runs what this renders.
 */
public final class SupplyPathSql {

    public static final int MAX_HOPS = 4;
    public static final int FAN_OUT = 20;
    public static final int MAX_CANDIDATES = 10_000;

    /** Paths, largest value carried end to end first, then by their companies and dates. */
    public static final List<Keyset.Column> ORDER = List.of(new Keyset.Column("sort_value", "numeric", true),
            new Keyset.Column("path_key", "text", false));

    public static final List<String> COLUMNS = List.of("path_rank", "path_value_eur", "hop_count", "hop",
            "supplier_id", "supplier_name", "recipient_id", "recipient_name", "recipient_country", "hop_date", "hs_prefix",
            "value_eur", "value_qualifier", "shipment_count", "shipments_without_eur", "shipment_ids",
            "supplier_sanction_ids", "recipient_sanction_ids", "search_truncated");

    private SupplyPathSql() {
    }

    /**
     * The legs of every shipment, in place of the shipment table: a shipment without intermediaries is one leg from its
     * supplier to its recipient; a shipment with intermediaries that are resolved companies, in their order
     * (shipment_intermediary.position), A → I1 → I2 → B, is the legs A → I1, I1 → I2 and I2 → B, each carrying the
     * shipment's id, value, precision, date and goods. An intermediary known only by its country is no company and adds no
     * leg. A leg's countries are the shipment's at its ends and the intermediary's (its declared country, else its
     * company's) in between; {@code continues} says the shipment goes on from the leg's recipient. The columns are the
     * shipment's names, so every condition on {@code s} reads the same; each branch is reached through an index
     * (shipment by supplier, shipment_intermediary by company or shipment).
     */
    static final String LEGS = """
            (select s.id, s.synthetic, s.supplier_id, s.supplier_country, coalesce(n.company_id, s.recipient_id) as recipient_id,
                    case when n.company_id is null then s.recipient_country else n.country end as recipient_country,
                    n.company_id is not null as continues, s.period_start, s.hs_code, s.hs2, s.hs4, s.hs6, s.value_eur,
                    s.value_qualifier
               from shipment s
               left join lateral (select i.company_id, coalesce(i.country_code, c.country_code) as country
                                    from shipment_intermediary i join company c on c.id = i.company_id
                                   where i.shipment_id = s.id order by i.position limit 1) n on true
             union all
             select s.id, s.synthetic, i.company_id, coalesce(i.country_code, ci.country_code),
                    coalesce(n.company_id, s.recipient_id),
                    case when n.company_id is null then s.recipient_country else n.country end,
                    n.company_id is not null, s.period_start, s.hs_code, s.hs2, s.hs4, s.hs6, s.value_eur, s.value_qualifier
               from shipment_intermediary i
               join company ci on ci.id = i.company_id
               join shipment s on s.id = i.shipment_id
               left join lateral (select i2.company_id, coalesce(i2.country_code, c2.country_code) as country
                                    from shipment_intermediary i2 join company c2 on c2.id = i2.company_id
                                   where i2.shipment_id = s.id and i2.position > i.position order by i2.position limit 1) n
                 on true)""";

    /** The shipment's HS code cut to the query's length. */
    private static Sql hs(int length) {
        return switch (length) {
            case 2 -> sql("s.hs2");
            case 4 -> sql("s.hs4");
            case 6 -> sql("s.hs6");
            default -> throw new IllegalArgumentException("hs length " + length);
        };
    }

    /** What every shipment of every hop meets: the period, the goods, resolved companies, real unless asked. */
    static Sql hopShipments(SupplyPathQuery q) {
        return Sql.and(
                SyntheticRules.realShipmentUnless(q.includeSynthetic()),
                ifGiven(q.periodFrom(), d -> sql("s.period_start >= {}", value(d))),
                ifGiven(q.periodTo(), d -> sql("s.period_start <= {}", value(d))),
                q.hsPrefixes().isEmpty() ? Sql.EMPTY
                        : sql("s.hs_code like any({})", value(q.hsPrefixes().stream().map(p -> p + "%").toList())),
                sql("{} is not null and s.supplier_id is not null and s.recipient_id is not null "
                        + "and s.supplier_id <> s.recipient_id", hs(q.hsLength())));
    }

    /** The company in {@code column} is under a listing in force at the shipment's date (real listings unless asked). */
    static Sql sanctionedAt(Sql column, boolean includeSynthetic) {
        return sql("exists (select 1 from sanction x where x.company_id = {} and {})", column,
                Sql.and(SanctionRules.inForce("x", sql("s.period_start")),
                        includeSynthetic ? Sql.EMPTY : SyntheticRules.real("x")));
    }

    static Sql starts(SupplyPathQuery q) {
        SupplyPathQuery.End from = q.from();
        if (from.companyId() != null) {
            return sql("s.supplier_id = {}", value(from.companyId()));
        }
        return from.country() != null ? sql("s.supplier_country = {}", value(from.country()))
                : sanctionedAt(sql("s.supplier_id"), q.includeSynthetic());
    }

    static Sql reaches(SupplyPathQuery q) {
        SupplyPathQuery.End to = q.to();
        if (to.companyId() != null) {
            return sql("s.recipient_id = {}", value(to.companyId()));
        }
        return to.country() != null ? sql("s.recipient_country = {}", value(to.country()))
                : sanctionedAt(sql("s.recipient_id"), q.includeSynthetic());
    }

    /**
     * The bounded search: {@code explored}, the partial paths (at most MAX_CANDIDATES), {@code stats}, one row saying
     * what the bounds cut, and {@code found}, the explored paths that reach {@code to} with their sort value.
     */
    static Sql search(SupplyPathQuery q) {
        return sql("""
                recursive path (depth, companies, countries, dates, hs_key, min_value, unknown, reached, fan_cut, path_key, hop_ids,
                                 continuing) as (
                    select 1, array[a.supplier_id, a.recipient_id], array[a.supplier_country, a.recipient_country],
                           array[a.period_start], a.hs_key, a.value_eur, a.value_eur is null, a.reached, a.n > cast({fanOut} as int),
                           lpad(a.supplier_id::text, 19, '0') || ':' || a.supplier_country || '>'
                               || lpad(a.recipient_id::text, 19, '0') || ':' || a.recipient_country || '@' || a.period_start,
                           array[array_to_string(a.ids, ',')], a.continuing
                      from (select g.*, row_number() over (partition by g.supplier_id order by g.value_eur desc nulls last,
                                       g.recipient_id, g.recipient_country, g.period_start, g.supplier_country, g.hs_key) as rn,
                                   count(*) over (partition by g.supplier_id) as n
                              from (select s.supplier_id, s.supplier_country, s.recipient_id, s.recipient_country,
                                           s.period_start, {hs} as hs_key, sum(s.value_eur) as value_eur, {reaches} as reached,
                                           array_agg(s.id order by s.id) as ids,
                                           coalesce(array_agg(s.id order by s.id) filter (where s.continues), cast(array[] as bigint[]))
                                               as continuing
                                      from {legs} s
                                     where {hop} and {starts}
                                     group by s.supplier_id, s.supplier_country, s.recipient_id, s.recipient_country,
                                              s.period_start, {hs}
                                    having cast({maxHops} as int) > 1 or {reaches}) g
                             order by g.value_eur desc nulls last, g.supplier_id, g.recipient_id, g.recipient_country,
                                      g.period_start, g.supplier_country, g.hs_key
                             limit cast({firstCandidates} as int)) a
                     where a.rn <= cast({fanOut} as int)
                    union all
                    select p.depth + 1, p.companies || n.recipient_id, p.countries || n.recipient_country,
                           p.dates || n.period_start, p.hs_key, least(p.min_value, n.value_eur),
                           p.unknown or n.value_eur is null, n.reached, n.n > cast({fanOut} as int),
                           p.path_key || '>' || lpad(n.recipient_id::text, 19, '0') || ':' || n.recipient_country || '@'
                               || n.period_start, p.hop_ids || array_to_string(n.ids, ','), n.continuing
                      from path p
                      cross join lateral (
                          select g.*, row_number() over (order by g.value_eur desc nulls last, g.recipient_id,
                                     g.recipient_country, g.period_start) as rn,
                                 count(*) over () as n
                            from (select s.recipient_id, s.recipient_country, s.period_start, sum(s.value_eur) as value_eur,
                                         {reaches} as reached, array_agg(s.id order by s.id) as ids,
                                         coalesce(array_agg(s.id order by s.id) filter (where s.continues), cast(array[] as bigint[]))
                                               as continuing
                                    from {legs} s
                                   where s.supplier_id = p.companies[p.depth + 1] and {hs} = p.hs_key
                                     and ((s.period_start > p.dates[p.depth]
                                           and s.period_start <= p.dates[p.depth] + cast({windowDays} as int))
                                          or (s.period_start = p.dates[p.depth] and s.id = any(p.continuing)))
                                     and s.recipient_id <> all(p.companies) and {hop}
                                   group by s.recipient_id, s.recipient_country, s.period_start
                                  having p.depth + 1 < cast({maxHops} as int) or {reaches}
                                   order by sum(s.value_eur) desc nulls last, s.recipient_id, s.recipient_country, s.period_start
                                   limit cast({fanOut} as int) + 1) g) n
                     where not p.reached and p.depth < cast({maxHops} as int) and n.rn <= cast({fanOut} as int)
                ),
                explored as materialized (select * from path limit cast({candidates} as int)),
                probe as (select count(*) as n from (select 1 from path limit cast({candidates} as int) + 1) x),
                stats as (select count(*) as explored, coalesce(bool_or(fan_cut), false) as fan_out_cut,
                                 (select n from probe) > cast({candidates} as int) as candidates_cut,
                                 count(*) filter (where reached) as found
                            from explored),
                found as (select p.*, coalesce(case when not p.unknown then p.min_value end, -1) as sort_value
                            from explored p where p.reached)""", Map.of("hs", hs(q.hsLength()), "legs", sql(LEGS), "hop", hopShipments(q), "starts", starts(q), "reaches", reaches(q),
                "fanOut", value(FAN_OUT), "maxHops", value(q.maxHops()), "windowDays", value(q.windowDays()),
                "firstCandidates", value(MAX_CANDIDATES + 1), "candidates", value(MAX_CANDIDATES)));
    }

    /** The hops of the paths in {@code paths} (aliased pg): their shipments, value and precision, and sanctions. */
    static Sql hops(SupplyPathQuery q, Sql paths) {
        Sql listing = listingInForce(q);
        return sql("""
                select pg.sort_value, pg.path_key, pg.depth, case when not pg.unknown then pg.min_value end as path_value_eur,
                       k as hop, pg.companies[k] as supplier_id, pg.companies[k + 1] as recipient_id,
                       pg.countries[1] as origin_country, pg.countries[k + 1] as recipient_country, pg.dates[k] as hop_date, pg.hs_key, sh.*,
                       ss.ids as supplier_sanction_ids, rs.ids as recipient_sanction_ids
                  from {paths} pg
                  cross join lateral generate_series(1, pg.depth) k
                  cross join lateral (
                      select array_agg(s.id order by s.id) as shipment_ids, sum(s.value_eur) as value_eur,
                             count(*) as shipments, count(*) filter (where s.value_eur is null) as without_eur,
                             sum_qualifier(count(*) filter (where s.value_qualifier = 'MORE_THAN'),
                                           count(*) filter (where s.value_qualifier = 'AT_LEAST' or s.value_eur is null),
                                           count(*) filter (where s.value_qualifier = 'ESTIMATED'),
                                           count(*) filter (where s.value_qualifier = 'APPROXIMATE')) as qualifier
                        from {legs} s
                       where s.id = any(cast(string_to_array(pg.hop_ids[k], ',') as bigint[]))
                         and s.supplier_id = pg.companies[k] and s.recipient_id = pg.companies[k + 1]
                         and s.recipient_country = pg.countries[k + 1] and s.period_start = pg.dates[k]
                         and {hs} = pg.hs_key and (k > 1 or s.supplier_country = pg.countries[1]) and {shipments}) sh
                  cross join lateral (select array_agg(x.id order by x.id) as ids from sanction x
                                       where x.company_id = pg.companies[k] and {listing}) ss
                  cross join lateral (select array_agg(x.id order by x.id) as ids from sanction x
                                       where x.company_id = pg.companies[k + 1] and {listing}) rs""", Map.of("hs", hs(q.hsLength()), "paths", paths, "legs", sql(LEGS), "shipments", hopShipments(q),
                "listing", listing));
    }

    /** The listing x is in force at the hop's date (real listings unless asked). */
    private static Sql listingInForce(SupplyPathQuery q) {
        return Sql.and(SanctionRules.inForce("x", sql("pg.dates[k]")),
                q.includeSynthetic() ? Sql.EMPTY : SyntheticRules.real("x"));
    }

    /**
     * One page of paths after the cursor, one row per hop (path by path, hop by hop), beside the one row of
     * {@code stats}: an empty page still says what the bounds cut.
     */
    public static Sql page(SupplyPathQuery q, List<String> after, int limit) {
        Sql where = after == null ? Sql.TRUE : Keyset.after(ORDER, after);
        return sql("""
                with {},
                page as (select * from found where {} order by {} limit {})
                select st.explored, st.fan_out_cut, st.candidates_cut, st.found, r.*
                  from stats st left join ({}) r on true
                 order by r.sort_value desc nulls last, r.path_key, r.hop""",
                search(q), where, Keyset.orderBy(ORDER), value(limit), hops(q, sql("page")));
    }

    /** Every path found, one row per hop, ranked; each row says whether a bound cut the search. */
    public static ExportQuery export(SupplyPathQuery q) {
        Sql s = sql("""
                with {},
                ranked as (select f.*, row_number() over (order by f.sort_value desc, f.path_key) as path_rank from found f)
                select pg.path_rank, r.path_value_eur, r.depth as hop_count, r.hop,
                       global_id('Company', r.supplier_id::text) as supplier_id, sup.name as supplier_name,
                       global_id('Company', r.recipient_id::text) as recipient_id, rec.name as recipient_name,
                       r.recipient_country, r.hop_date, r.hs_key as hs_prefix, r.value_eur, r.qualifier as value_qualifier,
                       r.shipments as shipment_count, r.without_eur as shipments_without_eur,
                       array_to_string(array(select global_id('Shipment', i::text) from unnest(r.shipment_ids) i), ' ')
                           as shipment_ids,
                       array_to_string(array(select global_id('Sanction', i::text) from unnest(r.supplier_sanction_ids) i), ' ')
                           as supplier_sanction_ids,
                       array_to_string(array(select global_id('Sanction', i::text) from unnest(r.recipient_sanction_ids) i), ' ')
                           as recipient_sanction_ids,
                       st.fan_out_cut or st.candidates_cut as search_truncated
                  from ({}) r
                  join ranked pg on pg.path_key = r.path_key
                  cross join stats st
                  left join company sup on sup.id = r.supplier_id
                  left join company rec on rec.id = r.recipient_id
                 order by pg.path_rank, r.hop""", search(q), hops(q, sql("ranked")));
        return new ExportQuery("supply-paths", s.text(), s.values(), COLUMNS);
    }
}
