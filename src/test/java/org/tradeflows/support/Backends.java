package org.tradeflows.support;

import java.util.List;
import org.tradeflows.store.Jdbc;

/** Kills one PostgreSQL backend of the test's own database, as a dropped connection would end it. */
public final class Backends {

    private Backends() {
    }

    /**
     * Terminates backend {@code pid} if it belongs to this database. The CASE fixes the order of evaluation: a
     * condition beside pg_terminate_backend in a WHERE clause could be evaluated after it, for every backend.
     */
    public static boolean terminate(Jdbc jdbc, long pid) {
        return jdbc.count("""
                select case when exists (select 1 from pg_stat_activity where pid = ? and datname = current_database()
                                           and pid <> pg_backend_pid())
                            then (case when pg_terminate_backend(?::int) then 1 else 0 end) else 0 end""",
                List.of(pid, pid)) == 1;
    }
}
