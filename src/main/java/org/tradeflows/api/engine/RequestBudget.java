package org.tradeflows.api.engine;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tradeflows.store.StatementBudget;

/**
 * The time one GraphQL request may take in all (tradeflows.limits.request-timeout). Each statement sizes its timeout
 * to what is left and registers while it runs (store/StatementBudget), so that when the budget is spent the request's
 * running statements are cancelled on the database and no new one starts. The budget travels with the request's
 * Vert.x context, which its data fetchers run on (on a worker thread or not); statements outside a GraphQL request
 * have none.
 */
public final class RequestBudget {

    private static final Object KEY = RequestBudget.class;

    private final StatementBudget statements;
    private final AtomicBoolean answered = new AtomicBoolean();

    private RequestBudget(long millis) {
        this.statements = new StatementBudget(millis);
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
        statements.readFromReplicaAtOrAfter(version);
    }

    /** The budget of the request being served on this thread, or null. */
    public static RequestBudget current() {
        return Vertx.currentContext() instanceof ContextInternal c && c.isDuplicate()
                ? (RequestBudget) c.localContextData().get(KEY) : null;
    }

    /** What the statements of this request may still spend, as Jdbc sees it. */
    public StatementBudget statements() {
        return statements;
    }

    /** Marks the budget spent and asks the database to cancel the statements still running (blocking: not on an event loop). */
    public void spend() {
        statements.spend();
    }

    public boolean spent() {
        return statements.spent();
    }

    /** True once only: the right to answer, taken either by the query's answer or by the TIMEOUT of a spent budget. */
    public boolean claimAnswer() {
        return answered.compareAndSet(false, true);
    }
}
