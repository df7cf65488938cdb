-- Pages of shipments filtered by country pair (and HS chapter) come in date order straight from an index, so a page
-- of 20 reads about 20 rows however many shipments the pair has.
drop index shipment_countries;
create index shipment_countries on shipment (supplier_country, recipient_country, period_start, id);
create index shipment_countries_hs2 on shipment (supplier_country, recipient_country, hs2, period_start, id);
