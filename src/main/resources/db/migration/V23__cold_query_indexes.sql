-- Indexes for the filters people use, measured on 1 million generated shipments (issue 16).
--
-- 1. Merged companies found without reading the others: a company is looked up by its primary key, and only the few
--    merged rows follow their chain of merges (CompanyStore.byIds), through this partial index.
create index company_merged on company (id) where merged_into_id is not null;

-- 2. The yearly rollup's key began with (synthetic, source_id, ...), so a filter on a country pair and a chapter read
--    every cell of the table. The key now begins with what queries filter on: the pair, the HS code, the year; the
--    same columns, so the triggers' ON CONFLICT clauses (which name the columns, not their order) are unchanged.
alter table flow_rollup_year drop constraint flow_rollup_year_pkey;
alter table flow_rollup_year add primary key (supplier_country, recipient_country, hs, year, source_id, synthetic);

-- 3. A product filter reaches the rollups as left(hs, 2) = chapter (the chapter of every prefix asked for, see
--    ShipmentScopeSql), which no index on hs can serve under a non-C collation: index that expression, after the pair
--    (a pair, a chapter and a window) and alone (a chapter in every pair); and the year alone (a whole-year window).
create index flow_rollup_year_pair_hs2 on flow_rollup_year (supplier_country, recipient_country, left(hs, 2), year);
create index flow_rollup_year_hs2 on flow_rollup_year (left(hs, 2), year);
create index flow_rollup_year_year on flow_rollup_year (year);
create index flow_rollup_month_pair_hs2 on flow_rollup_month (supplier_country, recipient_country, left(hs, 2), month);
create index flow_rollup_month_hs2 on flow_rollup_month (left(hs, 2), month);
