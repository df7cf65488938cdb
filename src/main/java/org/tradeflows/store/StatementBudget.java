package org.tradeflows.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The time left to the request a statement serves, as Jdbc sees it: how long the statement may run, and a register of
 * the running ones so that they are cancelled on the database when the request's time is spent. The GraphQL door
 * keeps one with each request (api/engine/RequestBudget) and says when it is spent; the statements themselves, JDBC's
 * business, stay here.
 */
public final class StatementBudget {

    private static final Logger LOG = Logger.getLogger(StatementBudget.class);

    private final long deadlineNanos;
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private volatile boolean spent;
    private volatile long replicaFloor = -1;

    /** A budget of {@code millis} from now. */
    public StatementBudget(long millis) {
        this.deadlineNanos = System.nanoTime() + millis * 1_000_000;
    }

    /** Lets a read replica that has replayed at least this data version serve the request's reads. */
    public void readFromReplicaAtOrAfter(long version) {
        replicaFloor = version;
    }

    /**
     * The data version a read replica must have replayed to serve this request's reads (the version the request saw
     * on the primary); negative when the request reads only from the primary (writes, curators, admins).
     */
    public long replicaFloor() {
        return replicaFloor;
    }

    /**
     * Seconds a statement may still run (JDBC counts whole seconds; at most {@code cap}), after it is registered as running.
     * Throws the statement-timeout SQLState when the budget is spent, so the statement never starts.
     */
    int admit(Statement statement, int cap) throws SQLException {
        long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (spent || leftMillis <= 0) {
            throw new SQLException("The request's time budget is spent", "57014");
        }
        running.add(statement);
        if (spent) { // spent while registering: cancel() may have missed it
            running.remove(statement);
            throw new SQLException("The request's time budget is spent", "57014");
        }
        int left = (int) Math.max(1, (leftMillis + 999) / 1000);
        return cap <= 0 ? left : Math.min(cap, left);
    }

    /** The statement has finished and can no longer be cancelled. */
    void done(Statement statement) {
        running.remove(statement);
    }

    /** Marks the budget spent and asks the database to cancel the statements still running (blocking: not on an event loop). */
    public void spend() {
        spent = true;
        for (Statement s : running) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Could not cancel a statement of a request over its budget: %s", e.getMessage());
            }
        }
    }

    public boolean spent() {
        return spent;
    }

    /** Finds the budget of the request served on this thread: null outside a bounded request (loaders, exports). */
    public interface Finder {
        StatementBudget current();
    }
}
