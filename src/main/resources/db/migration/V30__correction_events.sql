-- Curators' corrections as live events (issue 18, part 3: authenticated subscriptions for curator events): each audit
-- entry of a correction is queued in live_outbox by a trigger, in the transaction that makes the correction, and becomes
-- a CORRECTION_RECORDED event numbered with the others (V27), sent by correctionRecorded to curator and admin keys only.
-- Entries of keys, webhooks and persisted queries are not corrections and are not sent.
alter table live_outbox drop constraint live_outbox_kind_check;
alter table live_outbox add constraint live_outbox_kind_check check (kind in ('RELEASE', 'SANCTION', 'CORRECTION'));

alter table live_event drop constraint live_event_kind_check;
alter table live_event add constraint live_event_kind_check
    check (kind in ('RELEASE_PUBLISHED', 'SANCTION_RECORDED', 'ANSWER_CHANGED', 'CORRECTION_RECORDED'));

create function live_outbox_correction() returns trigger language plpgsql as $$
begin
    insert into live_outbox (kind, subject_id) values ('CORRECTION', new.id);
    return null;
end $$;

create trigger audit_entry_live after insert on audit_entry for each row
    when (new.action in ('UPDATE_COMPANY', 'ADD_ALIAS', 'REMOVE_ALIAS', 'ADD_IDENTIFIER', 'REMOVE_IDENTIFIER',
                         'MERGE_COMPANIES', 'UNDO_MERGE', 'RECORD_SANCTION', 'END_SANCTION', 'ATTACH_SOURCE',
                         'CREATE_SOURCE'))
    execute function live_outbox_correction();
