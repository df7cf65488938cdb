-- Persisted queries (issue 18): GraphQL documents registered by their SHA-256, which clients may send instead of the
-- text (Apollo's persisted-query protocol), which the allow-list mode (tradeflows.graphql.persisted.only) lets run, and
-- which permalinks (/q/{sha256}) answer. A document never changes: the hash is of its exact text (UTF-8).
create table persisted_query (
    id             bigserial primary key,
    sha256         text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
    document       text not null check (length(document) > 0),
    name           text check (name is null or length(trim(name)) between 1 and 200),
    origin         text not null check (origin in ('ADMIN', 'EXAMPLE')),
    registered_at  timestamptz not null default now(),
    registered_by  text not null
);

-- registering one is an admin mutation, audited as the others are
alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check
    check (action in ('UPDATE_COMPANY', 'ADD_ALIAS', 'REMOVE_ALIAS', 'ADD_IDENTIFIER', 'REMOVE_IDENTIFIER',
                      'MERGE_COMPANIES', 'UNDO_MERGE', 'RECORD_SANCTION', 'END_SANCTION', 'ATTACH_SOURCE',
                      'CREATE_SOURCE', 'CREATE_API_KEY', 'REVOKE_API_KEY', 'REGISTER_PERSISTED_QUERY'));

-- persistedQuery(sha256Hash) is read through the kept answers, so a registration bumps the data version as every
-- other table's change does (V11)
create trigger persisted_query_data_version after insert or update or delete or truncate on persisted_query
    for each statement execute function bump_data_version();
