package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;

import org.tradeflows.model.SyntheticChoice;
import org.tradeflows.sql.Sql;

/**
 * The one way Java tells generated rows from facts. A shipment or a release carries its own {@code synthetic} flag
 * (the loader copies a release's flag to its shipments); a company, sanction or finding is synthetic when its source is
 * of kind SYNTHETIC (the generator writes no other). Answers, counts and exports leave them out unless
 * {@code includeSynthetic} is asked.
 */
public final class SyntheticRules {

    /** The shipment aliased {@code s} is real. */
    public static final Sql REAL_SHIPMENT = sql("not s.synthetic");

    /** The release (data_release, unaliased) holds real data. */
    public static final Sql REAL_RELEASE = sql("not synthetic");

    private SyntheticRules() {
    }

    /** {@link #REAL_SHIPMENT} unless synthetic rows are asked for too, then nothing ({@link Sql#EMPTY}). */
    public static Sql realShipmentUnless(boolean includeSynthetic) {
        return includeSynthetic ? Sql.EMPTY : REAL_SHIPMENT;
    }

    /** The row aliased {@code alias} (one of c, s, f, x: fixed aliases, never user text) comes from a generator. */
    public static Sql synthetic(String alias) {
        if (!alias.matches("[a-z]{1,3}")) {
            throw new IllegalArgumentException("alias");
        }
        return sql("exists (select 1 from source sy where sy.id = " + alias + ".source_id and sy.kind = 'SYNTHETIC')");
    }

    /** The row aliased {@code alias} does not come from a generator. */
    public static Sql real(String alias) {
        return sql("not {}", synthetic(alias));
    }

    /** {@link #real} unless the filter asks for synthetic rows too. */
    public static Sql realUnless(SyntheticChoice filter, String alias) {
        return SyntheticChoice.includes(filter) ? Sql.TRUE : real(alias);
    }
}
