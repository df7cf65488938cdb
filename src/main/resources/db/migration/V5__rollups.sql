-- Rollups: shipment sums at common grains, kept current by statement-level triggers on every load, so that
-- aggregates answer without scanning the shipments. Every cell keeps enough counts to be exact: how many shipments,
-- how many lack an EUR / USD value or a weight, and how many carry each value qualifier.

create table flow_rollup_month (
    synthetic          boolean not null,
    source_id          bigint not null,
    supplier_country   text not null,
    recipient_country  text not null,
    hs                 text not null,   -- left(hs_code, 6): the HS6, or the 2-5 digits declared
    month              date not null,
    value_eur          numeric not null,
    value_usd          numeric not null,
    shipments          bigint not null,
    without_eur        bigint not null,
    without_usd        bigint not null,
    net_weight         numeric not null,
    with_weight        bigint not null,
    first_date         date not null,
    last_date          date not null,
    more_than          bigint not null,
    at_least           bigint not null,
    estimated          bigint not null,
    approximate        bigint not null,
    primary key (synthetic, source_id, supplier_country, recipient_country, hs, month)
);
create index flow_rollup_month_pair on flow_rollup_month (supplier_country, recipient_country, month);
create index flow_rollup_month_hs on flow_rollup_month (hs);

-- role: 'S' supplier only, 'R' recipient only, 'B' both (a company shipping to itself counts once)
create table company_rollup_year (
    synthetic          boolean not null,
    source_id          bigint not null,
    company_id         bigint not null,
    role               text not null check (role in ('S', 'R', 'B')),
    year               integer not null,
    value_eur          numeric not null,
    value_usd          numeric not null,
    shipments          bigint not null,
    without_eur        bigint not null,
    without_usd        bigint not null,
    net_weight         numeric not null,
    with_weight        bigint not null,
    first_date         date not null,
    last_date          date not null,
    more_than          bigint not null,
    at_least           bigint not null,
    estimated          bigint not null,
    approximate        bigint not null,
    primary key (company_id, role, year, source_id, synthetic)
);

-- The measures of a set of shipment rows named r, in the column order of both rollup tables.
create function rollup_measures_sql() returns text language sql immutable as $$ select $m$
    coalesce(sum(r.value_eur), 0), coalesce(sum(r.value_usd), 0), count(*),
    count(*) filter (where r.value_eur is null), count(*) filter (where r.value_usd is null),
    coalesce(sum(r.net_weight_kg), 0), count(r.net_weight_kg), min(r.period_start), max(r.period_end),
    count(*) filter (where r.value_qualifier = 'MORE_THAN'), count(*) filter (where r.value_qualifier = 'AT_LEAST'),
    count(*) filter (where r.value_qualifier = 'ESTIMATED'), count(*) filter (where r.value_qualifier = 'APPROXIMATE')
$m$ $$;

-- Adds shipment rows (a transition table or a query over shipment, as SQL text) to the monthly country rollup.
-- (Returned as SQL text: a trigger must run it itself, since its transition tables are visible to it alone.)
create function rollup_add_flows_sql(p_rows text) returns text language plpgsql immutable as $$
begin
    return format($q$
        insert into flow_rollup_month as t
        select r.synthetic, r.source_id, r.supplier_country, r.recipient_country, left(r.hs_code, 6),
               date_trunc('month', r.period_start)::date, %s
          from %s r
         group by 1, 2, 3, 4, 5, 6
        on conflict (synthetic, source_id, supplier_country, recipient_country, hs, month) do update set
            value_eur = t.value_eur + excluded.value_eur, value_usd = t.value_usd + excluded.value_usd,
            shipments = t.shipments + excluded.shipments, without_eur = t.without_eur + excluded.without_eur,
            without_usd = t.without_usd + excluded.without_usd, net_weight = t.net_weight + excluded.net_weight,
            with_weight = t.with_weight + excluded.with_weight, first_date = least(t.first_date, excluded.first_date),
            last_date = greatest(t.last_date, excluded.last_date), more_than = t.more_than + excluded.more_than,
            at_least = t.at_least + excluded.at_least, estimated = t.estimated + excluded.estimated,
            approximate = t.approximate + excluded.approximate$q$, rollup_measures_sql(), p_rows);
end $$;

