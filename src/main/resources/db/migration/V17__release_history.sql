-- Releases are kept, not overwritten (issue 15 item 2). Whatever path revises or withdraws an official figure
-- (a loader's upsert, a fetch that replaces a source's rows, curation), the figure as it stood is copied here by a
-- trigger, with the release that wrote it and the release that superseded it. The state as of a release R is then
-- one rule, written once below in trade_volume_as_of(R): the current rows written by a release <= R, plus the kept
-- rows written by a release <= R and superseded by a release > R. TRUNCATE keeps no history (it is not a revision).
create table trade_volume_history (
    history_id       bigserial primary key,
    id               bigint not null,          -- the figure's id in trade_volume (kept across revisions)
    release_id       bigint not null references data_release (id) on delete cascade,
    superseded_by    bigint not null references data_release (id) on delete cascade,
    change           text not null check (change in ('REVISED', 'WITHDRAWN')),
    superseded_at    timestamptz not null default now(),
    source_id        bigint not null,
    reporter         text not null,
    partner          text not null,
    flow             text not null,
    period_kind      text not null,
    period_start     date not null,
    period_end       date not null,
    product_code     text,
    value            numeric(24, 2) not null,
    currency         text not null,
    value_eur        numeric(24, 2),
    value_usd        numeric(24, 2),
    value_qualifier  text not null,
    net_weight_kg    numeric(24, 3),
    quantity         numeric(24, 3),
    quantity_unit    text,
    note             text
);
-- asOf reads "written at or before R, superseded after R"; the diff and the pruning read by superseding release
create index trade_volume_history_as_of on trade_volume_history (release_id, superseded_by);
create index trade_volume_history_superseded on trade_volume_history (superseded_by);
-- the same access path as trade_volume_pair, so a filtered asOf reads the kept rows by index as it reads the current
-- ones; and trade_volume_pair itself now carries release_id, so that a count or a filter as of a release stays an
-- index-only scan as it is for the latest data (bench/asof.sh: 46 ms -> 3 ms for a reporter's count over 850k rows)
create index trade_volume_history_pair on trade_volume_history (reporter, partner, period_start)
    include (release_id, superseded_by);
create index trade_volume_pair_with_release on trade_volume (reporter, partner, period_start) include (release_id);
drop index trade_volume_pair;
alter index trade_volume_pair_with_release rename to trade_volume_pair;

-- The release a statement writes under: an UPDATE names it in the row (NEW.release_id); a DELETE cannot, so loaders
-- say it with set_config('tradeflows.release_id', id, true) for their transaction (store/TradeVolumeHistoryStore).
-- Unset, a withdrawal counts as superseded by the newest release at that moment (what a reader saw as "latest").
create function writing_release() returns bigint language sql stable as $$
    select coalesce(nullif(current_setting('tradeflows.release_id', true), '')::bigint,
                    (select max(id) from data_release))
$$;

create function trade_volume_keep_revised() returns trigger language plpgsql as $$
begin
    insert into trade_volume_history (id, release_id, superseded_by, change, source_id, reporter, partner, flow,
        period_kind, period_start, period_end, product_code, value, currency, value_eur, value_usd, value_qualifier,
        net_weight_kg, quantity, quantity_unit, note)
    select o.id, o.release_id, n.release_id, 'REVISED', o.source_id, o.reporter, o.partner, o.flow, o.period_kind,
           o.period_start, o.period_end, o.product_code, o.value, o.currency, o.value_eur, o.value_usd,
           o.value_qualifier, o.net_weight_kg, o.quantity, o.quantity_unit, o.note
      from old_rows o join new_rows n on n.id = o.id;
    return null;
end $$;

create function trade_volume_keep_withdrawn() returns trigger language plpgsql as $$
declare
    writing bigint := writing_release();
begin
    insert into trade_volume_history (id, release_id, superseded_by, change, source_id, reporter, partner, flow,
        period_kind, period_start, period_end, product_code, value, currency, value_eur, value_usd, value_qualifier,
        net_weight_kg, quantity, quantity_unit, note)
    select o.id, o.release_id, greatest(writing, o.release_id), 'WITHDRAWN', o.source_id, o.reporter, o.partner,
           o.flow, o.period_kind, o.period_start, o.period_end, o.product_code, o.value, o.currency, o.value_eur,
           o.value_usd, o.value_qualifier, o.net_weight_kg, o.quantity, o.quantity_unit, o.note
      from old_rows o;
    return null;
end $$;

-- statement-level with transition tables: one insert per statement, so a bulk revision costs one pass, not a call per row
create trigger trade_volume_keep_revised after update on trade_volume
    referencing old table as old_rows new table as new_rows
    for each statement execute function trade_volume_keep_revised();
create trigger trade_volume_keep_withdrawn after delete on trade_volume
    referencing old table as old_rows
    for each statement execute function trade_volume_keep_withdrawn();
-- pruning history changes what asOf answers, so it bumps the data version that kept answers are keyed by (V6)
create trigger trade_volume_history_data_version after insert or update or delete or truncate on trade_volume_history
    for each statement execute function bump_data_version();

-- The one rule for "as the data stood at release R". An inlinable SQL function (stable, not strict, one SELECT):
-- the planner pushes the caller's filters into both tables. The conditions sit outside the UNION ALL on purpose: its
-- branches then have no WHERE of their own, so PostgreSQL flattens them into an append of two plain table scans
-- (indexes, merge append for ordered pages) instead of two subquery scans. Its columns are trade_volume's, in its
-- order; a migration that adds a column to trade_volume must add it to trade_volume_history and recreate this.
create function trade_volume_as_of(as_of bigint) returns setof trade_volume language sql stable parallel safe as $$
    select x.id, x.release_id, x.source_id, x.reporter, x.partner, x.flow, x.period_kind, x.period_start, x.period_end,
           x.product_code, x.value, x.currency, x.value_eur, x.value_usd, x.value_qualifier, x.net_weight_kg, x.quantity,
           x.quantity_unit, x.note
      from (select t.*, null::bigint as superseded_by from trade_volume t
            union all
            select h.id, h.release_id, h.source_id, h.reporter, h.partner, h.flow, h.period_kind, h.period_start,
                   h.period_end, h.product_code, h.value, h.currency, h.value_eur, h.value_usd, h.value_qualifier,
                   h.net_weight_kg, h.quantity, h.quantity_unit, h.note, h.superseded_by
              from trade_volume_history h) x
     -- current rows (superseded_by null) written by a release <= R; kept rows written <= R and superseded after R
     where x.release_id <= as_of and (x.superseded_by is null or x.superseded_by > as_of)
$$;

-- What changed between two releases, keyed by the figure's natural key (the unique index trade_volume_natural):
-- each change with the figure as it stood at from_release (old_figure, null when ADDED) and at to_release
-- (new_figure, null when WITHDRAWN). Only keys written or superseded by a release between the two are compared, so a
-- diff costs what changed, not the size of the table.
create function trade_volume_release_diff(from_release bigint, to_release bigint)
returns table (change text, figure_key text, old_figure trade_volume, new_figure trade_volume)
language sql stable as $$
    with bounds as (select least(from_release, to_release) as lo, greatest(from_release, to_release) as hi),
    touched as (
        select t.source_id, t.reporter, t.partner, t.flow, t.period_start, t.period_end,
               coalesce(t.product_code, '*') as product, t.currency
          from trade_volume t, bounds b where t.release_id > b.lo and t.release_id <= b.hi
        union
        select h.source_id, h.reporter, h.partner, h.flow, h.period_start, h.period_end, coalesce(h.product_code, '*'),
               h.currency
          from trade_volume_history h, bounds b
         where (h.superseded_by > b.lo and h.superseded_by <= b.hi) or (h.release_id > b.lo and h.release_id <= b.hi)),
    a as (select x from trade_volume_as_of(from_release) x
           where (x.source_id, x.reporter, x.partner, x.flow, x.period_start, x.period_end,
                  coalesce(x.product_code, '*'), x.currency) in (select * from touched)),
    b as (select x from trade_volume_as_of(to_release) x
           where (x.source_id, x.reporter, x.partner, x.flow, x.period_start, x.period_end,
                  coalesce(x.product_code, '*'), x.currency) in (select * from touched)),
    pairs as (
        select a.x as old_figure, b.x as new_figure
          from a full join b
            on ((b.x).source_id, (b.x).reporter, (b.x).partner, (b.x).flow, (b.x).period_start, (b.x).period_end,
                coalesce((b.x).product_code, '*'), (b.x).currency)
             = ((a.x).source_id, (a.x).reporter, (a.x).partner, (a.x).flow, (a.x).period_start, (a.x).period_end,
                coalesce((a.x).product_code, '*'), (a.x).currency))
    select case when p.old_figure is null then 'ADDED' when p.new_figure is null then 'WITHDRAWN' else 'REVISED' end,
           concat_ws('|', k.reporter, k.partner, k.flow, k.period_start, k.period_end, coalesce(k.product_code, '*'),
                     k.currency, k.source_id),
           p.old_figure, p.new_figure
      from pairs p cross join lateral (select (coalesce(p.new_figure, p.old_figure)).*) k
     where p.old_figure is null or p.new_figure is null
        or ((p.old_figure).value, (p.old_figure).value_eur, (p.old_figure).value_usd, (p.old_figure).value_qualifier,
            (p.old_figure).net_weight_kg, (p.old_figure).quantity, (p.old_figure).quantity_unit, (p.old_figure).note,
            (p.old_figure).period_kind)
           is distinct from
           ((p.new_figure).value, (p.new_figure).value_eur, (p.new_figure).value_usd, (p.new_figure).value_qualifier,
            (p.new_figure).net_weight_kg, (p.new_figure).quantity, (p.new_figure).quantity_unit, (p.new_figure).note,
            (p.new_figure).period_kind)
$$;
