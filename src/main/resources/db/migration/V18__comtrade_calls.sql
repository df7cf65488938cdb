-- UN Comtrade fetches (issue 15): the API answers in calls of at most 100,000 records (500 without a key) and a key
-- has a daily call budget, so a fetch is many calls, possibly over several days. Each call that answered is kept
-- here (its rows, as the loader reads them) until the fetch is loaded whole; a rerun of the same fetch after a crash
-- or a spent budget makes only the calls still missing. The rows are the user's own download, never shipped.
-- A run that stopped because the budget was spent is PAUSED: nothing loaded yet, rerun to resume.

alter table fetch_run drop constraint fetch_run_state_check;
alter table fetch_run add constraint fetch_run_state_check
    check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED_UNCHANGED', 'PAUSED'));

create table comtrade_call (
    id            bigserial primary key,
    fetch_key     text not null,                     -- the frequency and filter the call belongs to
    call_key      text not null,                     -- the call's query (periods, codes; never the key)
    record_count  integer not null check (record_count >= 0),
    split         boolean not null default false,    -- it hit the cap: its rows come from narrower calls
    rows_csv      text,                              -- its rows for the loader (null when split or loaded)
    fetched_at    timestamptz not null default now(),
    release_id    bigint references data_release (id) -- set once the fetch it belongs to was loaded
);
create unique index comtrade_call_pending on comtrade_call (fetch_key, call_key) where release_id is null;
create index comtrade_call_day on comtrade_call (fetched_at);
