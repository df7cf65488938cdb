-- API keys and the audit trail of curated corrections.

-- A key is shown once at creation; only its SHA-256 is kept, so a leaked table reveals no usable key.
create table api_key (
    id          bigserial primary key,
    name        text not null check (length(trim(name)) between 1 and 100),
    role        text not null check (role in ('READER', 'CURATOR', 'ADMIN')),
    key_prefix  text not null check (length(key_prefix) between 4 and 16),
    key_sha256  text not null unique check (key_sha256 ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz not null default now(),
    created_by  text not null,
    revoked_at  timestamptz,
    revoked_by  text,
    check ((revoked_at is null) = (revoked_by is null))
);

-- One row per change made through the API: who, when, what, and the record before and after, as JSON.
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz not null default clock_timestamp(),
    actor         text not null,
    action        text not null check (action in ('UPDATE_COMPANY', 'ADD_ALIAS', 'REMOVE_ALIAS', 'ADD_IDENTIFIER',
                                                  'REMOVE_IDENTIFIER', 'MERGE_COMPANIES', 'UNDO_MERGE',
                                                  'RECORD_SANCTION', 'END_SANCTION', 'ATTACH_SOURCE', 'CREATE_SOURCE',
                                                  'CREATE_API_KEY', 'REVOKE_API_KEY')),
    record_type   text not null,
    record_id     bigint not null,
    before        jsonb,
    after         jsonb,
    undoes_id     bigint references audit_entry (id),
    undone_by_id  bigint references audit_entry (id)
);
create index audit_entry_record on audit_entry (record_type, record_id, id);
create index audit_entry_actor on audit_entry (actor, id);
create unique index audit_entry_one_undo on audit_entry (undoes_id) where undoes_id is not null;
