-- asOf for company-level data (issue 15 item 2): sanctions and shipments keep what a later release or a curator's
-- correction revised or withdrew, the way trade_volume does (V17): a trigger copies the row as it stood into a
-- history table with the release that wrote it and the release that superseded it, and one SQL function per table
-- holds the rule "as the data stood at release R": the current rows written by a release <= R, plus the kept rows
-- written by a release <= R and superseded by a release > R. Whatever path writes (a loader, a fetch, the generator,
-- curation, a merge and its undo) is recorded, because the triggers sit on the tables. TRUNCATE keeps nothing.
--
-- Which release writes a version: a loader names it for its transaction (tradeflows.release_id, set by ingest/Ingest
-- through store/TradeVolumeHistoryStore.writingRelease); anything else (a curator's correction, a merge) writes under
-- the newest release at that moment, as a withdrawal of an official figure does (writing_release(), V17) — what a
-- reader saw as "latest" then. Shipment intermediaries are not versioned (a shipment's route is today's).

-- Sanctions had no release: from now on each version carries the one that wrote it. Listings recorded before this
-- migration are dated to the first release of their source (else the first release): they were there all along, as far
-- as anyone can tell now, so asOf an old release keeps showing them, as it did before.
alter table sanction add column release_id bigint references data_release (id) on delete set null;
update sanction s set release_id = coalesce((select min(r.id) from data_release r where r.source_id = s.source_id),
                                            (select min(r.id) from data_release r));

create table sanction_history (
    history_id     bigserial primary key,
    id             bigint not null,          -- the listing's id in sanction (kept across revisions)
    release_id     bigint references data_release (id) on delete cascade,
    superseded_by  bigint not null references data_release (id) on delete cascade,
    change         text not null check (change in ('REVISED', 'WITHDRAWN')),
    superseded_at  timestamptz not null default now(),
    company_id     bigint not null,
    authority      text not null,
    program        text,
    listed_on      date,
    ended_on       date,
    confirmed      boolean not null,
    source_id      bigint not null,
    note           text
);
create index sanction_history_as_of on sanction_history (release_id, superseded_by);
create index sanction_history_superseded on sanction_history (superseded_by);
create index sanction_history_company on sanction_history (company_id);

-- A listing written (inserted, or changed in what it says) takes the release writing it; an update that changes
-- nothing it says (e.g. a loader's upsert of the same end date) keeps its release and makes no history.
create function sanction_stamp_release() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        new.release_id := writing_release();
    elsif (new.company_id, new.authority, new.program, new.listed_on, new.ended_on, new.confirmed, new.source_id, new.note)
          is distinct from
          (old.company_id, old.authority, old.program, old.listed_on, old.ended_on, old.confirmed, old.source_id, old.note)
          and new.release_id is not distinct from old.release_id then
        new.release_id := greatest(writing_release(), old.release_id);
    end if;
    return new;
end $$;
create trigger sanction_stamp_release before insert or update on sanction
    for each row execute function sanction_stamp_release();

create function sanction_keep_revised() returns trigger language plpgsql as $$
begin
    insert into sanction_history (id, release_id, superseded_by, change, company_id, authority, program, listed_on,
        ended_on, confirmed, source_id, note)
    select o.id, o.release_id, n.release_id, 'REVISED', o.company_id, o.authority, o.program, o.listed_on, o.ended_on,
           o.confirmed, o.source_id, o.note
      from old_rows o join new_rows n on n.id = o.id
     -- a version revised within the release that wrote it was never the state of any release
     where n.release_id is distinct from o.release_id and n.release_id is not null;
    return null;
end $$;

create function sanction_keep_withdrawn() returns trigger language plpgsql as $$
declare
    writing bigint := writing_release();
begin
    insert into sanction_history (id, release_id, superseded_by, change, company_id, authority, program, listed_on,
        ended_on, confirmed, source_id, note)
    select o.id, o.release_id, greatest(writing, o.release_id), 'WITHDRAWN', o.company_id, o.authority, o.program,
           o.listed_on, o.ended_on, o.confirmed, o.source_id, o.note
      from old_rows o
     where writing is not null and writing is distinct from o.release_id;
    return null;
end $$;

create trigger sanction_keep_revised after update on sanction
    referencing old table as old_rows new table as new_rows
    for each statement execute function sanction_keep_revised();
create trigger sanction_keep_withdrawn after delete on sanction
    referencing old table as old_rows
    for each statement execute function sanction_keep_withdrawn();
create trigger sanction_history_data_version after insert or update or delete or truncate on sanction_history
    for each statement execute function bump_data_version();

-- The listings as they stood at release R (columns of sanction, in its order). A listing without a release (none
-- existed when it was written) counts from the start. Same shape as trade_volume_as_of: conditions outside the UNION ALL.
create function sanction_as_of(as_of bigint) returns setof sanction language sql stable parallel safe as $$
    select x.id, x.company_id, x.authority, x.program, x.listed_on, x.ended_on, x.confirmed, x.source_id, x.note,
           x.release_id
      from (select s.*, null::bigint as superseded_by from sanction s
            union all
            select h.id, h.company_id, h.authority, h.program, h.listed_on, h.ended_on, h.confirmed, h.source_id, h.note,
                   h.release_id, h.superseded_by
              from sanction_history h) x
     where coalesce(x.release_id, 0) <= as_of and (x.superseded_by is null or x.superseded_by > as_of)
$$;

-- Shipments carry their release (the load that wrote them); a shipment's history keeps its every column but the
-- generated HS prefixes, which the as-of function computes as the table does.
create table shipment_history (
    history_id               bigserial primary key,
    id                       bigint not null,  -- the shipment's id (kept across revisions)
    release_id               bigint not null references data_release (id) on delete cascade,
    superseded_by            bigint not null references data_release (id) on delete cascade,
    change                   text not null check (change in ('REVISED', 'WITHDRAWN')),
    superseded_at            timestamptz not null default now(),
    synthetic                boolean not null,
    source_id                bigint not null,
    source_record_ref        text not null,
    supplier_id              bigint,
    recipient_id             bigint,
    supplier_declared_name   text,
    recipient_declared_name  text,
    supplier_country         text not null,
    recipient_country        text not null,
    origin_country           text,
    destination_country      text,
    period_start             date not null,
    period_end               date not null,
    hs_code                  text not null,
    product_code             text not null,
    description              text,
    value                    numeric(20, 2) not null,
    currency                 text not null,
    value_eur                numeric(20, 2),
    value_usd                numeric(20, 2),
    value_qualifier          text not null,
    quantity                 numeric(20, 3),
    quantity_unit            text,
    net_weight_kg            numeric(20, 3)
);
create index shipment_history_as_of on shipment_history (release_id, superseded_by);
create index shipment_history_superseded on shipment_history (superseded_by);
-- the access paths of the shipments' own pages (V7, V23): a country pair by date, a company's shipments
create index shipment_history_countries on shipment_history (supplier_country, recipient_country, period_start, id)
    include (release_id, superseded_by);
create index shipment_history_id on shipment_history (id);
create index shipment_history_supplier on shipment_history (supplier_id);
create index shipment_history_recipient on shipment_history (recipient_id);

-- A country pair's count as of a release reads release_id: shipment_countries (V7) carries it, and synthetic, so
-- that the count stays an index-only scan as the latest one is (bench/asof-records.sh: 0.5 ms latest, 3.5 ms as of
-- a release before, on 200,000 shipments); the latest count of real shipments (not synthetic) becomes one too.
create index shipment_countries_with_release on shipment (supplier_country, recipient_country, period_start, id)
    include (synthetic, release_id);
drop index shipment_countries;
alter index shipment_countries_with_release rename to shipment_countries;

-- The release a shipment's new version is written under: the loader's (when it is of the shipment's kind, real or
-- synthetic: the foreign key (release_id, synthetic) holds), else the newest release of that kind.
create function shipment_writing_release(p_synthetic boolean) returns bigint language sql stable as $$
    select coalesce((select r.id from data_release r
                      where r.id = nullif(current_setting('tradeflows.release_id', true), '')::bigint
                        and r.synthetic = p_synthetic),
                    (select max(r.id) from data_release r where r.synthetic = p_synthetic))
$$;

-- An update that changes what a shipment says, without naming a release of its own (a merge moving it to the
-- surviving company, a correction), writes it under the writing release; one that names a release keeps it.
create function shipment_stamp_release() returns trigger language plpgsql as $$
begin
    if new.release_id = old.release_id
       and (new.source_id, new.source_record_ref, new.supplier_id, new.recipient_id, new.supplier_declared_name,
            new.recipient_declared_name, new.supplier_country, new.recipient_country, new.origin_country,
            new.destination_country, new.period_start, new.period_end, new.hs_code, new.product_code, new.description,
            new.value, new.currency, new.value_eur, new.value_usd, new.value_qualifier, new.quantity, new.quantity_unit,
            new.net_weight_kg)
           is distinct from
           (old.source_id, old.source_record_ref, old.supplier_id, old.recipient_id, old.supplier_declared_name,
            old.recipient_declared_name, old.supplier_country, old.recipient_country, old.origin_country,
            old.destination_country, old.period_start, old.period_end, old.hs_code, old.product_code, old.description,
            old.value, old.currency, old.value_eur, old.value_usd, old.value_qualifier, old.quantity, old.quantity_unit,
            old.net_weight_kg) then
        new.release_id := greatest(coalesce(shipment_writing_release(new.synthetic), old.release_id), old.release_id);
    end if;
    return new;
end $$;
create trigger shipment_stamp_release before update on shipment
    for each row execute function shipment_stamp_release();

create function shipment_keep_revised() returns trigger language plpgsql as $$
begin
    insert into shipment_history (id, release_id, superseded_by, change, synthetic, source_id, source_record_ref,
        supplier_id, recipient_id, supplier_declared_name, recipient_declared_name, supplier_country, recipient_country,
        origin_country, destination_country, period_start, period_end, hs_code, product_code, description, value,
        currency, value_eur, value_usd, value_qualifier, quantity, quantity_unit, net_weight_kg)
    select o.id, o.release_id, n.release_id, 'REVISED', o.synthetic, o.source_id, o.source_record_ref, o.supplier_id,
           o.recipient_id, o.supplier_declared_name, o.recipient_declared_name, o.supplier_country, o.recipient_country,
           o.origin_country, o.destination_country, o.period_start, o.period_end, o.hs_code, o.product_code,
           o.description, o.value, o.currency, o.value_eur, o.value_usd, o.value_qualifier, o.quantity, o.quantity_unit,
           o.net_weight_kg
      from old_rows o join new_rows n on n.id = o.id
     where n.release_id <> o.release_id;
    return null;
end $$;

create function shipment_keep_withdrawn() returns trigger language plpgsql as $$
begin
    insert into shipment_history (id, release_id, superseded_by, change, synthetic, source_id, source_record_ref,
        supplier_id, recipient_id, supplier_declared_name, recipient_declared_name, supplier_country, recipient_country,
        origin_country, destination_country, period_start, period_end, hs_code, product_code, description, value,
        currency, value_eur, value_usd, value_qualifier, quantity, quantity_unit, net_weight_kg)
    select o.id, o.release_id, w.writing, 'WITHDRAWN', o.synthetic, o.source_id, o.source_record_ref, o.supplier_id,
           o.recipient_id, o.supplier_declared_name, o.recipient_declared_name, o.supplier_country, o.recipient_country,
           o.origin_country, o.destination_country, o.period_start, o.period_end, o.hs_code, o.product_code,
           o.description, o.value, o.currency, o.value_eur, o.value_usd, o.value_qualifier, o.quantity, o.quantity_unit,
           o.net_weight_kg
      from old_rows o cross join lateral (select greatest(writing_release(), o.release_id) as writing) w
     where w.writing <> o.release_id;
    return null;
end $$;

create trigger shipment_keep_revised after update on shipment
    referencing old table as old_rows new table as new_rows
    for each statement execute function shipment_keep_revised();
create trigger shipment_keep_withdrawn after delete on shipment
    referencing old table as old_rows
    for each statement execute function shipment_keep_withdrawn();
create trigger shipment_history_data_version after insert or update or delete or truncate on shipment_history
    for each statement execute function bump_data_version();

-- The shipments as they stood at release R (columns of shipment, in its order; the HS prefixes as the table's generated
-- columns compute them). Inlinable like trade_volume_as_of, so the caller's filters reach both tables' indexes.
create function shipment_as_of(as_of bigint) returns setof shipment language sql stable parallel safe as $$
    select x.id, x.release_id, x.synthetic, x.source_id, x.source_record_ref, x.supplier_id, x.recipient_id,
           x.supplier_declared_name, x.recipient_declared_name, x.supplier_country, x.recipient_country,
           x.origin_country, x.destination_country, x.period_start, x.period_end, x.hs_code, x.hs2, x.hs4, x.hs6,
           x.product_code, x.description, x.value, x.currency, x.value_eur, x.value_usd, x.value_qualifier, x.quantity,
           x.quantity_unit, x.net_weight_kg
      from (select s.*, null::bigint as superseded_by from shipment s
            union all
            select h.id, h.release_id, h.synthetic, h.source_id, h.source_record_ref, h.supplier_id, h.recipient_id,
                   h.supplier_declared_name, h.recipient_declared_name, h.supplier_country, h.recipient_country,
                   h.origin_country, h.destination_country, h.period_start, h.period_end, h.hs_code,
                   left(h.hs_code, 2), case when length(h.hs_code) >= 4 then left(h.hs_code, 4) end,
                   case when length(h.hs_code) >= 6 then left(h.hs_code, 6) end,
                   h.product_code, h.description, h.value, h.currency, h.value_eur, h.value_usd, h.value_qualifier,
                   h.quantity, h.quantity_unit, h.net_weight_kg, h.superseded_by
              from shipment_history h) x
     where x.release_id <= as_of and (x.superseded_by is null or x.superseded_by > as_of)
$$;
