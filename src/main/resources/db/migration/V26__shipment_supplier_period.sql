-- Supply paths (query/SupplyPathSql) follow each path's last recipient to its next shipments: one supplier's shipments
-- within a window of dates. With only shipment_supplier and shipment_period, PostgreSQL ANDed two bitmaps and read the
-- window's whole date range at every step: measured with EXPLAIN ANALYZE on 300,000 generated shipments (2 shared cores
-- at load 12-15), 7 ms a step and 54 s for a search of 9,000 steps; on this index a step is one short range scan
-- (0.07 ms) and the same search 5.6 s, most of it the first hop's grouping of a whole country's shipments.
create index shipment_supplier_period on shipment (supplier_id, period_start);
