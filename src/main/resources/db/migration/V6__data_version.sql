-- One number that changes with every committed change to the data that aggregates read. Bumped in the same
-- transaction as the change (a row, not a sequence, so readers never see a version before its data), it lets the
-- service cache answers safely: a cached answer is keyed by the version it was computed at.
create table data_version (
    singleton  boolean primary key default true check (singleton),
    version    bigint not null
);
insert into data_version (version) values (1);

create function bump_data_version() returns trigger language plpgsql as $$
begin
    update data_version set version = version + 1;
    return null;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['shipment', 'shipment_intermediary', 'sanction', 'company', 'company_alias',
                             'company_identifier', 'trade_volume', 'finding', 'source', 'data_release', 'chpl_entry',
                             'topic', 'topic_product', 'product_category', 'country', 'exchange_rate'] loop
        execute format('create trigger %I after insert or update or delete or truncate on %I '
                       'for each statement execute function bump_data_version()', t || '_data_version', t);
    end loop;
end $$;
