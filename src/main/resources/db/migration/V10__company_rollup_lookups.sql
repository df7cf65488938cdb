-- A company's rows of company_rollup_year found by index through the store's own expressions: flows read that
-- rollup as (supplier_id, recipient_id) derived from (company_id, role), and a filter or a partition by company
-- compares those expressions. Without these indexes a company profile read all 400,000 rows of the rollup at 10
-- million shipments (0.6 s); with them, its own few dozen.
create index company_rollup_year_as_supplier on company_rollup_year ((case when role in ('S', 'B') then company_id end));
create index company_rollup_year_as_recipient on company_rollup_year ((case when role in ('R', 'B') then company_id end));
