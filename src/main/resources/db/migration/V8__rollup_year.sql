-- A yearly rollup by country pair and HS4, for aggregates over the whole period: at 10 million shipments the monthly
-- HS6 rollup holds almost as many cells as there are shipments, this one about one in twenty. It is refreshed from the
-- monthly rollup for the year cells every load or change touches, by the same triggers.
create table flow_rollup_year (
    synthetic          boolean not null,
    source_id          bigint not null,
    supplier_country   text not null,
    recipient_country  text not null,
    hs                 text not null,   -- left(hs_code, 4)
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
    primary key (synthetic, source_id, supplier_country, recipient_country, hs, year)
);

-- Recomputes the year cells listed in the temporary table rollup_touched_years from the monthly rollup.
create function rollup_refresh_years() returns void language plpgsql as $$
begin
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
       and left(m.hs, 4) = k.hs and extract(year from m.month)::int = k.year
     group by 1, 2, 3, 4, 5, 6;
end $$;

create or replace function shipment_rollup_on_insert() returns trigger language plpgsql as $$
begin
    execute rollup_add_flows_sql('new_rows');
    execute rollup_add_companies_sql('new_rows');
    create temp table if not exists rollup_touched_years (synthetic boolean, source_id bigint, supplier_country text,
        recipient_country text, hs text, year int) on commit drop;
    truncate rollup_touched_years;
    insert into rollup_touched_years
    select distinct synthetic, source_id, supplier_country, recipient_country, left(hs_code, 4), extract(year from period_start)::int
      from new_rows;
    perform rollup_refresh_years();
    return null;
end $$;

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

insert into flow_rollup_year
select synthetic, source_id, supplier_country, recipient_country, left(hs, 4), extract(year from month)::int,
       sum(value_eur), sum(value_usd), sum(shipments), sum(without_eur), sum(without_usd), sum(net_weight), sum(with_weight),
       min(first_date), max(last_date), sum(more_than), sum(at_least), sum(estimated), sum(approximate)
  from flow_rollup_month
 group by 1, 2, 3, 4, 5, 6;
