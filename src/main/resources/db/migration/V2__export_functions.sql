-- Global ids in SQL, the same as the API's: base64url (no padding) of 'Type:key'. Exports stream them without Java.
create function global_id(p_type text, p_key text) returns text
language sql immutable strict parallel safe as $$
    select translate(rtrim(replace(encode(convert_to(p_type || ':' || p_key, 'UTF8'), 'base64'), E'\n', ''), '='), '+/', '-_')
$$;
