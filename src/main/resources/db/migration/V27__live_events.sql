-- Live answers (issue 18, part 3): subscriptions and their resume tokens.
--
-- A release or a sanction is queued in live_outbox by a trigger, in the transaction that commits it (a load, a fetch,
-- a curator's mutation, a command run in another process alike), so an event exists exactly when its data does. The
-- service turns the queue into live_event rows one batch at a time under a transaction-level advisory lock
-- (store/LiveEventStore), so the sequence numbers are given in commit order: a subscriber that has seen N has seen
-- every event up to N, and one that reconnects with N is sent every later one that is still kept.
create table live_outbox (
    id          bigserial primary key,
    kind        text not null check (kind in ('RELEASE', 'SANCTION')),
    subject_id  bigint not null,
    queued_at   timestamptz not null default clock_timestamp()
);

create table live_event (
    seq         bigserial primary key,
    kind        text not null check (kind in ('RELEASE_PUBLISHED', 'SANCTION_RECORDED', 'ANSWER_CHANGED')),
    -- what the event is about: a release or sanction id, or for ANSWER_CHANGED the watched answer's key
    subject     text not null,
    payload     jsonb not null,
    created_at  timestamptz not null default clock_timestamp()
);
create index live_event_subject on live_event (kind, subject, seq);
create index live_event_created on live_event (created_at);

-- The last answer of every persisted query (with its variables) someone watches, by subscription or webhook: a new
-- release re-runs it and, when the answer differs, an ANSWER_CHANGED event carries both. checked_seq is the last
-- RELEASE_PUBLISHED event it was compared after, so a check interrupted by a restart is made again. A new watch has
-- no answer yet: the service runs the query once to have one (its baseline) before comparing anything.
create table live_answer (
    hash           text not null check (hash ~ '^[0-9a-f]{64}$'),
    variables      text not null,
    answer         jsonb,
    checked_seq    bigint not null,
    watched_until  timestamptz not null,
    primary key (hash, variables)
);

create function live_outbox_release() returns trigger language plpgsql as $$
begin
    insert into live_outbox (kind, subject_id) values ('RELEASE', new.id);
    return null;
end $$;

create function live_outbox_sanction() returns trigger language plpgsql as $$
begin
    insert into live_outbox (kind, subject_id) values ('SANCTION', new.id);
    return null;
end $$;

create trigger data_release_live after insert on data_release for each row execute function live_outbox_release();
create trigger sanction_live after insert on sanction for each row execute function live_outbox_sanction();
