-- The explorer's own queries (graphql/explorer/) are registered at start as persisted queries of their own origin, so
-- that the explorer runs in allow-list mode and offers permalinks of what its panels show (issue 18).
alter table persisted_query drop constraint persisted_query_origin_check;
alter table persisted_query add constraint persisted_query_origin_check check (origin in ('ADMIN', 'EXAMPLE', 'EXPLORER'));
