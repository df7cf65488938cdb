-- Answers are kept under the data version (V6), by POST as well as by GET now, so every table a query can read must
-- bump it. V6 left out the finding details, ownership, API keys and the audit trail: a new key, a revoked one or an
-- audit entry did not change the version, and a kept answer listing keys or audit entries could be served stale.
do $$
declare
    t text;
begin
    foreach t in array array['finding_amount', 'finding_company', 'finding_country', 'finding_product', 'finding_goods',
                             'ownership', 'api_key', 'audit_entry'] loop
        execute format('create trigger %I after insert or update or delete or truncate on %I '
                       'for each statement execute function bump_data_version()', t || '_data_version', t);
    end loop;
end $$;
