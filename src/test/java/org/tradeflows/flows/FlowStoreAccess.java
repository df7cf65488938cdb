package org.tradeflows.flows;

import org.tradeflows.query.FlowQuery;
import org.tradeflows.query.FlowStore;

/** The store the service would choose for a query (rollups enabled, no custom keys). */
final class FlowStoreAccess {
    private FlowStoreAccess() {
    }

    static FlowStore choose(FlowQuery q) {
        return FlowStore.chooseFor(q);
    }
}
