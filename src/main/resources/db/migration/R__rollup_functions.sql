-- The rollup functions as they stand, stated once (they were defined in V5 and redefined in V8 and V9; those
-- migrations stay as applied). Repeatable: Flyway runs this after every V migration and again when it changes.
-- Functions, and the one trigger that came after them (TRUNCATE, below); the tables are V5/V8's, the other triggers
-- V5/V6/V11's, and nothing here writes data.
--
-- The model. Three tables hold shipment sums at coarser grains, so that aggregates answer without scanning shipments:
--   flow_rollup_month    synthetic, source, country pair, HS6 (or the 2-5 digits declared), month      (V5)
--   flow_rollup_year     synthetic, source, country pair, HS4, year                                   (V8)
--   company_rollup_year  synthetic, source, company, role (S supplier, R recipient, B both), year     (V5)
-- Every cell keeps the counts that make it exact: shipments, those without an EUR or USD value or a weight, and
-- those carrying each value qualifier. Inserts add to the cells (sums, counts, first and last dates all combine);
-- deletes and updates recompute the cells they touched, since a minimum or a maximum cannot be subtracted.
--
-- Who calls what (statement-level triggers on shipment, with transition tables, V5):
--   shipment_rollup_insert (after insert)          → shipment_rollup_on_insert()
--       → rollup_add_flows_sql, rollup_add_years_sql, rollup_add_companies_sql on new_rows
--   shipment_rollup_delete, shipment_rollup_update → shipment_rollup_recompute()
--       → months and companies recomputed from shipment, then rollup_refresh_years() for the touched years
--   shipment_rollup_truncate (after truncate)      → shipment_rollup_on_truncate(): the rollups emptied with it
--   <table>_data_version on every table an answer can read (V6, V11) → bump_data_version()
-- The *_sql functions return SQL text that the trigger runs itself: only it can see its transition tables.

-- The measures of a set of shipment rows named r, in the column order of the rollup tables.
create or replace function rollup_measures_sql() returns text language sql immutable as $$ select $m$
    coalesce(sum(r.value_eur), 0), coalesce(sum(r.value_usd), 0), count(*),
    count(*) filter (where r.value_eur is null), count(*) filter (where r.value_usd is null),
    coalesce(sum(r.net_weight_kg), 0), count(r.net_weight_kg), min(r.period_start), max(r.period_end),
    count(*) filter (where r.value_qualifier = 'MORE_THAN'), count(*) filter (where r.value_qualifier = 'AT_LEAST'),
    count(*) filter (where r.value_qualifier = 'ESTIMATED'), count(*) filter (where r.value_qualifier = 'APPROXIMATE')
$m$ $$;

-- The ON CONFLICT clause shared by the three additive rollups: each measure combined with the one already there.
create or replace function rollup_merge_sql() returns text language sql immutable as $$ select $m$
        do update set
            value_eur = t.value_eur + excluded.value_eur, value_usd = t.value_usd + excluded.value_usd,
            shipments = t.shipments + excluded.shipments, without_eur = t.without_eur + excluded.without_eur,
            without_usd = t.without_usd + excluded.without_usd, net_weight = t.net_weight + excluded.net_weight,
            with_weight = t.with_weight + excluded.with_weight, first_date = least(t.first_date, excluded.first_date),
            last_date = greatest(t.last_date, excluded.last_date), more_than = t.more_than + excluded.more_than,
            at_least = t.at_least + excluded.at_least, estimated = t.estimated + excluded.estimated,
            approximate = t.approximate + excluded.approximate$m$ $$;

-- Adds shipment rows (a transition table or a query over shipment, as SQL text) to the monthly country rollup.
create or replace function rollup_add_flows_sql(p_rows text) returns text language plpgsql immutable as $$
begin
    return format($q$
        insert into flow_rollup_month as t
        select r.synthetic, r.source_id, r.supplier_country, r.recipient_country, left(r.hs_code, 6),
               date_trunc('month', r.period_start)::date, %s
          from %s r
         group by 1, 2, 3, 4, 5, 6
        on conflict (synthetic, source_id, supplier_country, recipient_country, hs, month) %s$q$,
        rollup_measures_sql(), p_rows, rollup_merge_sql());
end $$;

-- Adds shipment rows to the yearly country-pair rollup.
create or replace function rollup_add_years_sql(p_rows text) returns text language plpgsql immutable as $$
begin
    return format($q$
        insert into flow_rollup_year as t
        select r.synthetic, r.source_id, r.supplier_country, r.recipient_country, left(r.hs_code, 4),
               extract(year from r.period_start)::int, %s
          from %s r
         group by 1, 2, 3, 4, 5, 6
        on conflict (synthetic, source_id, supplier_country, recipient_country, hs, year) %s$q$,
        rollup_measures_sql(), p_rows, rollup_merge_sql());