-- Adds shipment rows to the yearly company rollup; p_only restricts it to the (company_id, year) pairs of a table.
create function rollup_add_companies_sql(p_rows text, p_only text default null) returns text language plpgsql immutable as $$
begin
    return format($q$
        insert into company_rollup_year as t
        select r.synthetic, r.source_id, c.company_id, c.role, extract(year from r.period_start)::int, %s
          from %s r
          cross join lateral (values (r.supplier_id, case when r.supplier_id = r.recipient_id then 'B' else 'S' end),
                                     (case when r.recipient_id is distinct from r.supplier_id then r.recipient_id end, 'R')) c(company_id, role)
         where c.company_id is not null %s
         group by 1, 2, 3, 4, 5
        on conflict (company_id, role, year, source_id, synthetic) do update set
            value_eur = t.value_eur + excluded.value_eur, value_usd = t.value_usd + excluded.value_usd,
            shipments = t.shipments + excluded.shipments, without_eur = t.without_eur + excluded.without_eur,
            without_usd = t.without_usd + excluded.without_usd, net_weight = t.net_weight + excluded.net_weight,
            with_weight = t.with_weight + excluded.with_weight, first_date = least(t.first_date, excluded.first_date),
            last_date = greatest(t.last_date, excluded.last_date), more_than = t.more_than + excluded.more_than,
            at_least = t.at_least + excluded.at_least, estimated = t.estimated + excluded.estimated,
            approximate = t.approximate + excluded.approximate$q$, rollup_measures_sql(), p_rows,
        case when p_only is null then '' else format(
            'and exists (select 1 from %s k where k.company_id = c.company_id and k.year = extract(year from r.period_start)::int)',
            p_only) end);
end $$;

create function shipment_rollup_on_insert() returns trigger language plpgsql as $$
begin
    execute rollup_add_flows_sql('new_rows');
    execute rollup_add_companies_sql('new_rows');
    return null;
end $$;

-- Deleted or changed rows: the cells they touched are recomputed from the shipments (minimum and maximum dates
-- cannot be subtracted).
create function shipment_rollup_recompute() returns trigger language plpgsql as $$
begin
    create temp table if not exists rollup_touched_cells (synthetic boolean, source_id bigint, supplier_country text,
        recipient_country text, hs text, month date) on commit drop;
    create temp table if not exists rollup_touched_companies (company_id bigint, year int) on commit drop;
    truncate rollup_touched_cells, rollup_touched_companies;
    insert into rollup_touched_cells
    select distinct synthetic, source_id, supplier_country, recipient_country, left(hs_code, 6),
           date_trunc('month', period_start)::date
      from old_rows;
    insert into rollup_touched_companies
    select distinct c, extract(year from period_start)::int from old_rows, unnest(array[supplier_id, recipient_id]) c
     where c is not null;
    if tg_op = 'UPDATE' then
        insert into rollup_touched_cells
        select distinct synthetic, source_id, supplier_country, recipient_country, left(hs_code, 6),
               date_trunc('month', period_start)::date
          from new_rows;
        insert into rollup_touched_companies
        select distinct c, extract(year from period_start)::int from new_rows, unnest(array[supplier_id, recipient_id]) c
         where c is not null;
    end if;
    delete from flow_rollup_month t using rollup_touched_cells k
     where t.synthetic = k.synthetic and t.source_id = k.source_id and t.supplier_country = k.supplier_country
       and t.recipient_country = k.recipient_country and t.hs = k.hs and t.month = k.month;
    execute rollup_add_flows_sql($r$(select s.* from shipment s
        where exists (select 1 from rollup_touched_cells k where s.synthetic = k.synthetic and s.source_id = k.source_id
                        and s.supplier_country = k.supplier_country and s.recipient_country = k.recipient_country
                        and left(s.hs_code, 6) = k.hs and s.period_start >= k.month
                        and s.period_start < k.month + interval '1 month'))$r$);
    delete from company_rollup_year t using rollup_touched_companies k where t.company_id = k.company_id and t.year = k.year;
    execute rollup_add_companies_sql($r$(select s.* from shipment s
        where s.supplier_id in (select company_id from rollup_touched_companies)
           or s.recipient_id in (select company_id from rollup_touched_companies))$r$, 'rollup_touched_companies');
    return null;
end $$;

create trigger shipment_rollup_insert after insert on shipment
    referencing new table as new_rows for each statement execute function shipment_rollup_on_insert();
create trigger shipment_rollup_delete after delete on shipment
    referencing old table as old_rows for each statement execute function shipment_rollup_recompute();
create trigger shipment_rollup_update after update on shipment
    referencing old table as old_rows new table as new_rows for each statement execute function shipment_rollup_recompute();

-- Shipments loaded before this migration.
do $$ begin
    execute rollup_add_flows_sql('shipment');
    execute rollup_add_companies_sql('shipment');
end $$;
