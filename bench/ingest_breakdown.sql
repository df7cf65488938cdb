-- Where the time of a shipment load goes on the database side. Run by bench/ingest.sh after the Java benchmark:
--   psql -h 127.0.0.1 -U postgres -d tradeflows_bench_ingest -v rows=300000 -f bench/ingest_breakdown.sql
-- Everything happens in one transaction that is rolled back: the same :rows rows (synthetic, made here by SQL) are
-- inserted into shipment five times, each time with less of the table's machinery, each inside a savepoint that is
-- rolled back. Needs a superuser (disabling the foreign-key triggers).
\set ON_ERROR_STOP on
\timing off
\if :{?rows}
\else
\set rows 300000
\endif
\set QUIET on
begin;
insert into source (key, kind, title, citation) values ('bench-breakdown', 'SYNTHETIC', 'Breakdown rows', 'bench/ingest_breakdown.sql');
insert into data_release (key, version, kind, synthetic, content_sha256, source_id)
select 'bench-breakdown', '1', 'SYNTHETIC', true, repeat('0', 64), id from source where key = 'bench-breakdown';
insert into company (name, country_code, source_id)
select 'Synthetic Breakdown ' || g, (array['CN','HK','TR','AE','RU','KZ','BY'])[1 + g % 7], (select id from source where key = 'bench-breakdown')
  from generate_series(1, 3000) g;
create temp table breakdown_rows on commit drop as
select r.id as release_id, true as synthetic, r.source_id, 'b' || g as source_record_ref,
       c.first + (g::bigint * 7919) % 2000 as supplier_id, c.first + 2000 + (g::bigint * 104729) % 1000 as recipient_id,
       'Synthetic supplier ' || g % 2000 as supplier_declared_name, 'Synthetic recipient ' || g % 1000 as recipient_declared_name,
       (array['CN','HK','TR','AE'])[1 + g % 4] as supplier_country, (array['RU','KZ','BY'])[1 + g % 3] as recipient_country,
       case when g % 10 = 0 then 'CN' end as origin_country, null::text as destination_country,
       date '2023-01-01' + g % 365 as period_start, date '2023-01-01' + g % 365 as period_end,
       p.codes[1 + g % array_length(p.codes, 1)] || '90' as hs_code, p.codes[1 + g % array_length(p.codes, 1)] as product_code,
       'Synthetic goods ' || g as description, (g % 100000)::numeric(20, 2) as value, 'USD' as currency,
       round((g % 100000) * 0.92, 2) as value_eur, (g % 100000)::numeric(20, 2) as value_usd, 'EXACT' as value_qualifier,
       (g % 500)::numeric(20, 3) as quantity, 'kg' as quantity_unit, (g % 700)::numeric(20, 3) as net_weight_kg
  from generate_series(1, :rows) g
 cross join (select id, source_id from data_release where key = 'bench-breakdown') r
 cross join (select min(id) as first from company where source_id = (select id from source where key = 'bench-breakdown')) c
 cross join (select array_agg(code order by code) as codes from product_category where level = 'SUBHEADING') p;
\set cols 'release_id, synthetic, source_id, source_record_ref, supplier_id, recipient_id, supplier_declared_name, recipient_declared_name, supplier_country, recipient_country, origin_country, destination_country, period_start, period_end, hs_code, product_code, description, value, currency, value_eur, value_usd, value_qualifier, quantity, quantity_unit, net_weight_kg'
\set QUIET off
select count(*) as rows_per_run from breakdown_rows;
\timing on
\echo '1. into shipment as it is: rollup triggers, foreign keys, all indexes'
savepoint run;
insert into shipment (:cols) select :cols from breakdown_rows;
rollback to savepoint run;
\echo '2. without the rollup and data-version triggers (foreign keys and indexes still there)'
alter table shipment disable trigger user;
insert into shipment (:cols) select :cols from breakdown_rows;
rollback to savepoint run;
\echo '3. without any trigger: no foreign-key checks either (all indexes)'
alter table shipment disable trigger all;
insert into shipment (:cols) select :cols from breakdown_rows;
rollback to savepoint run;
\echo '4. without triggers and without the secondary indexes (primary key and the unique source reference remain)'
alter table shipment disable trigger all;
drop index shipment_countries, shipment_countries_hs2, shipment_period, shipment_product, shipment_recipient,
    shipment_release, shipment_supplier;
insert into shipment (:cols) select :cols from breakdown_rows;
rollback to savepoint run;
\timing off
rollback;
