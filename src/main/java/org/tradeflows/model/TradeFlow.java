package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Direction of an official trade figure, from the reporter's side.")
public enum TradeFlow {
    @Description("Exports of the reporter to the partner.")
    EXPORT,
    @Description("Imports of the reporter from the partner.")
    IMPORT,
    @Description("Turnover: exports plus imports, as the reporter publishes it.")
    TOTAL
}
