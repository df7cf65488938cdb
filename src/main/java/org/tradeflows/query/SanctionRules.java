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
        return sql("sanction_in_force(s.confirmed, s.listed_on, s.ended_on, {})", value(on));
    }
}