end $$;

-- Adds shipment rows to the yearly company rollup; p_only restricts it to the (company_id, year) pairs of a table.
create or replace function rollup_add_companies_sql(p_rows text, p_only text default null) returns text
language plpgsql immutable as $$
begin
    return format($q$
        insert into company_rollup_year as t
        select r.synthetic, r.source_id, c.company_id, c.role, extract(year from r.period_start)::int, %s
          from %s r
          cross join lateral (values (r.supplier_id, case when r.supplier_id = r.recipient_id then 'B' else 'S' end),
                                     (case when r.recipient_id is distinct from r.supplier_id then r.recipient_id end, 'R')) c(company_id, role)
         where c.company_id is not null %s
         group by 1, 2, 3, 4, 5
        on conflict (company_id, role, year, source_id, synthetic) %s$q$, rollup_measures_sql(), p_rows,
        case when p_only is null then '' else format(
            'and exists (select 1 from %s k where k.company_id = c.company_id and k.year = extract(year from r.period_start)::int)',
            p_only) end,
        rollup_merge_sql());
end $$;

-- Inserted rows are added to all three rollups.
create or replace function shipment_rollup_on_insert() returns trigger language plpgsql as $$
begin
    execute rollup_add_flows_sql('new_rows');
    execute rollup_add_years_sql('new_rows');
    execute rollup_add_companies_sql('new_rows');
    return null;
end $$;

-- Recomputes the year cells listed in the temporary table rollup_touched_years from the monthly rollup.
create or replace function rollup_refresh_years() returns void language plpgsql as $$
begin
    analyze rollup_touched_years;
    delete from flow_rollup_year t using rollup_touched_years k
     where t.synthetic = k.synthetic and t.source_id = k.source_id and t.supplier_country = k.supplier_country
       and t.recipient_country = k.recipient_country and t.hs = k.hs and t.year = k.year;
    insert into flow_rollup_year
    select m.synthetic, m.source_id, m.supplier_country, m.recipient_country, left(m.hs, 4), extract(year from m.month)::int,
           sum(m.value_eur), sum(m.value_usd), sum(m.shipments), sum(m.without_eur), sum(m.without_usd), sum(m.net_weight),
           sum(m.with_weight), min(m.first_date), max(m.last_date), sum(m.more_than), sum(m.at_least), sum(m.estimated),
           sum(m.approximate)
      from flow_rollup_month m
      join rollup_touched_years k on m.synthetic = k.synthetic and m.source_id = k.source_id
       and m.supplier_country = k.supplier_country and m.recipient_country = k.recipient_country
       -- the range lets the primary key find the cells; the equality keeps a two-digit code apart from its headings
       and m.hs >= k.hs and m.hs < k.hs || 'z' and left(m.hs, 4) = k.hs
       and m.month >= make_date(k.year, 1, 1) and m.month < make_date(k.year + 1, 1, 1)
     group by 1, 2, 3, 4, 5, 6;
end $$;

-- Deleted or changed rows: the month cells and company years they touched (before and, for an update, after) are
-- recomputed from the shipments, then the year cells above those months from the monthly rollup.
create or replace function shipment_rollup_recompute() returns trigger language plpgsql as $$
begin
    create temp table if not exists rollup_touched_cells (synthetic boolean, source_id bigint, supplier_country text,
        recipient_country text, hs text, month date) on commit drop;
    create temp table if not exists rollup_touched_companies (company_id bigint, year int) on commit drop;
    truncate rollup_touched_cells, rollup_touched_companies;
    create temp table if not exists rollup_touched_years (synthetic boolean, source_id bigint, supplier_country text,
        recipient_country text, hs text, year int) on commit drop;

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
    truncate rollup_touched_years;
    insert into rollup_touched_years
    select distinct k.synthetic, k.source_id, k.supplier_country, k.recipient_country, left(k.hs, 4), extract(year from k.month)::int
      from rollup_touched_cells k;
    perform rollup_refresh_years();
    return null;
end $$;

-- One number that changes with every committed change to the data answers read (the answer caches key on it).
create or replace function bump_data_version() returns trigger language plpgsql as $$
begin
    update data_version set version = version + 1;
    return null;
end $$;

-- TRUNCATE fires no row or delete trigger: without this the rollups kept the sums of shipments that were gone.
-- Every rollup cell is a sum of shipments, so none survives the shipments' TRUNCATE. Stated here, with
-- create or replace, so that a database at any V migration gets it (no V migration was free for it).
create or replace function shipment_rollup_on_truncate() returns trigger language plpgsql as $$
begin
    truncate flow_rollup_month, flow_rollup_year, company_rollup_year;
    return null;
end $$;

create or replace trigger shipment_rollup_truncate after truncate on shipment
    for each statement execute function shipment_rollup_on_truncate();
