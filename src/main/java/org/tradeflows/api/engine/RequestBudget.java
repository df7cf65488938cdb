package org.tradeflows.api.engine;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.tradeflows.store.StatementBudget;

/**
 * The time one GraphQL request may take in all (tradeflows.limits.request-timeout). Each statement sizes its timeout
 * to what is left and registers while it runs, so that when the budget is spent the request's running statements are
 * cancelled on the database and no new one starts. The budget travels with the request's Vert.x context, which its
 * data fetchers run on (on a worker thread or not); statements outside a GraphQL request have none.
 */
public final class RequestBudget implements StatementBudget {

    private static final Logger LOG = Logger.getLogger(RequestBudget.class);
    private static final Object KEY = RequestBudget.class;

    private final long deadlineNanos;
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private volatile boolean spent;
    private volatile long replicaFloor = -1;
    private final java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();

    private RequestBudget(long millis) {
        this.deadlineNanos = System.nanoTime() + millis * 1_000_000;
    }

    /** Starts the budget of the request whose context this is. */
    public static RequestBudget start(Context context, long millis) {
        RequestBudget budget = new RequestBudget(millis);
        if (context instanceof ContextInternal c && c.isDuplicate()) { // a request's own context, never a shared one
            c.localContextData().put(KEY, budget);
        }
        return budget;
    }

    /** A budget that never runs out, kept by no context (bench only: tradeflows.limits.checks=false). */
    public static RequestBudget unbounded() {
        return new RequestBudget(Long.MAX_VALUE / 2_000_000);
    }

    /** Lets a read replica that has replayed at least this data version serve the request's reads. */
    public void readFromReplicaAtOrAfter(long version) {
        replicaFloor = version;
    }

    @Override
    public long replicaFloor() {
        return replicaFloor;
    }

    /** The budget of the request being served on this thread, or null. */
    public static RequestBudget current() {
        return Vertx.currentContext() instanceof ContextInternal c && c.isDuplicate()
                ? (RequestBudget) c.localContextData().get(KEY) : null;
    }

    /**
     * Seconds a statement may still run (JDBC counts whole seconds; at most {@code cap}), after it is registered as running.
     * Throws the statement-timeout SQLState when the budget is spent, so the statement never starts.
     */
    @Override
    public int admit(Statement statement, int cap) throws SQLException {
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

    @Override
    public void done(Statement statement) {
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

    /** True once only: the right to answer, taken either by the query's answer or by the TIMEOUT of a spent budget. */
    public boolean claimAnswer() {
        return answered.compareAndSet(false, true);
    }
}
