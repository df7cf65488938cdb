-- The yearly rollup is read as shipments whose period starts on make_date(year, 1, 1) (query/FlowBase), so a window
-- reaches it as make_date(year, 1, 1) between two dates: V23's indexes on the bare year served the pair and the
-- chapter but read every year of them. Index the expression the filter uses instead; and source_id, which V23 moved
-- out of the front of the key, where it served filters on sources, gets a small index of its own.
drop index flow_rollup_year_pair_hs2;
drop index flow_rollup_year_hs2;
drop index flow_rollup_year_year;
create index flow_rollup_year_pair_hs2 on flow_rollup_year (supplier_country, recipient_country, left(hs, 2), make_date(year, 1, 1));
create index flow_rollup_year_hs2 on flow_rollup_year (left(hs, 2), make_date(year, 1, 1));
create index flow_rollup_year_start on flow_rollup_year (make_date(year, 1, 1));
create index flow_rollup_year_source on flow_rollup_year (source_id, make_date(year, 1, 1));
