package org.tradeflows.api.engine;

import jakarta.enterprise.context.ApplicationScoped;
import org.tradeflows.store.StatementBudget;

/** Gives Jdbc the budget of the GraphQL request being served on its thread; the store itself knows no Vert.x. */
@ApplicationScoped
public class RequestBudgets implements StatementBudget.Finder {

    @Override
    public StatementBudget current() {
        RequestBudget budget = RequestBudget.current();
        return budget == null ? null : budget.statements();
    }
}
