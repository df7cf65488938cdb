package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.time.LocalDate;
import org.tradeflows.sql.Sql;

/**
 * The one way Java asks whether a listing is in force: the SQL rule {@code sanction_in_force} (R__domain_rules.sql),
 * applied to the sanction aliased {@code s}. An undated listing counts from the day of asking.
 */
public final class SanctionRules {

    private SanctionRules() {
    }

    /** The listing {@code s} is in force on the date. */
    public static Sql inForce(LocalDate on) {
        return inForce("s", value(on));
    }

    /**
     * The listing aliased {@code alias} (a fixed alias of ours, never user text) is in force at the date the piece
     * {@code on} gives, e.g. a shipment's {@code period_start}: the same rule, per row.
     */
    public static Sql inForce(String alias, Sql on) {
        if (!alias.matches("[a-z]{1,3}")) {
            throw new IllegalArgumentException("alias");
        }
        return sql("sanction_in_force(" + alias + ".confirmed, " + alias + ".listed_on, " + alias + ".ended_on, {})", on);
    }
}
