package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("How an official figure changed between two releases.")
public enum FigureChange {
    @Description("In the later release only.")
    ADDED,
    @Description("In both, with a different value, qualifier, weight, quantity or note.")
    REVISED,
    @Description("In the earlier release only: the later one no longer has it.")
    WITHDRAWN
}
