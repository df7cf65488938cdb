package org.tradeflows.store;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The time left to the request a statement serves, as Jdbc sees it: how long the statement may run, and a register of
 * the running ones so that they can be cancelled when the request's time is spent. The GraphQL door keeps the budget
 * with its request (api/engine/RequestBudget); the store knows nothing of where.
 */
public interface StatementBudget {

    /**
     * Seconds the statement may still run (at most {@code capSeconds}), after registering it as running; throws the
     * statement-timeout SQLState when the budget is spent, so the statement never starts.
     */
    int admit(Statement statement, int capSeconds) throws SQLException;

    /** The statement has finished and can no longer be cancelled. */
    void done(Statement statement);

    /**
     * The data version a read replica must have replayed to serve this request's reads (the version the request saw
     * on the primary); negative when the request reads only from the primary (writes, curators, admins).
     */
    default long replicaFloor() {
        return -1;
    }

    /** Finds the budget of the request served on this thread: null outside a bounded request (loaders, exports). */
    interface Finder {
        StatementBudget current();
    }
}
