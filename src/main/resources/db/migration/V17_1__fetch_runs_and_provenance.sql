-- Fetches from the publishers (issue 15): a release made by a fetch says where its rows came from, and every fetch
-- is a run that admins can follow. One run at a time: at most one run is QUEUED or RUNNING, on every replica.

alter table data_release drop constraint data_release_kind_check;
alter table data_release add constraint data_release_kind_check
    check (kind in ('REFERENCE', 'STORY', 'INGEST', 'SYNTHETIC', 'FETCH'));

alter table data_release
    add column publisher        text,
    add column upstream_version text,
    add column url              text check (url is null or url ~ '^https?://'),
    add column licence          text,
    add column citation         text,
    add column retrieved_at     timestamptz,
    add column fetch_filter     text;

create index data_release_upstream on data_release (source_id, upstream_version) where upstream_version is not null;

create table fetch_run (
    id                bigserial primary key,
    source            text not null check (source ~ '^[a-z0-9][a-z0-9._-]*$'),
    state             text not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED_UNCHANGED')),
    filter            text not null,
    dry_run           boolean not null default false,
    requested_by      text not null,
    upstream_version  text,
    url               text,
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    bytes_read        bigint not null default 0,
    bytes_total       bigint,
    rows_read         bigint not null default 0,
    rows_loaded       bigint not null default 0,
    error_code        text,
    error_message     text,
    message           text,
    release_id        bigint references data_release (id),
    check ((state = 'FAILED') = (error_code is not null))
);
create unique index fetch_run_one_at_a_time on fetch_run ((true)) where state in ('QUEUED', 'RUNNING');
create index fetch_run_source on fetch_run (source, id desc);

-- fetchRuns is read through the kept answers, so a run's progress bumps the data version as every other table does;
-- but while the fetch's own load holds the version's row (it writes in one long transaction), the progress update,
-- made on another connection by the same process, must not wait for it: it skips the bump, and the load's commit
-- bumps the version anyway.
create function bump_data_version_unless_locked() returns trigger language plpgsql as $$
begin
    update data_version set version = version + 1
    where singleton in (select singleton from data_version for update skip locked);
    return null;
end $$;

create trigger fetch_run_data_version after insert or update or delete or truncate on fetch_run
    for each statement execute function bump_data_version_unless_locked();
