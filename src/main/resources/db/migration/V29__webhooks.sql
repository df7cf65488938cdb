-- Webhooks (issue 18, part 4): a key holder's URL that is sent a signed POST each time the answer of a persisted query
-- (with its variables) changes. The answer is watched as answerChanged's is (live_answer, V27), and each ANSWER_CHANGED
-- event makes one delivery per hook of that answer, by the trigger below, in the transaction that records the change:
-- a delivery exists exactly when its event does, whichever instance found the change. Deliveries are rows, so a
-- restart loses none: the service sends the due ones, records every attempt, retries with backoff and, after the
-- last attempt, leaves the delivery DEAD (the dead letter) and the hook failing.
create table webhook (
    id             bigserial primary key,
    hash           text not null references persisted_query (sha256),
    -- canonical JSON (keys sorted), as live_answer keeps them
    variables      text not null,
    url            text not null check (length(url) between 1 and 2000),
    -- the HMAC key of its signatures: shown once, when the hook is made; kept, since every delivery is signed with it
    secret         text not null,
    -- the key that made it (null: the bootstrap admin key, which has no row)
    key_id         bigint references api_key (id),
    created_by     text not null,
    created_at     timestamptz not null default now(),
    -- set when a delivery went to the dead letter, cleared by the next delivery that succeeds
    failing_since  timestamptz
);
create index webhook_answer on webhook (hash, variables);
create index webhook_key on webhook (key_id);

create table webhook_delivery (
    id               bigserial primary key,
    webhook_id       bigint not null references webhook (id) on delete cascade,
    -- the ANSWER_CHANGED event (live_event.seq; no foreign key: old events are pruned, deliveries stay)
    event_seq        bigint not null,
    -- what the event said (both answers, the diff) and its release, copied: the body is made from it on every attempt
    event            jsonb not null,
    status           text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    -- an instance sending it holds it until then; a lease that ran out (the instance died) is taken again
    claimed_until    timestamptz,
    created_at       timestamptz not null default clock_timestamp(),
    finished_at      timestamptz,
    unique (webhook_id, event_seq),
    check ((status = 'PENDING') = (next_attempt_at is not null))
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';

create table webhook_attempt (
    delivery_id  bigint not null references webhook_delivery (id) on delete cascade,
    number       integer not null check (number >= 1),
    started_at   timestamptz not null,
    duration_ms  integer not null,
    -- the receiver's HTTP status; null when none came (refused address, timeout, connection refused)
    status_code  integer,
    -- what went wrong, in words; null when the receiver took it (2xx)
    error        text,
    primary key (delivery_id, number)
);

create function webhook_deliveries() returns trigger language plpgsql as $$
begin
    insert into webhook_delivery (webhook_id, event_seq, event, next_attempt_at)
    select w.id, new.seq,
           new.payload || jsonb_build_object('at', new.created_at, 'release',
               (select jsonb_build_object('id', r.id, 'key', r.key, 'version', r.version, 'kind', r.kind,
                                          'releasedAt', r.released_at)
                  from data_release r where r.id = (new.payload->>'releaseId')::bigint)),
           clock_timestamp()
      from webhook w
      left join api_key k on k.id = w.key_id
     where w.hash = new.payload->>'hash' and w.variables = new.payload->>'variables'
       and (w.key_id is null or k.revoked_at is null);
    return null;
end $$;

create trigger live_event_webhooks after insert on live_event for each row when (new.kind = 'ANSWER_CHANGED')
    execute function webhook_deliveries();

-- a key's hooks and their delivery log are read through the kept answers, so every change to them bumps the data
-- version, as a registered persisted query does (V25); for each row, not each statement, since the search for due
-- deliveries runs every second and most often changes nothing
do $$
declare
    t text;
begin
    foreach t in array array['webhook', 'webhook_delivery', 'webhook_attempt'] loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each row execute function bump_data_version()', t || '_data_version', t);
    end loop;
end $$;

-- making and deleting a hook is audited as other changes are
alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check
    check (action in ('UPDATE_COMPANY', 'ADD_ALIAS', 'REMOVE_ALIAS', 'ADD_IDENTIFIER', 'REMOVE_IDENTIFIER',
                      'MERGE_COMPANIES', 'UNDO_MERGE', 'RECORD_SANCTION', 'END_SANCTION', 'ATTACH_SOURCE',
                      'CREATE_SOURCE', 'CREATE_API_KEY', 'REVOKE_API_KEY', 'REGISTER_PERSISTED_QUERY',
                      'CREATE_WEBHOOK', 'DELETE_WEBHOOK'));
