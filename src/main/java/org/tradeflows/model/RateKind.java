package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What an exchange rate is: the ECB's rate of one day, or an average of its daily rates over a month or a year.")
public enum RateKind {
    @Description("The reference rate of one day, as the ECB published it.")
    DAY,
    @Description("The arithmetic mean of the daily rates of a calendar month.")
    MONTH,
    @Description("The arithmetic mean of the daily rates of a calendar year.")
    YEAR
}
