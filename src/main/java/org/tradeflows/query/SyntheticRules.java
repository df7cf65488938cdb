package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;

import org.tradeflows.model.SyntheticChoice;
import org.tradeflows.sql.Sql;

/**
 * The one way Java tells generated rows from facts outside the shipment table: a company, sanction or finding is
 * synthetic when its source is of kind SYNTHETIC (the generator writes no other). Answers, counts and exports leave
 * them out unless {@code includeSynthetic} is asked, as shipments do with their own {@code synthetic} column.
 */
public final class SyntheticRules {

    private SyntheticRules() {
    }

    /** The row aliased {@code alias} (one of c, s, f: fixed aliases, never user text) does not come from a generator. */
    public static Sql real(String alias) {
        if (!alias.matches("[a-z]{1,3}")) {
            throw new IllegalArgumentException("alias");
        }
        return sql("not exists (select 1 from source sy where sy.id = " + alias + ".source_id and sy.kind = 'SYNTHETIC')");
    }

    /** {@link #real} unless the filter asks for synthetic rows too. */
    public static Sql realUnless(SyntheticChoice filter, String alias) {
        return SyntheticChoice.includes(filter) ? Sql.TRUE : real(alias);
    }

    /** The same condition as text, for stores that build their WHERE from strings. */
    public static String realText(String alias) {
        if (!alias.matches("[a-z]{1,3}")) {
            throw new IllegalArgumentException("alias");
        }
        return "not exists (select 1 from source sy where sy.id = " + alias + ".source_id and sy.kind = 'SYNTHETIC')";
    }
}
