package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Length of a statistics period.")
public enum PeriodKind {
    @Description("A calendar year.")
    YEAR,
    @Description("A calendar quarter.")
    QUARTER,
    @Description("A calendar month.")
    MONTH
}
